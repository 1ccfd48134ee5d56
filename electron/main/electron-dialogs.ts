/**
 * Electron's native open/save dialogs, attached to the main window (modal on macOS, over the app
 * elsewhere). Nothing here decides anything worth testing: handlers get this object through
 * IpcDeps and tests inject stand-ins.
 */
import { type BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { FileDialogs } from './ipc/dialogs.ts';

export function electronDialogs(window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async openDialog({ multiple, filters }) {
      const options: OpenDialogOptions = {
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        ...(filters ? { filters } : {}),
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async saveDialog({ defaultName, filters }) {
      // A base name only: the dialog opens in the OS's default folder, never one the page named.
      const options: SaveDialogOptions = {
        defaultPath: defaultName.replace(/[/\\\0]/g, '_'),
        filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
  };
}
