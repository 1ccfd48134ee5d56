/**
 * The preload: wires ipcRenderer into the contract-derived API and exposes it as
 * `window.casevault`. Built as one sandbox-safe CommonJS file (out/preload/index.cjs) whose only
 * require is 'electron'. Listeners never receive the IpcRendererEvent: it would hand the page
 * `event.sender`, i.e. ipcRenderer itself. Dropped files are turned into paths here, with
 * webUtils.getPathForFile (available to sandboxed preloads), so page scripts can hand over File
 * objects but never a path string.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildApi } from './api.ts';

const api = buildApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
  // Dropped files: the path comes from Electron for a real File, never from page script.
  (file) => webUtils.getPathForFile(file),
);

contextBridge.exposeInMainWorld('casevault', api);
