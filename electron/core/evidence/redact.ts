/**
 * Redacted copies of images, entirely in memory: the plaintext is decrypted into a buffer, decoded
 * by sharp (libvips) to raw pixels with the EXIF orientation applied (regions are fractions of the
 * image as displayed), the regions are set to opaque black in the pixel buffer, and the pixels are
 * encoded again WITHOUT any metadata (sharp writes none unless asked). Other types are refused
 * with EVIDENCE_UNSUPPORTED_REDACTION.
 *
 * No plaintext may reach the disk: libvips decodes images larger than VIPS_DISC_THRESHOLD
 * (default 100 MB) to a temporary file in TMPDIR. We raise the threshold above anything we accept
 * (set in the environment before libvips starts: here for the CLI and tests, and by
 * WorkerVaultService in main before it spawns the vault worker, because a worker's process.env is
 * not the C environment) and refuse images above MAX_PIXELS, whose decoded size stays far below it.
 * tests/integration/core/evidence/evidence-sentinel.security.test.ts checks the OS temp folder.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { RedactionRegion } from '../../../shared/evidence/schemas.ts';

/** Above this many pixels an image is not redacted (4 channels: 256 MB decoded, under the threshold). */
export const MAX_PIXELS = 64 * 1024 * 1024;
/** Above this many bytes the encoded image is not read into memory. */
export const MAX_REDACT_BYTES = 256 * 1024 * 1024;
export const VIPS_DISC_THRESHOLD = '8g';

const OUTPUTS: Record<string, 'jpeg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'png',
  'image/gif': 'png',
  'image/avif': 'png',
  'image/heic': 'jpeg',
  'image/heif': 'jpeg',
};

/** Sets the libvips disc threshold in this process's environment (main thread only). */
export function keepLibvipsInMemory(): void {
  process.env.VIPS_DISC_THRESHOLD = VIPS_DISC_THRESHOLD;
}

type SharpModule = typeof import('sharp');
let sharpLoading: Promise<SharpModule['default']> | undefined;

function loadSharp(): Promise<SharpModule['default']> {
  keepLibvipsInMemory();
  sharpLoading ??= import('sharp').then((module) => {
    const sharp = module.default;
    // libvips' operation cache holds decoded pixels after the call; we want nothing kept.
    sharp.cache(false);
    return sharp;
  });
  return sharpLoading;
}

export function canRedact(mime: string): boolean {
  return Object.hasOwn(OUTPUTS, mime);
}

export async function redactImage(
  mime: string,
  size: number,
  plaintext: () => AsyncIterable<Uint8Array>,
  regions: readonly RedactionRegion[],
): Promise<{ bytes: Uint8Array; ext: string }> {
  const format = OUTPUTS[mime];
  if (!format) throw new CaseVaultError('EVIDENCE_UNSUPPORTED_REDACTION');
  if (size > MAX_REDACT_BYTES) throw new CaseVaultError('EVIDENCE_TOO_LARGE');
  const sharp = await loadSharp();
  const input = Buffer.alloc(size);
  let raw: Buffer | undefined;
  try {
    let at = 0;
    for await (const piece of plaintext()) {
      input.set(piece, at);
      at += piece.length;
    }
    let decoded: { data: Buffer; info: { width: number; height: number; channels: number } };
    try {
      decoded = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
        .rotate()
        .raw()
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      if (/pixel limit/i.test(String((error as Error)?.message)))
        throw new CaseVaultError('EVIDENCE_TOO_LARGE');
      throw new CaseVaultError('EVIDENCE_UNSUPPORTED_REDACTION', 'decode');
    }
    raw = decoded.data;
    const { width, height, channels } = decoded.info;
    blackOut(raw, width, height, channels, regions);
    let encoder = sharp(raw, { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } });
    if (format === 'jpeg') encoder = encoder.jpeg({ quality: 92 });
    else if (format === 'png') encoder = encoder.png();
    else encoder = encoder.webp({ quality: 92 });
    const bytes = await encoder.toBuffer();
    return { bytes, ext: format === 'jpeg' ? 'jpg' : format };
  } finally {
    input.fill(0);
    raw?.fill(0);
  }
}

/** Sets every pixel inside a region to black (and opaque when there is an alpha channel). */
export function blackOut(
  pixels: Uint8Array,
  width: number,
  height: number,
  channels: number,
  regions: readonly RedactionRegion[],
): void {
  const hasAlpha = channels === 2 || channels === 4;
  for (const region of regions) {
    // Round outwards: a region never leaves a half-covered pixel row or column visible.
    const x0 = Math.max(0, Math.floor(region.x * width));
    const y0 = Math.max(0, Math.floor(region.y * height));
    const x1 = Math.min(width, Math.ceil((region.x + region.w) * width));
    const y1 = Math.min(height, Math.ceil((region.y + region.h) * height));
    for (let y = y0; y < y1; y++) {
      const row = y * width * channels;
      pixels.fill(0, row + x0 * channels, row + x1 * channels);
      if (hasAlpha) for (let x = x0; x < x1; x++) pixels[row + x * channels + channels - 1] = 255;
    }
  }
}
