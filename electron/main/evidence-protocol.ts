/**
 * The evidence preview route, `/__evidence__/<item id>`: evidence items decrypted in memory and
 * served by range through the shared preview layer (preview-protocol.ts, which explains the origin,
 * CSP, range and custody rules). A viewing is one custody `view` entry (the core's `view-start`).
 * MUST NOT import electron.
 */
import {
  createPreviewProtocol,
  isPreviewUrl,
  PREVIEW_RESPONSE_CSP,
  type PreviewProtocol,
  type PreviewProtocolOptions,
  type PreviewReader,
  previewIdFromUrl,
  withPreviewRoutes,
} from './preview-protocol.ts';

export { previewContentType } from './preview-protocol.ts';

export const EVIDENCE_PATH_PREFIX = '/__evidence__/';
export const EVIDENCE_RESPONSE_CSP = PREVIEW_RESPONSE_CSP;
export type EvidenceReader = PreviewReader;
export type EvidenceProtocolOptions = PreviewProtocolOptions;
export type EvidenceProtocol = PreviewProtocol;

export function createEvidenceProtocol(
  reader: EvidenceReader,
  opts: EvidenceProtocolOptions = {},
): EvidenceProtocol {
  return createPreviewProtocol(reader, EVIDENCE_PATH_PREFIX, opts);
}

/** The item id a URL asks for, or undefined if the URL is not an evidence URL of our origin. */
export function evidenceIdFromUrl(rawUrl: string): string | undefined {
  return previewIdFromUrl(rawUrl, EVIDENCE_PATH_PREFIX);
}

export function isEvidenceUrl(rawUrl: string): boolean {
  return isPreviewUrl(rawUrl, EVIDENCE_PATH_PREFIX);
}

/** Routes `/__evidence__/…` to the evidence handler and everything else to the app's files. */
export function withEvidenceRoute(
  app: (request: Request) => Promise<Response>,
  evidence: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return withPreviewRoutes(app, [{ pathPrefix: EVIDENCE_PATH_PREFIX, handle: evidence }]);
}
