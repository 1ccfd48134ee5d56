/**
 * The Received preview route, `/__received__/<received file id>`: files of received exports (kept
 * as encrypted blobs in the Received area, not evidence items of this vault) decrypted in memory
 * and served by range through the same preview layer as evidence (preview-protocol.ts: same
 * origin, CSP, range handling, inert content types, no caching). A viewing is one
 * `sharing.received-view` audit entry (the core's `received-file-view`); range reads go through
 * `received-file-read-range`, which decrypts only the segments they touch.
 * MUST NOT import electron.
 */
import {
  createPreviewProtocol,
  type PreviewProtocol,
  type PreviewProtocolOptions,
  type PreviewReader,
  previewIdFromUrl,
} from './preview-protocol.ts';

export const RECEIVED_PATH_PREFIX = '/__received__/';

export function createReceivedProtocol(
  reader: PreviewReader,
  opts: PreviewProtocolOptions = {},
): PreviewProtocol {
  return createPreviewProtocol(reader, RECEIVED_PATH_PREFIX, opts);
}

/** The received file id a URL asks for, or undefined if it is not a Received preview URL of our origin. */
export function receivedIdFromUrl(rawUrl: string): string | undefined {
  return previewIdFromUrl(rawUrl, RECEIVED_PATH_PREFIX);
}
