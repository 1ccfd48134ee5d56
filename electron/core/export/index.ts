/** The export file library (docs/export-format.md): what the identity/export wiring calls. */

export { DEFAULT_STREAM_ENGINE, type StreamEngine } from '../crypto/secretstream.ts';
export type { ExportIdentity } from './export-header.ts';
export type { ByteSink } from './export-payload.ts';
export { exportFileLength } from './export-payload.ts';
export * from './format-constants.ts';
export {
  type CustodyEntry,
  decodeManifest,
  type ExportManifest,
  MANIFEST_KINDS,
  MAX_REPORT_FILE_BYTES,
  type ManifestFile,
  ManifestSchema,
  REPORT_FILE_IDS,
  type ReceiptContent,
  type ReportDescriptor,
} from './manifest.ts';
export { fileHandleSink, fileSource, writableSink } from './node-io.ts';
export {
  type ExtractSinks,
  extractExport,
  type FileSink,
  type KnownSender,
  type OpenDeps,
  type OpenOptions,
  openExport,
  type VerifiedExport,
  type VerifiedSender,
  verifyExport,
} from './open.ts';
export { type OpenedReceipt, openReceipt, type ReceiptRequest, sealReceipt } from './receipt.ts';
export {
  type SealDeps,
  type SealFileSource,
  type SealRecipient,
  type SealRecords,
  type SealRequest,
  type SealResult,
  type SenderIdentity,
  sealExport,
  uuidV4,
} from './seal.ts';
