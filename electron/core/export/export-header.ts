/**
 * The export header (docs/export-format.md §3): fixed fields, one stanza per recipient wrapping the
 * file key, then a MAC over every byte before it. Parsing bounds everything before use and checks
 * lengths exactly; recipients are found by trial decryption because no stanza names its recipient.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { concatBytes, type Sodium, wipe } from '../crypto/sodium.ts';
import type { ByteReader } from './byte-reader.ts';
import {
  headerMac,
  passphraseWrapKey,
  unwrapFileKey,
  wrapFileKey,
  x25519Shared,
  x25519WrapKey,
} from './export-keys.ts';
import {
  FIXED_HEADER_BYTES,
  HEADER_MAC_BYTES,
  LIMITS,
  MAGIC,
  MAX_STANZAS,
  PASSPHRASE_KDF_BOUNDS,
  PASSPHRASE_SALT_BYTES,
  PASSPHRASE_STANZA_BODY_BYTES,
  STANZA_PREFIX_BYTES,
  STANZA_TYPE,
  VERSION,
  WRAPPED_KEY_BYTES,
  X25519_STANZA_BODY_BYTES,
} from './format-constants.ts';

export type Stanza =
  | { type: 'x25519'; ephemeralPublic: Uint8Array; wrapped: Uint8Array }
  | { type: 'passphrase'; salt: Uint8Array; opslimit: number; memlimitKiB: number; wrapped: Uint8Array };

/** What opens an export: this vault's X25519 key pair, or a backup passphrase. */
export type ExportIdentity =
  | { type: 'x25519'; publicKey: Uint8Array; secretKey: Uint8Array }
  | { type: 'passphrase'; passphrase: string };

export interface ParsedHeader {
  payloadLength: number;
  stanzas: Stanza[];
  /** Every header byte before the MAC (what the MAC covers). */
  body: Uint8Array;
  mac: Uint8Array;
}

const damaged = (detail: string) => new CaseVaultError('EXPORT_HEADER_DAMAGED', detail);
const truncated = () => new CaseVaultError('EXPORT_TRUNCATED', 'header');

export function encodeStanza(stanza: Stanza): Uint8Array {
  const body =
    stanza.type === 'x25519'
      ? concatBytes(stanza.ephemeralPublic, stanza.wrapped)
      : concatBytes(stanza.salt, u32(stanza.opslimit), u32(stanza.memlimitKiB), stanza.wrapped);
  const prefix = new Uint8Array(STANZA_PREFIX_BYTES);
  prefix[0] = STANZA_TYPE[stanza.type];
  new DataView(prefix.buffer).setUint16(1, body.length);
  return concatBytes(prefix, body);
}

/** magic ‖ version ‖ stanza count ‖ payload length (u64 BE) ‖ stanzas. */
export function encodeHeaderBody(payloadLength: number, stanzas: Stanza[]): Uint8Array {
  const fixed = new Uint8Array(FIXED_HEADER_BYTES);
  fixed.set(MAGIC, 0);
  fixed[8] = VERSION;
  fixed[9] = stanzas.length;
  const view = new DataView(fixed.buffer);
  view.setUint32(10, Math.floor(payloadLength / 2 ** 32));
  view.setUint32(14, payloadLength % 2 ** 32);
  return concatBytes(fixed, ...stanzas.map(encodeStanza));
}

export function x25519Stanza(
  sodium: Sodium,
  fileKey: Uint8Array,
  recipientPublic: Uint8Array,
  ephemeralSecret: Uint8Array,
): Stanza {
  const ephemeralPublic = sodium.crypto_scalarmult_base(ephemeralSecret);
  const shared = x25519Shared(sodium, ephemeralSecret, recipientPublic);
  if (!shared) throw new CaseVaultError('INVALID_INPUT', 'recipient key is not a usable X25519 key');
  const wrapKey = x25519WrapKey(sodium, shared, ephemeralPublic, recipientPublic);
  try {
    return { type: 'x25519', ephemeralPublic, wrapped: wrapFileKey(sodium, fileKey, wrapKey) };
  } finally {
    wipe(sodium, shared, wrapKey);
  }
}

export function passphraseStanza(
  sodium: Sodium,
  fileKey: Uint8Array,
  passphrase: string,
  salt: Uint8Array,
  opslimit: number,
  memlimitKiB: number,
): Stanza {
  if (!kdfInBounds(opslimit, memlimitKiB)) throw new CaseVaultError('KDF_PARAMS_OUT_OF_BOUNDS');
  const wrapKey = passphraseWrapKey(sodium, passphrase, salt, opslimit, memlimitKiB);
  try {
    return {
      type: 'passphrase',
      salt,
      opslimit,
      memlimitKiB,
      wrapped: wrapFileKey(sodium, fileKey, wrapKey),
    };
  } finally {
    wipe(sodium, wrapKey);
  }
}

export function kdfInBounds(opslimit: number, memlimitKiB: number): boolean {
  const b = PASSPHRASE_KDF_BOUNDS;
  return (
    Number.isSafeInteger(opslimit) &&
    Number.isSafeInteger(memlimitKiB) &&
    opslimit >= b.opslimit.min &&
    opslimit <= b.opslimit.max &&
    memlimitKiB >= b.memlimitKiB.min &&
    memlimitKiB <= b.memlimitKiB.max
  );
}

/** Reads and checks the header's structure; the MAC is checked later, once the file key is known. */
export async function readHeader(reader: ByteReader): Promise<ParsedHeader> {
  const magic = await reader.read(MAGIC.length);
  if (!magic.every((byte, i) => byte === MAGIC[i])) throw new CaseVaultError('EXPORT_MALFORMED', 'magic');
  if (magic.length < MAGIC.length) throw truncated();
  const rest = await reader.read(FIXED_HEADER_BYTES - MAGIC.length);
  if (rest.length >= 1 && rest[0] !== VERSION) {
    throw new CaseVaultError('EXPORT_UNSUPPORTED_VERSION', `version ${rest[0]}`);
  }
  if (rest.length < FIXED_HEADER_BYTES - MAGIC.length) throw truncated();
  const view = new DataView(rest.buffer, rest.byteOffset, rest.byteLength);
  const count = rest[1]!;
  if (count < 1 || count > MAX_STANZAS) throw damaged('stanza count');
  const payloadLength = view.getUint32(2) * 2 ** 32 + view.getUint32(6);
  if (payloadLength < LIMITS.minPayloadBytes || payloadLength > LIMITS.maxPayloadBytes) {
    throw damaged('payload length');
  }
  const parts: Uint8Array[] = [concatBytes(magic, rest)];
  const stanzas: Stanza[] = [];
  for (let i = 0; i < count; i++) {
    const prefix = await reader.read(STANZA_PREFIX_BYTES);
    if (prefix.length < STANZA_PREFIX_BYTES) throw truncated();
    const length = (prefix[1]! << 8) | prefix[2]!;
    const expected =
      prefix[0] === STANZA_TYPE.x25519
        ? X25519_STANZA_BODY_BYTES
        : prefix[0] === STANZA_TYPE.passphrase
          ? PASSPHRASE_STANZA_BODY_BYTES
          : undefined;
    if (expected === undefined) throw damaged(`stanza ${i} type`);
    if (length !== expected) throw damaged(`stanza ${i} length`);
    const body = await reader.read(length);
    if (body.length < length) throw truncated();
    parts.push(Uint8Array.from(prefix), Uint8Array.from(body));
    stanzas.push(decodeStanzaBody(prefix[0]!, Uint8Array.from(body), i));
  }
  if (stanzas.some((s) => s.type === 'passphrase') && stanzas.length > 1) {
    throw new CaseVaultError('EXPORT_PASSPHRASE_NOT_ALONE');
  }
  const mac = await reader.read(HEADER_MAC_BYTES);
  if (mac.length < HEADER_MAC_BYTES) throw truncated();
  return { payloadLength, stanzas, body: concatBytes(...parts), mac: Uint8Array.from(mac) };
}

function decodeStanzaBody(type: number, body: Uint8Array, index: number): Stanza {
  if (type === STANZA_TYPE.x25519) {
    return { type: 'x25519', ephemeralPublic: body.subarray(0, 32), wrapped: body.subarray(32) };
  }
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const opslimit = view.getUint32(PASSPHRASE_SALT_BYTES);
  const memlimitKiB = view.getUint32(PASSPHRASE_SALT_BYTES + 4);
  if (!kdfInBounds(opslimit, memlimitKiB))
    throw damaged(`stanza ${index} passphrase parameters out of bounds`);
  const wrapped = body.subarray(PASSPHRASE_SALT_BYTES + 8);
  if (wrapped.length !== WRAPPED_KEY_BYTES) throw damaged(`stanza ${index} length`);
  return {
    type: 'passphrase',
    salt: body.subarray(0, PASSPHRASE_SALT_BYTES),
    opslimit,
    memlimitKiB,
    wrapped,
  };
}

/** Trial decryption of every stanza of the identity's type; the first that opens gives the file key. */
export function unwrapWithIdentity(
  sodium: Sodium,
  header: ParsedHeader,
  identity: ExportIdentity,
): { fileKey: Uint8Array; stanzaIndex: number } {
  for (const [index, stanza] of header.stanzas.entries()) {
    if (stanza.type !== identity.type) continue;
    let wrapKey: Uint8Array | undefined;
    if (stanza.type === 'x25519' && identity.type === 'x25519') {
      const shared = x25519Shared(sodium, identity.secretKey, stanza.ephemeralPublic);
      if (!shared) continue;
      wrapKey = x25519WrapKey(sodium, shared, stanza.ephemeralPublic, identity.publicKey);
      wipe(sodium, shared);
    } else if (stanza.type === 'passphrase' && identity.type === 'passphrase') {
      wrapKey = passphraseWrapKey(
        sodium,
        identity.passphrase,
        stanza.salt,
        stanza.opslimit,
        stanza.memlimitKiB,
      );
    }
    if (!wrapKey) continue;
    const fileKey = unwrapFileKey(sodium, stanza.wrapped, wrapKey);
    wipe(sodium, wrapKey);
    if (fileKey) return { fileKey, stanzaIndex: index };
  }
  throw new CaseVaultError('EXPORT_NOT_FOR_YOU');
}

export function checkHeaderMac(sodium: Sodium, header: ParsedHeader, fileKey: Uint8Array): void {
  const expected = headerMac(sodium, fileKey, header.body);
  const ok = sodium.memcmp(expected, header.mac);
  wipe(sodium, expected);
  if (!ok) throw damaged('MAC');
}

function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}
