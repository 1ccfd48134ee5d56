/**
 * The preload: wires ipcRenderer into the contract-derived API and exposes it as
 * `window.casevault`. Built as one sandbox-safe CommonJS file (out/preload/index.cjs) whose only
 * require is 'electron'. Listeners never receive the IpcRendererEvent: it would hand the page
 * `event.sender`, i.e. ipcRenderer itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
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
);

contextBridge.exposeInMainWorld('casevault', api);
