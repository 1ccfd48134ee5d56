/**
 * Received-file preview handlers: what a received file is, the start of a text file, and an
 * integrity check. Ids are
 * UUIDs checked by the contract before anything reaches the vault; the vault's own op schemas
 * check them again. Images, audio and video go through `/__received__/<id>` (received-protocol.ts).
 */
import { CaseVaultError } from '../../../../shared/errors.ts';
import type { VerifyResult } from '../../../../shared/evidence/schemas.ts';
import { TEXT_PREVIEW_BYTES } from '../../../../shared/ipc/received-files-contract.ts';
import type { ReceivedFileInfo } from '../../../../shared/sharing/received-files.ts';
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

export function registerReceivedFilesHandlers(register: Register, deps: IpcDeps): void {
  const sharing = (op: string, input: unknown) => deps.service.sharing(op, input);

  register(
    'sharing:received-file-info',
    async ({ id }) => (await sharing('received-file-info', { id })) as ReceivedFileInfo,
  );

  register('sharing:received-file-text', async ({ id }) => {
    deps.activity();
    const info = (await sharing('received-file-view', { id })) as ReceivedFileInfo;
    if (info.detectedType.mime !== 'text/plain') throw new CaseVaultError('INVALID_INPUT', 'not text');
    const length = Math.min(info.size, TEXT_PREVIEW_BYTES);
    const { bytes } = (await sharing('received-file-read-range', { id, start: 0, end: length })) as {
      bytes: Uint8Array;
    };
    // `stream: true` keeps a character cut at the limit out instead of turning it into U+FFFD.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: length < info.size });
    bytes.fill(0);
    return { text, truncated: length < info.size, size: info.size };
  });

  register('sharing:received-file-verify', async ({ id }) => {
    deps.activity();
    return (await sharing('received-file-verify', { id })) as VerifyResult;
  });
}
