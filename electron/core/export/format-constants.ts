/**
 * Every constant of the export file format `casevault-export/v1` (docs/export-format.md). Changing
 * any of these changes the format: bump VERSION and keep the old opener.
 */

/** `\x89CVEX\r\n\x1a`: a non-ASCII first byte and CR LF / ^Z catch text-mode mangling (as PNG does). */
export const MAGIC = Uint8Array.from([0x89, 0x43, 0x56, 0x45, 0x58, 0x0d, 0x0a, 0x1a]);
export const VERSION = 1;

/** magic (8) + version (1) + stanza count (1) + payload length (8). */
export const FIXED_HEADER_BYTES = 18;
export const STANZA_PREFIX_BYTES = 3; // type (1) + body length (2, big-endian)
export const HEADER_MAC_BYTES = 32;
export const MAX_STANZAS = 32;

export const STANZA_TYPE = { x25519: 0x01, passphrase: 0x02 } as const;
export const FILE_KEY_BYTES = 32;
/** XChaCha20-Poly1305-IETF of the 32-byte file key: 32 + 16-byte tag. */
export const WRAPPED_KEY_BYTES = 48;
export const X25519_STANZA_BODY_BYTES = 32 + WRAPPED_KEY_BYTES;
export const PASSPHRASE_SALT_BYTES = 16;
export const PASSPHRASE_STANZA_BODY_BYTES = PASSPHRASE_SALT_BYTES + 4 + 4 + WRAPPED_KEY_BYTES;

/** crypto_secretstream_xchacha20poly1305: 24-byte stream header, 17 bytes added per chunk. */
export const STREAM_HEADER_BYTES = 24;
export const CHUNK_ABYTES = 17;
/** Plaintext bytes in every chunk but the last (which holds 1 … CHUNK_BYTES). */
export const CHUNK_BYTES = 64 * 1024;
export const TAG_MESSAGE = 0;
export const TAG_FINAL = 3;

/** Inside the payload: u32 manifest length, the manifest, a 64-byte Ed25519 signature. */
export const MANIFEST_LENGTH_BYTES = 4;
export const SIGNATURE_BYTES = 64;

/** Context strings (ASCII) of every derivation and signature: see docs/export-format.md §4. */
export const CONTEXT = {
  x25519Wrap: 'casevault-export/v1/x25519',
  passphraseWrap: 'casevault-export/v1/passphrase',
  headerMac: 'casevault-export/v1/header-mac',
  payload: 'casevault-export/v1/payload',
  signature: 'casevault-export/v1/manifest-signature',
} as const;

/** Bounds applied to everything read from a file before it is used. */
export const LIMITS = {
  /** Smallest possible payload: length prefix, a 2-byte manifest, signature. */
  minPayloadBytes: MANIFEST_LENGTH_BYTES + 2 + SIGNATURE_BYTES,
  /**
   * 1 TiB: far beyond any real export, exact in a JS number, and at most 2^24 chunks, so the
   * secretstream counter (32 bits) never wraps and no implicit rekey ever happens.
   */
  maxPayloadBytes: 2 ** 40,
  maxManifestBytes: 8 * 1024 * 1024,
  /** The records JSON is handed over whole (the records importer parses a string). */
  maxRecordsBytes: 256 * 1024 * 1024,
  maxFiles: 100_000,
  maxRecordItems: 200_000,
  maxCustodyEntries: 100_000,
  maxFileBytes: 2 ** 40,
} as const;

/** Argon2id bounds for the passphrase recipient (the vault's own bounds, docs/vault-format.md). */
export const PASSPHRASE_KDF_BOUNDS = {
  opslimit: { min: 2, max: 10 },
  memlimitKiB: { min: 64 * 1024, max: 1024 * 1024 },
} as const;

export const ASCII = new TextEncoder();
