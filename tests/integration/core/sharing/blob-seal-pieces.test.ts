/**
 * The seal fed from evidence blobs as export and backup feed it (blobSources → blobPlaintext):
 * chunk-sized pieces, each wiped when the sealer asks for the next one. If the sealer kept any
 * piece past that point, the sealed file would carry zeros and the receiver would refuse it (the
 * blob's recorded SHA-256 is trusted by the sealer, checked by every receiver). Multi-segment
 * blobs with a short last chunk, sealed then opened and compared byte for byte.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { blobPlaintext } from '../../../../electron/core/evidence/blob-reader.ts';
import { bufferSource, writeBlob } from '../../../../electron/core/evidence/blob-writer.ts';
import {
  extractExport,
  fileHandleSink,
  fileSource,
  sealExport,
  verifyExport,
} from '../../../../electron/core/export/index.ts';
import { patternBytes } from '../evidence/fixture.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'casevault-blob-seal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sealing from evidence blobs', () => {
  it('seals multi-segment blobs byte for byte although every piece is wiped once the next is asked for', async () => {
    const sodium = await loadSodium();
    const vault = path.join(dir, 'vault');
    const sizes = [2 * 1024 * 1024 + 70_001, 1024 * 1024, 5];
    const blobs = await Promise.all(
      sizes.map(async (size, i) => {
        const plain = patternBytes(size, 11 + i);
        const key = sodium.randombytes_buf(32);
        const written = await writeBlob(sodium, vault, key, bufferSource(plain));
        return { plain, key, written, id: `f${i}` };
      }),
    );
    const box = sodium.crypto_box_keypair();
    const sign = sodium.crypto_sign_keypair();
    const opener = { type: 'x25519' as const, publicKey: box.publicKey, secretKey: box.privateKey };
    const out = path.join(dir, 'out.cvx');
    const handle = await open(out, 'w');
    try {
      await sealExport(
        { sodium },
        {
          sender: {
            signingPublicKey: sign.publicKey,
            signingSecretKey: sign.privateKey,
            encryptionPublicKey: box.publicKey,
          },
          recipients: [{ type: 'x25519', publicKey: box.publicKey }],
          purpose: 'test',
          records: null,
          files: blobs.map((b) => ({
            id: b.id,
            name: `${b.id}.bin`,
            size: b.written.size,
            sha256: b.written.sha256,
            trustSha256: true,
            open: () =>
              blobPlaintext(sodium, vault, { blobName: b.written.blobName, size: b.written.size }, b.key),
          })),
        },
        fileHandleSink(handle),
      );
    } finally {
      await handle.close();
    }
    const verified = await verifyExport({ sodium }, fileSource(out), opener);
    const received = new Map<string, Uint8Array[]>();
    await extractExport({ sodium }, verified, fileSource(out), opener, {
      file: (entry) => {
        const parts: Uint8Array[] = [];
        received.set(entry.id, parts);
        return { write: (bytes) => void parts.push(Uint8Array.from(bytes)), close() {}, abort() {} };
      },
    });
    for (const b of blobs)
      expect(Buffer.concat(received.get(b.id)!).equals(Buffer.from(b.plain)), b.id).toBe(true);
  });
});
