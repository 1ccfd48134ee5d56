/**
 * The Received area's way to preview files: what a received file is and the start of a text file
 * over IPC (`sharing:received-file-*`), and the URL its image, audio or video loads from on the
 * page's own origin (`/__received__/<id>`, served by main from memory; never fetched by script).
 */
import type {
  ReceivedFileInfoView,
  ReceivedVerifyView,
} from '../../../shared/ipc/received-files-contract.ts';
import { bridge, callIpc } from '../ipc/client.ts';

export type { ReceivedFileInfoView, ReceivedVerifyView };

/** Like evidence's previewUrl: the app origin, or the app scheme under `electron-vite dev`. */
export function receivedPreviewUrl(id: string): string {
  const origin = window.location.protocol === 'http:' ? 'casevault://app' : '';
  return `${origin}/__received__/${encodeURIComponent(id)}`;
}

export const receivedFilesApi = {
  info: (id: string) => callIpc(() => bridge().sharing.receivedFileInfo({ id })),
  text: (id: string) => callIpc(() => bridge().sharing.receivedFileText({ id })),
  verify: (id: string) => callIpc(() => bridge().sharing.receivedFileVerify({ id })),
};
