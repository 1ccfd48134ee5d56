/**
 * Threat: page script (a compromised renderer) hands main a path it made up, to have a file it
 * chose read into the vault or probed. The only way a dropped file reaches main is the preload's
 * `files.drop(File[])`: the path comes from Electron's webUtils.getPathForFile for a real File (the
 * real preload, electron mocked), strings and fake Files are dropped, and `files:dropped` is not a
 * method page script can call.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseVaultApi } from '../../../electron/preload/api.ts';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (_channel: string, _input: unknown) => ({
  ok: true,
  value: { files: [], refused: [] },
}));
const getPathForFile = vi.fn((file: unknown) => {
  if (!(file instanceof File)) throw new TypeError('not a File');
  // Electron returns '' for a File built by script; the test marks "real" files by their type.
  return file.type === 'application/x-real' ? `/home/awa/Desktop/${file.name}` : '';
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => {
      exposed[key] = value;
    },
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => invoke(channel, input),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
  webUtils: { getPathForFile: (file: unknown) => getPathForFile(file) },
}));

async function api(): Promise<CaseVaultApi> {
  await import('../../../electron/preload/index.ts');
  return exposed.casevault as CaseVaultApi;
}

beforeEach(() => {
  invoke.mockClear();
  getPathForFile.mockClear();
});

describe('preload: dropped files', () => {
  it('resolves real Files with webUtils.getPathForFile and sends only those paths on files:dropped', async () => {
    const casevault = await api();
    const real = new File(['x'], 'photo.jpg', { type: 'application/x-real' });
    const scripted = new File(['y'], 'made-up.txt');
    await casevault.files.drop([real, scripted]);
    expect(getPathForFile).toHaveBeenCalledTimes(2);
    expect(invoke).toHaveBeenCalledExactlyOnceWith('files:dropped', {
      paths: ['/home/awa/Desktop/photo.jpg'],
    });
  });

  it('ignores strings and objects pretending to be files, and calls main not at all', async () => {
    const casevault = await api();
    const result = await casevault.files.drop(['/etc/shadow', { name: 'x', path: '/etc/passwd' }] as never);
    expect(result).toEqual({ ok: true, value: { files: [], refused: [] } });
    expect(invoke).not.toHaveBeenCalled();
    await casevault.files.drop('/etc/shadow' as never);
    await casevault.files.drop(null as never);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('does not expose files:dropped as a method page script could call with a path', async () => {
    const casevault = await api();
    expect(Object.keys(casevault.files).sort()).toEqual(['drop', 'pick']);
    expect((casevault.files as Record<string, unknown>).dropped).toBeUndefined();
  });

  it('bounds a drop to 100 files', async () => {
    const casevault = await api();
    const many = Array.from(
      { length: 150 },
      (_, i) => new File(['x'], `f${i}.txt`, { type: 'application/x-real' }),
    );
    await casevault.files.drop(many);
    const input = invoke.mock.calls[0]![1] as { paths: string[] };
    expect(input.paths).toHaveLength(100);
  });
});
