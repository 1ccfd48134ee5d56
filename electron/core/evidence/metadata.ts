/**
 * Metadata read at intake from the bytes held in memory: EXIF / GPS / device for images (exifr on
 * the file's first MiB, where JPEG, TIFF, HEIC and PNG keep it), and the Info dictionary of a PDF
 * when it is a plain (uncompressed) object in the first or last 64 KiB. Never reads the file again.
 */
import exifr from 'exifr';
import type { DetectedType, EvidenceMetadata } from '../../../shared/evidence/schemas.ts';

const RAW_LIMIT = 60;

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim().slice(0, 500) || undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export async function imageMetadata(prefix: Uint8Array): Promise<EvidenceMetadata> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength), {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      reviveValues: true,
      translateValues: false,
    });
  } catch {
    tags = undefined;
  }
  if (!tags) return {};
  const meta: EvidenceMetadata = {};
  const lat = num(tags.latitude);
  const lon = num(tags.longitude);
  if (lat !== undefined && lon !== undefined) {
    meta.gps = { lat, lon };
    const alt = num(tags.GPSAltitude);
    if (alt !== undefined) meta.gps.alt = tags.GPSAltitudeRef === 1 ? -alt : alt;
  }
  const make = str(tags.Make);
  const model = str(tags.Model);
  if (make || model) meta.device = { ...(make ? { make } : {}), ...(model ? { model } : {}) };
  const takenAt = str(tags.DateTimeOriginal) ?? str(tags.CreateDate);
  if (takenAt) meta.takenAt = takenAt;
  const software = str(tags.Software);
  if (software) meta.software = software;
  const width = num(tags.ExifImageWidth) ?? num(tags.ImageWidth);
  const height = num(tags.ExifImageHeight) ?? num(tags.ImageHeight);
  if (width || height)
    meta.image = { width: width && Math.trunc(width), height: height && Math.trunc(height) };
  const raw: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (Object.keys(raw).length >= RAW_LIMIT) break;
    if (typeof value === 'number' || typeof value === 'boolean') raw[key] = value;
    else if (typeof value === 'string') raw[key] = value.slice(0, 200);
    else if (value instanceof Date && !Number.isNaN(value.getTime())) raw[key] = value.toISOString();
  }
  if (Object.keys(raw).length > 0) meta.raw = raw;
  return meta;
}

const PDF_KEYS = {
  Title: 'title',
  Author: 'author',
  Creator: 'creator',
  Producer: 'producer',
  CreationDate: 'creationDate',
  ModDate: 'modDate',
} as const;

/** Reads `/Key (literal)` pairs of an Info dictionary found in plain text. Cheap and partial by design. */
export function pdfMetadata(...windows: Uint8Array[]): EvidenceMetadata {
  const pdf: NonNullable<EvidenceMetadata['pdf']> = {};
  for (const window of windows) {
    const text = Buffer.from(window.buffer, window.byteOffset, window.byteLength).toString('latin1');
    for (const [key, field] of Object.entries(PDF_KEYS)) {
      if (pdf[field]) continue;
      const match = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)]){0,300})\\)`).exec(text);
      if (match?.[1]) pdf[field] = match[1].replace(/\\(.)/g, '$1');
    }
  }
  return Object.keys(pdf).length > 0 ? { pdf } : {};
}

export async function extractMetadata(
  type: DetectedType,
  prefix: Uint8Array,
  tail: Uint8Array,
): Promise<EvidenceMetadata> {
  if (type.category === 'image') return imageMetadata(prefix);
  if (type.category === 'pdf') return pdfMetadata(prefix.subarray(0, 64 * 1024), tail);
  return {};
}
