/**
 * IPC channels for previewing received files in the Received area (docs/sharing.md §Previewing
 * received files). Images, audio and video are not fetched over IPC: the page loads
 * `/__received__/<id>` from its own origin (electron/main/received-protocol.ts). These channels give
 * what a file is (type from its content, location metadata for the warning), the start of a text
 * file, and a full integrity check. The renderer names a file by its id only; main validates it (a UUID) before the vault does.
 */
import { z } from 'zod';
import { VerifyResult } from '../evidence/schemas.ts';
import { Id } from '../records/schemas.ts';
import { ReceivedFileInfo } from '../sharing/received-files.ts';
import { TEXT_PREVIEW_BYTES } from './evidence-contract.ts';

const ById = z.object({ id: Id }).strict();

export { TEXT_PREVIEW_BYTES };

export const receivedFilesContract = {
  /** What a received file is, read from its decrypted start and end in memory; logs nothing. */
  'sharing:received-file-info': { input: ById, output: ReceivedFileInfo },
  /** The first TEXT_PREVIEW_BYTES of a received text file, as UTF-8 (one logged viewing). */
  'sharing:received-file-text': {
    input: ById,
    output: z.object({ text: z.string(), truncated: z.boolean(), size: z.number().int() }).strict(),
  },
  /** Re-reads the whole file (every segment authenticated) against the sender's SHA-256; logged. */
  'sharing:received-file-verify': { input: ById, output: VerifyResult },
} as const;

export type ReceivedVerifyView = z.output<typeof VerifyResult>;

export type ReceivedFileInfoView = z.output<typeof ReceivedFileInfo>;
