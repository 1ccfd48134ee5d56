/**
 * Threat: an attacker rearranging genuine pieces — reordering chunks, splicing a chunk or a header
 * from another export, swapping recipient stanzas between exports — or a malicious recipient (who
 * holds the file key) swapping manifests and signatures, or re-sealing a signed export to someone
 * the sender never chose. Each must be refused with the error that names it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { concatBytes } from '../../../../electron/core/crypto/sodium.ts';
import { CHUNK_ABYTES, CHUNK_BYTES, verifyExport } from '../../../../electron/core/export/index.ts';
import {
  bytesSource,
  codeOf,
  expectCode,
  identity,
  openBytes,
  type RecordingSinks,
  sealToBytes,
  smallRequest,
  sodiumReady,
  type TestIdentity,
} from './export-test-kit.ts';
import { decryptAll, layout, payloadPlain, sealRaw, sealSigned, stanzaFor } from './forge-kit.ts';

let sodium: Sodium;
let alice: TestIdentity;
let lawyer: TestIdentity;
let doctor: TestIdentity;
let mallory: TestIdentity;
let exportA: Uint8Array;
let exportB: Uint8Array;
const SEALED_CHUNK = CHUNK_BYTES + CHUNK_ABYTES;

beforeAll(async () => {
  sodium = await sodiumReady();
  alice = identity(sodium, 'alice');
  lawyer = identity(sodium, 'lawyer');
  doctor = identity(sodium, 'doctor');
  mallory = identity(sodium, 'mallory');
  // Same sender, recipients and shapes: every piece of one has the same size as in the other.
  exportA = (await sealToBytes(sodium, smallRequest(alice, [lawyer, doctor], 'aaaa'))).bytes;
  exportB = (await sealToBytes(sodium, smallRequest(alice, [lawyer, doctor], 'bbbb'))).bytes;
  expect(exportA.length).toBe(exportB.length);
});

const chunkAt = (bytes: Uint8Array, i: number) => {
  const start = layout(bytes).chunksStart + i * SEALED_CHUNK;
  return bytes.subarray(start, Math.min(start + SEALED_CHUNK, bytes.length));
};

async function openAs(bytes: Uint8Array, who: TestIdentity) {
  const recording: RecordingSinks = { records: undefined, files: new Map(), events: [] };
  const code = await codeOf(openBytes(sodium, bytes, who.opener, {}, recording));
  return { code, events: recording.events };
}

describe('rearranged chunks', () => {
  it('swapping two chunks is refused', async () => {
    const l = layout(exportA);
    const swapped = concatBytes(
      exportA.subarray(0, l.chunksStart),
      chunkAt(exportA, 1),
      chunkAt(exportA, 0),
      exportA.subarray(l.chunksStart + 2 * SEALED_CHUNK),
    );
    expect(await openAs(swapped, lawyer)).toEqual({ code: 'EXPORT_PAYLOAD_DAMAGED', events: [] });
  });

  it('a chunk spliced in from another export is refused, at every position', async () => {
    const l = layout(exportA);
    for (const i of [0, 1, 2]) {
      const spliced = Uint8Array.from(exportA);
      spliced.set(chunkAt(exportB, i), l.chunksStart + i * SEALED_CHUNK);
      expect(await openAs(spliced, lawyer)).toEqual({ code: 'EXPORT_PAYLOAD_DAMAGED', events: [] });
    }
  });

  it('dropping a whole middle chunk is refused', async () => {
    const l = layout(exportA);
    const dropped = concatBytes(
      exportA.subarray(0, l.chunksStart + SEALED_CHUNK),
      exportA.subarray(l.chunksStart + 2 * SEALED_CHUNK),
    );
    expect((await openAs(dropped, lawyer)).code).toBe('EXPORT_TRUNCATED');
  });

  it('another export’s header on this payload is refused (the payload key is bound to the header MAC)', async () => {
    const l = layout(exportA);
    const mixed = concatBytes(exportB.subarray(0, l.payloadStart), exportA.subarray(l.payloadStart));
    expect(await openAs(mixed, lawyer)).toEqual({ code: 'EXPORT_PAYLOAD_DAMAGED', events: [] });
  });
});

describe('swapped recipient stanzas', () => {
  it('a stanza from another export opens its own file key, and the header MAC refuses it', async () => {
    const l = layout(exportA);
    const mixed = Uint8Array.from(exportA);
    mixed.set(exportB.subarray(l.stanzaStart(0), l.stanzaStart(1)), l.stanzaStart(0));
    expect((await openAs(mixed, lawyer)).code).toBe('EXPORT_HEADER_DAMAGED');
    // The other recipient's own stanza is intact, but the MAC covers every stanza.
    expect((await openAs(mixed, doctor)).code).toBe('EXPORT_HEADER_DAMAGED');
  });

  it('swapping the order of the stanzas is refused', async () => {
    const l = layout(exportA);
    const swapped = Uint8Array.from(exportA);
    swapped.set(exportA.subarray(l.stanzaStart(1), l.macStart), l.stanzaStart(0));
    swapped.set(exportA.subarray(l.stanzaStart(0), l.stanzaStart(1)), l.stanzaStart(1));
    expect((await openAs(swapped, lawyer)).code).toBe('EXPORT_HEADER_DAMAGED');
  });
});

describe('a malicious recipient holding the file key', () => {
  it('cannot swap in another export’s signature', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    const b = await decryptAll(sodium, exportB, lawyer.opener);
    const plain = payloadPlain(a.manifestBytes, b.signature, a.rest);
    const { bytes } = await sealRaw(sodium, a.fileKey, a.header.stanzas, plain);
    expect((await openAs(bytes, doctor)).code).toBe('EXPORT_BAD_SIGNATURE');
  });

  it('cannot swap in another export’s signed manifest (the signature covers the header MAC)', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    const b = await decryptAll(sodium, exportB, lawyer.opener);
    const plain = payloadPlain(b.manifestBytes, b.signature, a.rest);
    const { bytes } = await sealRaw(sodium, a.fileKey, a.header.stanzas, plain);
    expect((await openAs(bytes, doctor)).code).toBe('EXPORT_BAD_SIGNATURE');
  });

  it('cannot re-seal the signed export to someone else, even keeping the original stanzas', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    const withMallory = [...a.header.stanzas, stanzaFor(sodium, a.fileKey, mallory.opener.publicKey)];
    const { bytes } = await sealRaw(sodium, a.fileKey, withMallory, a.plain);
    expect((await openAs(bytes, mallory)).code).toBe('EXPORT_BAD_SIGNATURE');
    const onlyMallory = [stanzaFor(sodium, a.fileKey, mallory.opener.publicKey)];
    expect((await openAs((await sealRaw(sodium, a.fileKey, onlyMallory, a.plain)).bytes, mallory)).code).toBe(
      'EXPORT_BAD_SIGNATURE',
    );
  });

  it('cannot alter the manifest (here: a file hash) and keep the sender’s signature', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    const manifest = JSON.parse(new TextDecoder().decode(a.manifestBytes));
    manifest.purpose = 'Referral to legal aid!';
    const forged = new TextEncoder().encode(JSON.stringify(manifest));
    const { bytes } = await sealRaw(
      sodium,
      a.fileKey,
      a.header.stanzas,
      payloadPlain(forged, a.signature, a.rest),
    );
    expect((await openAs(bytes, doctor)).code).toBe('EXPORT_BAD_SIGNATURE');
  });

  it('signing with its own key makes the export come from an unknown sender, which the opener reports', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    const manifest = JSON.parse(new TextDecoder().decode(a.manifestBytes));
    manifest.sender = {
      ...manifest.sender,
      signingPublicKey: Buffer.from(mallory.sender.signingPublicKey).toString('hex'),
    };
    const bytes = await sealSigned(
      sodium,
      a.fileKey,
      a.header.stanzas,
      manifest,
      a.rest,
      mallory.sender.signingSecretKey,
    );
    const verified = await verifyExport({ sodium }, bytesSource(bytes), doctor.opener, {
      knownSenders: [{ signingPublicKey: alice.sender.signingPublicKey }],
    });
    expect(verified.sender.known).toBe(false);
    expect(verified.sender.signingPublicKey).toBe(
      Buffer.from(mallory.sender.signingPublicKey).toString('hex'),
    );
  });
});

describe('checks that need the sender’s own key to reach', () => {
  // A signed manifest is the sender's word; these prove the opener still holds the sender to it.
  it('an opener the signed manifest does not list is refused', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    const manifest = JSON.parse(new TextDecoder().decode(a.manifestBytes));
    const stanzas = [...a.header.stanzas, stanzaFor(sodium, a.fileKey, mallory.opener.publicKey)];
    const bytes = await sealSigned(
      sodium,
      a.fileKey,
      stanzas,
      manifest,
      a.rest,
      alice.sender.signingSecretKey,
    );
    expect((await openAs(bytes, mallory)).code).toBe('EXPORT_NOT_LISTED_RECIPIENT');
    expect((await openAs(bytes, lawyer)).code).toBe('OK');
  });

  it('a file or records JSON whose bytes differ from the signed SHA-256 is refused before any sink is opened', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    const manifest = JSON.parse(new TextDecoder().decode(a.manifestBytes));
    manifest.files[0].sha256 = 'ab'.repeat(32);
    const bytes = await sealSigned(
      sodium,
      a.fileKey,
      a.header.stanzas,
      manifest,
      a.rest,
      alice.sender.signingSecretKey,
    );
    expect(await openAs(bytes, lawyer)).toEqual({ code: 'EXPORT_FILE_HASH_MISMATCH', events: [] });
    manifest.files[0].sha256 = JSON.parse(new TextDecoder().decode(a.manifestBytes)).files[0].sha256;
    manifest.records.sha256 = 'cd'.repeat(32);
    const bytes2 = await sealSigned(
      sodium,
      a.fileKey,
      a.header.stanzas,
      manifest,
      a.rest,
      alice.sender.signingSecretKey,
    );
    expect(await openAs(bytes2, lawyer)).toEqual({ code: 'EXPORT_FILE_HASH_MISMATCH', events: [] });
  });

  it('declared sizes that do not add up to the payload length are refused', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    const manifest = JSON.parse(new TextDecoder().decode(a.manifestBytes));
    manifest.files[0].size -= 1;
    const bytes = await sealSigned(
      sodium,
      a.fileKey,
      a.header.stanzas,
      manifest,
      a.rest,
      alice.sender.signingSecretKey,
    );
    expect((await openAs(bytes, lawyer)).code).toBe('EXPORT_MALFORMED');
  });

  it('a manifest that is not valid JSON or not the schema is refused', async () => {
    const a = await decryptAll(sodium, exportA, lawyer.opener);
    for (const manifest of [
      'not json',
      { ...JSON.parse(new TextDecoder().decode(a.manifestBytes)), extra: 1 },
    ]) {
      const bytes = await sealSigned(
        sodium,
        a.fileKey,
        a.header.stanzas,
        manifest,
        a.rest,
        alice.sender.signingSecretKey,
      );
      expect((await openAs(bytes, lawyer)).code).toBe('EXPORT_MALFORMED');
    }
  });
});

describe('the extract phase', () => {
  it('refuses a file that changed since it was verified, before delivering anything', async () => {
    const { extractExport } = await import('../../../../electron/core/export/index.ts');
    const verified = await verifyExport({ sodium }, bytesSource(exportA), lawyer.opener);
    const events: string[] = [];
    await expectCode(
      extractExport({ sodium }, verified, bytesSource(exportB), lawyer.opener, {
        records: () => void events.push('records'),
        file: () => ({
          write: () => void events.push('write'),
          close: () => void events.push('close'),
          abort: () => void events.push('abort'),
        }),
      }),
      'EXPORT_CHANGED_SINCE_VERIFIED',
    );
    expect(events).toEqual([]);
  });
});
