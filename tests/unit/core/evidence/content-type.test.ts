/** Types come from the bytes, never the name: the categories the UI and the OCSEA rule rely on. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectType } from '../../../../electron/core/evidence/content-type.ts';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('detectType', () => {
  it('recognises images, video, audio, PDF, text and unknown bytes', async () => {
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await detectType(png)).toEqual({ mime: 'image/png', ext: 'png', category: 'image' });
    // An MP4 starts with an `ftyp` box.
    const mp4 = new Uint8Array(64);
    mp4.set([0, 0, 0, 0x20], 0);
    mp4.set(ascii('ftypisom\0\0\x02\0isomiso2avc1mp41'), 4);
    expect((await detectType(mp4)).category).toBe('video');
    const wav = new Uint8Array(64);
    wav.set(ascii('RIFF'), 0);
    wav.set(ascii('WAVEfmt '), 8);
    expect((await detectType(wav)).category).toBe('audio');
    expect(await detectType(ascii('%PDF-1.7\n%âãÏÓ\n'))).toMatchObject({
      mime: 'application/pdf',
      category: 'pdf',
    });
    expect(await detectType(ascii('Menace reçue le 2 mars, voir capture.\n'))).toEqual({
      mime: 'text/plain',
      ext: 'txt',
      category: 'text',
    });
    expect(await detectType(Uint8Array.of(0, 1, 2, 3, 0xff, 0xfe))).toEqual({
      mime: 'application/octet-stream',
      ext: 'bin',
      category: 'other',
    });
    expect((await detectType(new Uint8Array(0))).category).toBe('other');
  });
});
