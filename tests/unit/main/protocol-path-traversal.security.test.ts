/**
 * Threat: a page (or a URL crafted into it) asks casevault:// for files outside the built renderer —
 * the vault, preferences, SSH keys — through `..`, encoded separators, another host, or a symlink.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp.ts';
import { createAppProtocolHandler, resolveAppFile } from '../../../electron/main/protocol.ts';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'casevault-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>CaseVault</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'vault secret');
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('casevault:// protocol', () => {
  it('serves index.html at the root with the CSP and nosniff headers', async () => {
    const response = await get('casevault://app/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>CaseVault</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves assets with their type', async () => {
    const response = await get('casevault://app/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'casevault://app/../secret.txt',
    'casevault://app/%2e%2e/secret.txt',
    'casevault://app/assets/%2e%2e/%2e%2e/secret.txt',
    'casevault://app/..%2fsecret.txt',
    'casevault://app/%2e%2e%2fsecret.txt',
    'casevault://app/..%5csecret.txt',
    'casevault://app/assets%5c..%5c..%5csecret.txt',
    'casevault://app/%2e%2e%2frenderer-evil.txt',
    'casevault://app/index.html%00.js',
    'casevault://app/%E0%A4%A',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it('refuses a symlink that leads out of the folder', async () => {
    expect((await get('casevault://app/assets/link.txt')).status).toBe(404);
  });

  it.each([
    'casevault://evil/index.html',
    'casevault://app:8080/index.html',
    'casevault://app.evil/index.html',
  ])('refuses another host: %s', async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('casevault://app/index.html', 'POST')).status).toBe(405);
    expect((await get('casevault://app/index.html', 'HEAD')).status).toBe(200);
  });

  it('never resolves outside the root, whatever the input', () => {
    expect(resolveAppFile('/srv/r', 'casevault://app/a/b.js')).toBe('/srv/r/a/b.js');
    expect(resolveAppFile('/srv/r', 'https://app/index.html')).toBeUndefined();
    // The URL parser clamps dot segments at the root: what is left still lands inside it.
    expect(resolveAppFile('/srv/r', 'casevault://app/%2e%2e/r2/x')).toBe('/srv/r/r2/x');
    expect(resolveAppFile('/srv/r', 'casevault://user@app/index.html')).toBeUndefined();
    expect(resolveAppFile('/srv/r', 'nonsense')).toBeUndefined();
  });
});
