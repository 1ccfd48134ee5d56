/**
 * Threat: a compromised renderer tries to make main read or write a file of its choosing, to flood
 * the worker with a huge "card", or to get a secret key out. The identity channels take no path,
 * bound every input, open files only through main's own dialog, and expose no secret.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIpcRegistry } from '../../../electron/main/ipc/registry.ts';
import { CHANNELS } from '../../../shared/ipc/contract.ts';
import { makeDeps } from './helpers/deps.ts';

const ID = '5b0c2a47-9d7e-4f0e-8a51-0d3c9c1e2f10';

describe('identity and contacts IPC', () => {
  it.each([
    ['contacts:import-text', { text: '', role: 'legal' }, 'input.text'],
    ['contacts:import-text', { text: 'x'.repeat(20_000), role: 'legal' }, 'input.text'],
    ['contacts:import-text', { text: 'casevault-card:1:AA', role: 'lawyer' }, 'input.role'],
    ['contacts:import-text', { text: 'x', role: 'legal', path: '/etc/passwd' }, 'input'],
    ['contacts:import-file', { role: 'legal', path: '/etc/passwd' }, 'input'],
    ['contacts:inspect-text', { text: 'x'.repeat(20_000) }, 'input.text'],
    ['contacts:inspect-text', { text: 'x', role: 'legal' }, 'input'],
    ['contacts:import-file', { role: 'legal', contactId: '../x' }, 'input.contactId'],
    ['identity:save-card', { path: '/tmp/x.cvcard' }, 'input'],
    ['identity:update', { name: 'x'.repeat(1000), organisation: '', role: '' }, 'input.name'],
    ['identity:update', { name: 'Awa', organisation: '', role: '', secretKey: 'x' }, 'input'],
    ['contacts:verify', { id: ID, state: 'trusted' }, 'input.state'],
    ['contacts:get', { id: 'not-a-uuid' }, 'input.id'],
    ['contacts:check-sendable', { ids: [] }, 'input.ids'],
    ['contacts:check-sendable', { ids: Array(51).fill(ID) }, 'input.ids'],
  ])('%s refuses %j at %s before any handler runs', async (channel, input, path) => {
    const { deps, service } = makeDeps();
    const result = await createIpcRegistry(deps).invoke(channel, input);
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', detail: path } });
    expect(service.calls).toEqual([]);
    expect(deps.openDialog).not.toHaveBeenCalled();
    expect(deps.saveDialog).not.toHaveBeenCalled();
  });

  it('has no channel that could hand out a secret key', () => {
    expect(CHANNELS.filter((c) => /secret|private/i.test(c))).toEqual([]);
  });

  it('imports a card file only through main’s dialog; cancelling imports nothing', async () => {
    const { deps, service } = makeDeps();
    const result = await createIpcRegistry(deps).invoke('contacts:import-file', { role: 'legal' });
    expect(result).toEqual({ ok: true, value: { outcome: 'cancelled' } });
    expect(deps.openDialog).toHaveBeenCalledWith({
      multiple: false,
      filters: [{ name: 'CaseVault key card', extensions: ['cvcard'] }],
    });
    expect(service.calls).toEqual([]);
  });

  it('reads the chosen file bounded: an oversized file is refused without reaching the worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casevault-card-'));
    const big = join(dir, 'big.cvcard');
    writeFileSync(big, 'x'.repeat(16 * 1024 + 1));
    const { deps, service } = makeDeps({ openDialog: async () => [big] });
    const result = await createIpcRegistry(deps).invoke('contacts:import-file', { role: 'legal' });
    expect(result).toEqual({ ok: false, error: { code: 'CARD_MALFORMED', detail: 'length' } });
    expect(service.calls).toEqual([]);
  });

  it('passes the chosen file’s text to the worker’s import operation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casevault-card-'));
    const file = join(dir, 'a.cvcard');
    writeFileSync(file, '{"type":"casevault.card"}');
    const { deps, service } = makeDeps({ openDialog: async () => [file] });
    const seen: unknown[] = [];
    service.identity = async (op, input) => {
      seen.push([op, input]);
      throw Object.assign(new Error('x'), { code: 'nope' });
    };
    await createIpcRegistry(deps).invoke('contacts:import-file', { role: 'medical' });
    expect(seen).toEqual([
      ['contacts-import', { card: '{"type":"casevault.card"}', role: 'medical', contactId: undefined }],
    ]);
  });

  it('saves the card where the user chose in main’s save dialog, and nowhere when cancelled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casevault-card-'));
    const target = join(dir, 'me.cvcard');
    const { deps, service } = makeDeps({ saveDialog: async () => target });
    service.identity = async (op) => {
      expect(op).toBe('card-file');
      return { content: '{"card":1}\n', fileName: 'Awa-Ndiaye.cvcard' };
    };
    expect(await createIpcRegistry(deps).invoke('identity:save-card', {})).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(readFileSync(target, 'utf8')).toBe('{"card":1}\n');

    const cancelled = makeDeps();
    cancelled.service.identity = async () => ({ content: 'x', fileName: 'x.cvcard' });
    expect(await createIpcRegistry(cancelled.deps).invoke('identity:save-card', {})).toEqual({
      ok: true,
      value: { saved: false },
    });
    expect(cancelled.deps.saveDialog).toHaveBeenCalledWith({
      defaultName: 'x.cvcard',
      filters: [{ name: 'CaseVault key card', extensions: ['cvcard'] }],
    });
  });
});
