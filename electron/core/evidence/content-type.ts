/**
 * What a file is, from its first bytes (file-type), never from its name. Files file-type does not
 * know are called text when the prefix is valid UTF-8 without NUL bytes, otherwise "other".
 */
import { fileTypeFromBuffer } from 'file-type';
import type { DetectedType, EvidenceCategory } from '../../../shared/evidence/schemas.ts';

/** Bytes of the file's start kept in memory for type and metadata detection. */
export const PREFIX_BYTES = 1024 * 1024;

const DOCUMENT_MIMES = new Set([
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/rtf',
  'application/epub+zip',
  'application/x-cfb',
]);

function categoryOf(mime: string): EvidenceCategory {
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('text/')) return 'text';
  if (DOCUMENT_MIMES.has(mime)) return 'document';
  return 'other';
}

function looksLikeText(prefix: Uint8Array): boolean {
  if (prefix.length === 0) return false;
  if (prefix.includes(0)) return false;
  // A multi-byte character may be cut at the prefix's end: drop up to 3 trailing bytes.
  for (let cut = 0; cut <= 3 && cut < prefix.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(prefix.subarray(0, prefix.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}

export async function detectType(prefix: Uint8Array): Promise<DetectedType> {
  let found: { mime: string; ext: string } | undefined;
  try {
    found = await fileTypeFromBuffer(prefix);
  } catch {
    found = undefined;
  }
  if (found) return { mime: found.mime, ext: found.ext, category: categoryOf(found.mime) };
  if (looksLikeText(prefix)) return { mime: 'text/plain', ext: 'txt', category: 'text' };
  return { mime: 'application/octet-stream', ext: 'bin', category: 'other' };
}
