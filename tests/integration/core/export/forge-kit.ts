/**
 * What a malicious recipient (who holds the file key) or a forger can do, built from the library's
 * own low-level pieces: decrypt a payload to plaintext, cut it into its sections, and re-seal any
 * plaintext under any header. Security tests use it to build the attacks they expect to be refused.
 */
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { concatBytes } from '../../../../electron/core/crypto/sodium.ts';
import { ByteReader } from '../../../../electron/core/export/byte-reader.ts';
import {
  type ExportIdentity,
  encodeHeaderBody,
  type ParsedHeader,
  readHeader,
  type Stanza,
  unwrapWithIdentity,
  x25519Stanza,
} from '../../../../electron/core/export/export-header.ts';
import { headerMac, payloadKey, signatureInput } from '../../../../electron/core/export/export-keys.ts';
import { PayloadReader, PayloadWriter } from '../../../../electron/core/export/export-payload.ts';
import { bytesSource } from './export-test-kit.ts';

export interface Opened {
  header: ParsedHeader;
  fileKey: Uint8Array;
  plain: Uint8Array;
  manifestBytes: Uint8Array;
  signature: Uint8Array;
  /** Records JSON and files, concatenated. */
  rest: Uint8Array;
}

export async function decryptAll(sodium: Sodium, bytes: Uint8Array, opener: ExportIdentity): Promise<Opened> {
  const reader = new ByteReader(bytesSource(bytes));
  const header = await readHeader(reader);
  const { fileKey } = unwrapWithIdentity(sodium, header, opener);
  const payload = await PayloadReader.start(
    sodium,
    payloadKey(sodium, fileKey, header.mac),
    reader,
    header.payloadLength,
  );
  const parts: Uint8Array[] = [];
  for (let p = await payload.next(); p; p = await payload.next()) parts.push(p);
  const plain = concatBytes(...parts);
  const m = new DataView(plain.buffer, plain.byteOffset).getUint32(0);
  return {
    header,
    fileKey,
    plain,
    manifestBytes: plain.subarray(4, 4 + m),
    signature: plain.subarray(4 + m, 4 + m + 64),
    rest: plain.subarray(4 + m + 64),
  };
}

export function payloadPlain(manifestBytes: Uint8Array, signature: Uint8Array, rest: Uint8Array): Uint8Array {
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, manifestBytes.length);
  return concatBytes(length, manifestBytes, signature, rest);
}

/** Seals `plain` under a header of the given stanzas and file key (the MAC is computed honestly). */
export async function sealRaw(
  sodium: Sodium,
  fileKey: Uint8Array,
  stanzas: Stanza[],
  plain: Uint8Array,
  declaredLength = plain.length,
): Promise<{ bytes: Uint8Array; mac: Uint8Array }> {
  const body = encodeHeaderBody(declaredLength, stanzas);
  const mac = headerMac(sodium, fileKey, body);
  const parts: Uint8Array[] = [body, mac];
  const writer = await PayloadWriter.start(
    sodium,
    payloadKey(sodium, fileKey, mac),
    sodium.randombytes_buf(24),
    declaredLength,
    { write: (b) => void parts.push(Uint8Array.from(b)) },
  );
  await writer.write(plain);
  return { bytes: concatBytes(...parts), mac };
}

export function stanzaFor(sodium: Sodium, fileKey: Uint8Array, recipientPublic: Uint8Array): Stanza {
  return x25519Stanza(sodium, fileKey, recipientPublic, sodium.randombytes_buf(32));
}

/** Re-signs manifest bytes as `signer` for a header MAC (a forger with their own key can always sign). */
export function sign(
  sodium: Sodium,
  signerSecret: Uint8Array,
  mac: Uint8Array,
  manifestBytes: Uint8Array,
): Uint8Array {
  return sodium.crypto_sign_detached(signatureInput(mac, manifestBytes), signerSecret);
}

/**
 * Builds an export whose manifest is `manifest` (re-encoded), signed by `signerSecret` for the new
 * header: the signature is valid, so whatever the opener refuses is refused for another reason.
 */
export async function sealSigned(
  sodium: Sodium,
  fileKey: Uint8Array,
  stanzas: Stanza[],
  manifest: unknown,
  rest: Uint8Array,
  signerSecret: Uint8Array,
  declaredLength?: number,
): Promise<Uint8Array> {
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const length = declaredLength ?? 4 + manifestBytes.length + 64 + rest.length;
  const body = encodeHeaderBody(length, stanzas);
  const mac = headerMac(sodium, fileKey, body);
  const signature = sign(sodium, signerSecret, mac, manifestBytes);
  const plain = payloadPlain(manifestBytes, signature, rest);
  const parts: Uint8Array[] = [body, mac];
  const writer = await PayloadWriter.start(
    sodium,
    payloadKey(sodium, fileKey, mac),
    sodium.randombytes_buf(24),
    length,
    {
      write: (b) => void parts.push(Uint8Array.from(b)),
    },
  );
  await writer.write(plain);
  return concatBytes(...parts);
}

/** Offsets of the header parts of an export with only X25519 stanzas. */
export function layout(bytes: Uint8Array) {
  const count = bytes[9]!;
  const stanzaStart = (i: number) => 18 + i * 83;
  const macStart = stanzaStart(count);
  const payloadStart = macStart + 32;
  return { count, stanzaStart, macStart, payloadStart, chunksStart: payloadStart + 24 };
}
