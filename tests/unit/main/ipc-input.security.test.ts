/**
 * Threat: a compromised or buggy renderer sends malformed input, extra fields, or tries to learn
 * secrets from error messages. Main must refuse before any handler runs, say only where the input
 * is wrong, and never return a foreign error's message.
 */
import { describe, expect, it, vi } from 'vitest';
import { createIpcRegistry } from '../../../electron/main/ipc/registry.ts';
import { makeDeps } from './helpers/deps.ts';

const SECRET = 'hunter2-secret-passphrase';

describe('IPC input validation', () => {
  it.each([
    ['vault:unlock', { passphrase: '' }, 'input.passphrase'],
    ['vault:unlock', { passphrase: 42 }, 'input.passphrase'],
    ['vault:unlock', { passphrase: 'x'.repeat(2000) }, 'input.passphrase'],
    ['vault:unlock', { passphrase: SECRET, path: '/etc' }, 'input'],
    ['vault:unlock', undefined, 'input'],
    ['vault:create', { passphrase: SECRET, kdf: 'weak' }, 'input.kdf'],
    ['settings:set', { autoLockMinutes: 0 }, 'input.autoLockMinutes'],
    ['settings:set', { autoLockMinutes: 1.5 }, 'input.autoLockMinutes'],
    ['vault:lock', { sql: 'DROP TABLE cases' }, 'input'],
  ])('%s refuses %j with INVALID_INPUT at %s, before the handler', async (channel, input, path) => {
    const { deps, service } = makeDeps();
    const result = await createIpcRegistry(deps).invoke(channel, input);
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: path } });
    expect(service.calls).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain('DROP');
  });

  it('turns a foreign Error into INTERNAL without its message', async () => {
    const { deps, service } = makeDeps();
    service.unlock = async (passphrase) => {
      throw new Error(`SqliteError: near "${passphrase}": syntax error`);
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await createIpcRegistry(deps).invoke('vault:unlock', { passphrase: SECRET });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain(SECRET);
    // The log line names the channel and error class only.
    expect(JSON.stringify(errors.mock.calls)).not.toContain(SECRET);
    errors.mockRestore();
  });

  it('turns a thrown non-Error into INTERNAL', async () => {
    const { deps, service } = makeDeps();
    service.status = async () => {
      throw SECRET;
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await createIpcRegistry(deps).invoke('vault:status', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    vi.restoreAllMocks();
  });

  it('never logs a recovery key when an output is refused', async () => {
    const { deps, service } = makeDeps();
    service.create = async () => ({ recoveryKey: SECRET, extra: true }) as never;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await createIpcRegistry(deps).invoke('vault:create', { passphrase: 'p', kdf: 'moderate' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(errors.mock.calls)).not.toContain(SECRET);
    errors.mockRestore();
  });
});
