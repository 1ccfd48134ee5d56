/**
 * Key cards (docs/key-card-format.md): the public half of a vault identity — name, organisation,
 * role, the X25519 and Ed25519 public keys and when the card was issued — self-signed with the
 * Ed25519 key so that the name cannot be moved onto other keys without the signature failing.
 *
 * One canonical binary body is what is signed. It travels in two forms:
 * - text: `casevault-card:1:` + base64url(body ‖ signature), one line to paste into a message;
 * - file (`.cvcard`): a JSON object with the same fields spelled out; the parser rebuilds the body
 *   from the fields and checks the signature over it.
 * The parser bounds every size before use, accepts exactly one shape, and reports CARD_MALFORMED,
 * CARD_VERSION_UNSUPPORTED or CARD_SIGNATURE_INVALID with a short non-secret detail.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { CARD_LIMITS, CARD_TEXT_PREFIX } from '../../../shared/identity/constants.ts';
import { type CardField, cardFieldProblem } from '../../../shared/identity/fields.ts';
import { concatBytes, type Sodium, wipe } from '../crypto/sodium.ts';
import type { PublicKeys } from './fingerprint.ts';

export const CARD_VERSION = 1;
export const CARD_FILE_TYPE = 'casevault.card';
export const CARD_SIGNATURE_DOMAIN = 'casevault-card-v1';
const MAX_ISSUED_AT_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export interface CardContent extends PublicKeys {
  name: string;
  organisation: string;
  /** Free text: the holder's job or function as they describe it ("Avocate", "Psychologue"). */
  role: string;
  /** ISO 8601 UTC with milliseconds: when this card's content was last set by its holder. */
  issuedAt: string;
}

export interface SignedCard extends CardContent {
  version: typeof CARD_VERSION;
  /** Ed25519, 64 bytes, over `cardSigningBytes(body)`. */
  signature: Uint8Array;
}

const malformed = (detail: string) => new CaseVaultError('CARD_MALFORMED', detail);
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function checkField(field: CardField, value: unknown): string {
  if (typeof value !== 'string') throw malformed(field);
  if (cardFieldProblem(field, value) !== undefined) throw malformed(field);
  return value;
}

function issuedAtMs(issuedAt: string): number {
  if (!ISO_MS.test(issuedAt)) throw malformed('issuedAt');
  const ms = Date.parse(issuedAt);
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_ISSUED_AT_MS || new Date(ms).toISOString() !== issuedAt)
    throw malformed('issuedAt');
  return ms;
}

/**
 * The canonical body: version (u8) ‖ X25519 pk (32) ‖ Ed25519 pk (32) ‖ issuedAt ms (u64 BE) ‖
 * name, organisation, role as u16-BE-length-prefixed UTF-8.
 */
export function encodeCardBody(content: CardContent): Uint8Array {
  if (content.boxPublicKey.length !== 32) throw malformed('boxPublicKey');
  if (content.signPublicKey.length !== 32) throw malformed('signPublicKey');
  const strings = (['name', 'organisation', 'role'] as const).map((field) =>
    encoder.encode(checkField(field, content[field])),
  );
  const fixed = new Uint8Array(1 + 32 + 32 + 8);
  fixed[0] = CARD_VERSION;
  fixed.set(content.boxPublicKey, 1);
  fixed.set(content.signPublicKey, 33);
  new DataView(fixed.buffer).setBigUint64(65, BigInt(issuedAtMs(content.issuedAt)), false);
  const parts: Uint8Array[] = [fixed];
  for (const bytes of strings) {
    const length = new Uint8Array(2);
    new DataView(length.buffer).setUint16(0, bytes.length, false);
    parts.push(length, bytes);
  }
  return concatBytes(...parts);
}

/** What the signature covers: the ASCII domain, one zero byte, then the body. */
export function cardSigningBytes(body: Uint8Array): Uint8Array {
  return concatBytes(encoder.encode(CARD_SIGNATURE_DOMAIN), new Uint8Array([0]), body);
}

/** Signs a card with the identity's Ed25519 secret key (64 bytes; the caller wipes it). */
export function signCard(sodium: Sodium, content: CardContent, signSecretKey: Uint8Array): SignedCard {
  const body = encodeCardBody(content);
  const signature = sodium.crypto_sign_detached(cardSigningBytes(body), signSecretKey);
  return { ...content, version: CARD_VERSION, signature };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** base64url without padding, refusing any other spelling of the same bytes. */
function fromB64(text: unknown, field: string, length?: number): Uint8Array {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) throw malformed(field);
  const bytes = Uint8Array.from(Buffer.from(text, 'base64url'));
  if (b64(bytes) !== text || (length !== undefined && bytes.length !== length)) throw malformed(field);
  return bytes;
}

export function cardToText(card: SignedCard): string {
  return `${CARD_TEXT_PREFIX}${CARD_VERSION}:${b64(concatBytes(encodeCardBody(card), card.signature))}`;
}

/** The `.cvcard` file: JSON, fields in a fixed order, a final newline. */
export function cardToFile(card: SignedCard): string {
  encodeCardBody(card); // same checks as the text form
  const json = {
    type: CARD_FILE_TYPE,
    version: CARD_VERSION,
    name: card.name,
    organisation: card.organisation,
    role: card.role,
    issuedAt: card.issuedAt,
    boxPublicKey: b64(card.boxPublicKey),
    signPublicKey: b64(card.signPublicKey),
    signature: b64(card.signature),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const FILE_KEYS = [
  'type',
  'version',
  'name',
  'organisation',
  'role',
  'issuedAt',
  'boxPublicKey',
  'signPublicKey',
  'signature',
] as const;

function parseFileForm(text: string): { content: CardContent; signature: Uint8Array } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed('json');
  const object = value as Record<string, unknown>;
  if (object.type !== CARD_FILE_TYPE) throw malformed('type');
  if (typeof object.version !== 'number' || !Number.isInteger(object.version)) throw malformed('version');
  if (object.version !== CARD_VERSION) throw new CaseVaultError('CARD_VERSION_UNSUPPORTED', 'version');
  const keys = Object.keys(object);
  const extra = keys.find((key) => !(FILE_KEYS as readonly string[]).includes(key));
  if (extra !== undefined || keys.length !== FILE_KEYS.length) throw malformed('fields');
  const content: CardContent = {
    name: checkField('name', object.name),
    organisation: checkField('organisation', object.organisation),
    role: checkField('role', object.role),
    issuedAt: typeof object.issuedAt === 'string' ? object.issuedAt : '',
    boxPublicKey: fromB64(object.boxPublicKey, 'boxPublicKey', 32),
    signPublicKey: fromB64(object.signPublicKey, 'signPublicKey', 32),
  };
  issuedAtMs(content.issuedAt);
  return { content, signature: fromB64(object.signature, 'signature', 64) };
}

/** Reads the binary body ‖ signature with exact lengths; every length is bounded before use. */
export function decodeCardBytes(bytes: Uint8Array): { content: CardContent; signature: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const need = (n: number, field: string) => {
    if (n < 0 || offset + n > bytes.length) throw malformed(field);
  };
  need(1, 'version');
  if (bytes[0] !== CARD_VERSION) throw new CaseVaultError('CARD_VERSION_UNSUPPORTED', 'version');
  offset = 1;
  need(72, 'keys');
  const boxPublicKey = bytes.slice(1, 33);
  const signPublicKey = bytes.slice(33, 65);
  const ms = view.getBigUint64(65, false);
  offset = 73;
  if (ms > BigInt(MAX_ISSUED_AT_MS)) throw malformed('issuedAt');
  const issuedAt = new Date(Number(ms)).toISOString();
  const strings: Record<CardField, string> = { name: '', organisation: '', role: '' };
  for (const field of ['name', 'organisation', 'role'] as const) {
    need(2, field);
    const length = view.getUint16(offset, false);
    offset += 2;
    // A UTF-16 code unit takes at most 3 UTF-8 bytes (a surrogate pair, 2 units, takes 4).
    if (length > CARD_LIMITS[field].max * 3) throw malformed(field);
    need(length, field);
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(offset, offset + length));
    } catch {
      throw malformed(field);
    }
    strings[field] = checkField(field, text);
    offset += length;
  }
  if (bytes.length - offset !== 64) throw malformed('signature');
  const signature = bytes.slice(offset);
  return { content: { ...strings, issuedAt, boxPublicKey, signPublicKey }, signature };
}

function parseTextForm(text: string): { content: CardContent; signature: Uint8Array } {
  const rest = text.slice(CARD_TEXT_PREFIX.length);
  const colon = rest.indexOf(':');
  const version = colon === -1 ? '' : rest.slice(0, colon);
  if (!/^[0-9]{1,3}$/.test(version)) throw malformed('version');
  if (Number(version) !== CARD_VERSION) throw new CaseVaultError('CARD_VERSION_UNSUPPORTED', 'version');
  const decoded = decodeCardBytes(fromB64(rest.slice(colon + 1), 'base64'));
  return decoded;
}

/** Refuses an X25519 public key of small order: sealing to it would give an all-zero shared key. */
function assertUsableBoxKey(sodium: Sodium, publicKey: Uint8Array): void {
  const scalar = sodium.randombytes_buf(32);
  try {
    sodium.crypto_scalarmult(scalar, publicKey);
  } catch {
    throw malformed('boxPublicKey');
  } finally {
    wipe(sodium, scalar);
  }
}

/**
 * Parses a card in either form (leading and trailing whitespace ignored) and checks its signature.
 * Throws CARD_MALFORMED, CARD_VERSION_UNSUPPORTED or CARD_SIGNATURE_INVALID; never returns a card
 * whose signature did not verify.
 */
export function parseCard(sodium: Sodium, input: string): SignedCard {
  if (typeof input !== 'string' || input.length > CARD_LIMITS.file) throw malformed('length');
  const text = input.trim();
  let parsed: { content: CardContent; signature: Uint8Array };
  if (text.startsWith(CARD_TEXT_PREFIX)) {
    if (text.length > CARD_LIMITS.text) throw malformed('length');
    parsed = parseTextForm(text);
  } else if (text.startsWith('{')) {
    parsed = parseFileForm(text);
  } else {
    throw malformed('form');
  }
  const body = encodeCardBody(parsed.content);
  let valid = false;
  try {
    valid = sodium.crypto_sign_verify_detached(
      parsed.signature,
      cardSigningBytes(body),
      parsed.content.signPublicKey,
    );
  } catch {
    valid = false;
  }
  if (!valid) throw new CaseVaultError('CARD_SIGNATURE_INVALID');
  assertUsableBoxKey(sodium, parsed.content.boxPublicKey);
  return { ...parsed.content, version: CARD_VERSION, signature: parsed.signature };
}
