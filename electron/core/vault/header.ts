/**
 * The vault header: the only plaintext file of a vault. It holds what is needed to turn a
 * passphrase or a recovery key into the master key (KDF parameters, salts, wrapped keys) and no
 * vault content. Layout (docs/vault-format.md §2), UTF-8, exactly three lines:
 *
 *   CASEVAULT-HEADER/1\n
 *   <body: one line of JSON>\n
 *   MAC:<64 lowercase hex>\n
 *
 * The MAC is keyed BLAKE2b-256 over every byte before "MAC:", with a subkey of the master key; it is
 * checked right after a keyslot is unwrapped, so any changed byte is refused. Parsing is strict
 * (unknown fields, wrong lengths, extra whitespace → HEADER_DAMAGED) and bounded in size.
 */
import { z } from 'zod';
import { CaseVaultError } from '../../../shared/errors.ts';
import { assertKdfBounds, KDF_ALG, SALT_BYTES } from '../crypto/kdf.ts';
import type { Sodium } from '../crypto/sodium.ts';

export const HEADER_MAGIC = 'CASEVAULT-HEADER/1';
export const HEADER_FORMAT_VERSION = 1;
export const HEADER_MAX_BYTES = 16 * 1024;
const MAC_PREFIX = 'MAC:';
const MAC_BYTES = 32;

const base64Of = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .refine(
      (s) => Buffer.from(s, 'base64').length === bytes && Buffer.from(s, 'base64').toString('base64') === s,
      {
        message: `must be ${bytes} bytes in base64`,
      },
    );

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

export const KeyslotSchema = z
  .object({
    id: z.enum(['passphrase', 'recovery']),
    kdf: z
      .object({
        alg: z.literal(KDF_ALG),
        opslimit: z.number().int(),
        memlimit: z.number().int(),
        salt: base64Of(SALT_BYTES),
      })
      .strict(),
    aead: z.literal('xchacha20poly1305-ietf'),
    nonce: base64Of(24),
    wrappedKey: base64Of(48),
  })
  .strict();

export const HeaderBodySchema = z
  .object({
    format: z.literal('casevault.vault-header'),
    version: z.literal(HEADER_FORMAT_VERSION),
    vaultId: z.string().regex(/^[0-9a-f]{32}$/),
    createdAt: isoDate,
    updatedAt: isoDate,
    database: z
      .object({ file: z.literal('vault.db'), cipher: z.literal('sqlcipher-4'), keying: z.literal('raw-256') })
      .strict(),
    keyslots: z
      .array(KeyslotSchema)
      .length(2)
      .refine((slots) => slots[0]?.id === 'passphrase' && slots[1]?.id === 'recovery', {
        message: 'keyslots must be [passphrase, recovery]',
      }),
  })
  .strict();

export type HeaderBody = z.output<typeof HeaderBodySchema>;
export type Keyslot = z.output<typeof KeyslotSchema>;
export type KeyslotId = Keyslot['id'];

export interface ParsedHeader {
  body: HeaderBody;
  /** Every byte the MAC covers (magic line + body line, newlines included). */
  macInput: Uint8Array;
  mac: Uint8Array;
}

/** The body line is the schema's canonical form: fields in schema order, no spaces. */
export function encodeHeaderBody(body: HeaderBody): Uint8Array {
  const canonical = JSON.stringify(HeaderBodySchema.parse(body));
  return new TextEncoder().encode(`${HEADER_MAGIC}\n${canonical}\n`);
}

export function computeHeaderMac(sodium: Sodium, macKey: Uint8Array, macInput: Uint8Array): Uint8Array {
  return sodium.crypto_generichash(MAC_BYTES, macInput, macKey);
}

export function serializeHeader(sodium: Sodium, macKey: Uint8Array, body: HeaderBody): Uint8Array {
  const macInput = encodeHeaderBody(body);
  const mac = computeHeaderMac(sodium, macKey, macInput);
  const tail = new TextEncoder().encode(`${MAC_PREFIX}${sodium.to_hex(mac)}\n`);
  const out = new Uint8Array(macInput.length + tail.length);
  out.set(macInput, 0);
  out.set(tail, macInput.length);
  return out;
}

/** Strict parse without any key. Throws HEADER_DAMAGED or KDF_PARAMS_OUT_OF_BOUNDS. */
export function parseHeader(bytes: Uint8Array): ParsedHeader {
  if (bytes.length > HEADER_MAX_BYTES) throw new CaseVaultError('HEADER_DAMAGED', 'too large');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CaseVaultError('HEADER_DAMAGED', 'not UTF-8');
  }
  const lines = text.split('\n');
  if (lines.length !== 4 || lines[3] !== '') throw new CaseVaultError('HEADER_DAMAGED', 'layout');
  const [magic, bodyLine, macLine] = lines as [string, string, string];
  if (magic !== HEADER_MAGIC) throw new CaseVaultError('HEADER_DAMAGED', 'magic');
  if (!/^MAC:[0-9a-f]{64}$/.test(macLine)) throw new CaseVaultError('HEADER_DAMAGED', 'MAC line');

  let json: unknown;
  try {
    json = JSON.parse(bodyLine);
  } catch {
    throw new CaseVaultError('HEADER_DAMAGED', 'body is not JSON');
  }
  const parsed = HeaderBodySchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new CaseVaultError('HEADER_DAMAGED', path);
  }
  // The body must be exactly what we would write: no reordered keys or extra spaces. This keeps the
  // format canonical, so a header has one byte representation.
  if (JSON.stringify(parsed.data) !== bodyLine) throw new CaseVaultError('HEADER_DAMAGED', 'not canonical');
  for (const slot of parsed.data.keyslots) assertKdfBounds(slot.kdf);

  const macInput = new TextEncoder().encode(`${magic}\n${bodyLine}\n`);
  const mac = Uint8Array.from(Buffer.from(macLine.slice(MAC_PREFIX.length), 'hex'));
  return { body: parsed.data, macInput, mac };
}

/** Constant-time check of the header MAC; throws HEADER_ALTERED on mismatch. */
export function verifyHeaderMac(sodium: Sodium, macKey: Uint8Array, header: ParsedHeader): void {
  const expected = computeHeaderMac(sodium, macKey, header.macInput);
  const ok = expected.length === header.mac.length && sodium.memcmp(expected, header.mac);
  if (!ok) throw new CaseVaultError('HEADER_ALTERED');
}
