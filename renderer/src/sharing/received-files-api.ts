/**
 * The Received area's way to preview files: what a received file is and the start of a text file
 * over IPC (`sharing:received-file-*`), and the URL its image, audio or video loads from on the
 * page's own origin (`/__received__/<id>`, served by main from memory; never fetched by script).
 */
import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import { isErrorCode } from '../../../shared/errors.ts';
import type { IpcResult } from '../../../shared/ipc/contract.ts';
import type {
  ReceivedFileInfoView,
  ReceivedVerifyView,
} from '../../../shared/ipc/received-files-contract.ts';
import { UiError } from '../ipc/client.ts';

export type { ReceivedFileInfoView, ReceivedVerifyView };

function bridge(): CaseVaultApi {
  const api = (window as { casevault?: CaseVaultApi }).casevault;
  if (!api) throw new UiError('INTERNAL', 'preload bridge missing');
  return api;
}

async function unwrap<T>(pending: () => Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending();
  } catch (caught) {
    if (caught instanceof UiError) throw caught;
    throw new UiError('INTERNAL');
  }
  if (result.ok) return result.value;
  const code = isErrorCode(result.error.code) ? result.error.code : 'INTERNAL';
  throw new UiError(code, result.error.detail);
}

/** Like evidence's previewUrl: the app origin, or the app scheme under `electron-vite dev`. */
export function receivedPreviewUrl(id: string): string {
  const origin = window.location.protocol === 'http:' ? 'casevault://app' : '';
  return `${origin}/__received__/${encodeURIComponent(id)}`;
}

export const receivedFilesApi = {
  info: (id: string) => unwrap(() => bridge().sharing.receivedFileInfo({ id })),
  text: (id: string) => unwrap(() => bridge().sharing.receivedFileText({ id })),
  verify: (id: string) => unwrap(() => bridge().sharing.receivedFileVerify({ id })),
};
