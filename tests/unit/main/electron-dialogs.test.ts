/** The Electron dialogs, with electron mocked: attached to the window, cancel means nothing chosen. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const showOpenDialog = vi.fn();
const showSaveDialog = vi.fn();
vi.mock('electron', () => ({
  dialog: {
    showOpenDialog: (...args: unknown[]) => showOpenDialog(...args),
    showSaveDialog: (...args: unknown[]) => showSaveDialog(...args),
  },
}));

const { electronDialogs } = await import('../../../electron/main/electron-dialogs.ts');
const WINDOW = { id: 1 } as never;

beforeEach(() => {
  showOpenDialog.mockReset();
  showSaveDialog.mockReset();
});

describe('electron dialogs', () => {
  it('opens files (several when asked) over the main window and returns their paths', async () => {
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/home/awa/a.jpg', '/home/awa/b.txt'] });
    const dialogs = electronDialogs(() => WINDOW);
    expect(await dialogs.openDialog({ multiple: true })).toEqual(['/home/awa/a.jpg', '/home/awa/b.txt']);
    expect(showOpenDialog).toHaveBeenCalledWith(WINDOW, { properties: ['openFile', 'multiSelections'] });
    await dialogs.openDialog({ multiple: false, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(showOpenDialog).toHaveBeenLastCalledWith(WINDOW, {
      properties: ['openFile'],
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('returns nothing when the user cancels', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: ['/ignored'] });
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '/ignored' });
    const dialogs = electronDialogs(() => undefined);
    expect(await dialogs.openDialog({ multiple: true })).toEqual([]);
    expect(await dialogs.saveDialog({ defaultName: 'x.jpg', filters: [] })).toBeUndefined();
    // Without a window the dialogs are still shown, unattached.
    expect(showOpenDialog.mock.calls[0]).toHaveLength(1);
  });

  it('proposes a base name only, never a folder', async () => {
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/awa/Bureau/copie.jpg' });
    const dialogs = electronDialogs(() => WINDOW);
    const filters = [{ name: 'jpg', extensions: ['jpg'] }];
    expect(await dialogs.saveDialog({ defaultName: '../../etc/IMG\\2031.jpg', filters })).toBe(
      '/home/awa/Bureau/copie.jpg',
    );
    const options = showSaveDialog.mock.calls[0]![1] as { defaultPath: string };
    expect(options.defaultPath).not.toMatch(/[/\\]/);
  });
});
