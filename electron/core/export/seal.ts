/**
 * Sealing: manifest + records JSON + files → one export file written to a sink, streaming, with
 * flat memory and no plaintext anywhere but in the chunk being encrypted (docs/export-format.md §7).
 * Randomness and the clock are injected so test vectors can be reproduced byte for byte.
 * If a source or the sink fails, the error propagates and the caller deletes what the sink got
 * (ciphertext only, useless without its final chunk).
 */
import { createHash } from 'node:crypto';
import { CaseVaultError } from '../../../shared/errors.ts';
import { KDF_PRESETS } from '../crypto/kdf.ts';
import type { StreamEngine } from '../crypto/secretstream.ts';
import { type Sodium, wipe } from '../crypto/sodium.ts';
import { BatchedOutput } from './batched-output.ts';
import { encodeHeaderBody, passphraseStanza, type Stanza, x25519Stanza } from './export-header.ts';
import { headerMac, payloadKey, signatureInput } from './export-keys.ts';
import { type ByteSink, PayloadWriter } from './export-payload.ts';
import {
  FILE_KEY_BYTES,
  MANIFEST_LENGTH_BYTES,
  MAX_STANZAS,
  PASSPHRASE_SALT_BYTES,
  STREAM_HEADER_BYTES,
} from './format-constants.ts';
import {
  type CustodyEntry,
  type ExportManifest,
  encodeManifest,
  MANIFEST_FORMAT,
  payloadLengthFor,
  RECORDS_FORMAT,
  type ReceiptContent,
  type ReportDescriptor,
} from './manifest.ts';

export interface SealFileSource {
  id: string;
  name: string;
  size: number;
  /** Known hash (the evidence store keeps one); absent → the source is read twice, once to hash it. */
  sha256?: string;
  /**
   * The source is AUTHENTICATED (e.g. an evidence blob, decrypted segment by segment with an AEAD
   * under its own file key) and `sha256` is the hash recorded when those bytes were encrypted:
   * sealing then does not hash the file again (it only checks the size). A wrong `sha256` is no
   * longer refused here (EXPORT_SOURCE_MISMATCH) but by every receiver, which hashes each file
   * (EXPORT_FILE_HASH_MISMATCH). Ignored without `sha256`. docs/export-format.md §7.
   */
  trustSha256?: boolean;
  mediaType?: string;
  recordId?: string;
  /** The sealer is done with each yielded slice when it asks for the next: a source may reuse or wipe it. */
  open(): AsyncIterable<Uint8Array>;
}

export interface SealRecords {
  /** A `casevault.records/1` document (docs/records-format.md), as UTF-8 bytes. */
  bytes: Uint8Array;
  items: Array<{ kind: string; id: string }>;
}

export type SealRecipient =
  | { type: 'x25519'; publicKey: Uint8Array; fingerprint?: string; label?: string }
  | { type: 'passphrase'; passphrase: string; opslimit?: number; memlimitKiB?: number };

export interface SenderIdentity {
  signingPublicKey: Uint8Array;
  /** libsodium's 64-byte Ed25519 secret key (seed ‖ public key). */
  signingSecretKey: Uint8Array;
  encryptionPublicKey: Uint8Array;
  fingerprint?: string;
  name?: string;
}

export interface SealRequest {
  kind?: ExportManifest['kind'];
  sender: SenderIdentity;
  recipients: SealRecipient[];
  purpose: string;
  records?: SealRecords | null;
  files?: SealFileSource[];
  custody?: CustodyEntry[];
  receipt?: ReceiptContent;
  /** Kind `report` only: which report the files carry (manifest.ts ReportDescriptorSchema). */
  report?: ReportDescriptor;
  exportId?: string;
}

export interface SealDeps {
  sodium: Sodium;
  /** Defaults to libsodium's CSPRNG; tests inject a seeded one. */
  randomBytes?: (n: number) => Uint8Array;
  now?: () => Date;
  /** secretstream engine (both produce the same bytes; the bench compares them). */
  engine?: StreamEngine;
  /**
   * Hash the output file on a second thread, for outputs of 16 MiB or more to a sink that sets
   * `releasesBuffers` (batched-output.ts). Default off (measured: docs/benchmarks.md). Same digest.
   */
  parallelHash?: boolean;
}

export interface SealResult {
  exportId: string;
  manifest: ExportManifest;
  /** SHA-256 of every byte written (lowercase hex): what receipts and the audit log name. */
  fileSha256: string;
  bytesWritten: number;
}

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

export async function sealExport(deps: SealDeps, request: SealRequest, sink: ByteSink): Promise<SealResult> {
  const { sodium } = deps;
  const random = deps.randomBytes ?? ((n: number) => sodium.randombytes_buf(n));
  checkRecipients(request.recipients);
  checkSender(sodium, request.sender);

  const files = [];
  for (const file of request.files ?? [])
    files.push({
      ...file,
      sha256: file.sha256 ?? (await hashSource(file)),
      trustSha256: file.trustSha256 === true && file.sha256 !== undefined,
    });
  const records = request.records
    ? {
        format: RECORDS_FORMAT,
        size: request.records.bytes.length,
        sha256: createHash('sha256').update(request.records.bytes).digest('hex'),
        items: request.records.items,
      }
    : null;
  const manifest: ExportManifest = {
    format: MANIFEST_FORMAT,
    kind: request.kind ?? 'export',
    exportId: request.exportId ?? uuidV4(random(16)),
    createdAt: (deps.now?.() ?? new Date()).toISOString(),
    sender: {
      signingPublicKey: hex(request.sender.signingPublicKey),
      encryptionPublicKey: hex(request.sender.encryptionPublicKey),
      ...(request.sender.fingerprint ? { fingerprint: request.sender.fingerprint } : {}),
      ...(request.sender.name ? { name: request.sender.name } : {}),
    },
    recipients: request.recipients.map((r) =>
      r.type === 'passphrase'
        ? { type: 'passphrase' as const }
        : {
            type: 'x25519' as const,
            publicKey: hex(r.publicKey),
            ...(r.fingerprint ? { fingerprint: r.fingerprint } : {}),
            ...(r.label ? { label: r.label } : {}),
          },
    ),
    purpose: request.purpose,
    records,
    files: files.map(({ id, name, size, sha256, mediaType, recordId }) => ({
      id,
      name,
      size,
      sha256,
      ...(mediaType ? { mediaType } : {}),
      ...(recordId ? { recordId } : {}),
    })),
    custody: request.custody ?? [],
    ...(request.receipt ? { receipt: request.receipt } : {}),
    ...(request.report ? { report: request.report } : {}),
  };
  const manifestBytes = encodeManifest(manifest);
  const payloadLength = payloadLengthFor(manifestBytes.length, manifest);

  const out = new BatchedOutput(sink, {
    hash: true,
    parallelHash: deps.parallelHash,
    expectedBytes: payloadLength,
  });
  const fileKey = random(FILE_KEY_BYTES);
  let key: Uint8Array | undefined;
  try {
    const stanzas = request.recipients.map((r) => makeStanza(sodium, fileKey, r, random));
    const body = encodeHeaderBody(payloadLength, stanzas);
    const mac = headerMac(sodium, fileKey, body);
    await out.write(body);
    await out.write(mac);
    key = payloadKey(sodium, fileKey, mac);
    const writer = await PayloadWriter.start(
      sodium,
      key,
      random(STREAM_HEADER_BYTES),
      payloadLength,
      out,
      deps.engine,
    );
    const length = new Uint8Array(MANIFEST_LENGTH_BYTES);
    new DataView(length.buffer).setUint32(0, manifestBytes.length);
    await writer.write(length);
    await writer.write(manifestBytes);
    await writer.write(
      sodium.crypto_sign_detached(signatureInput(mac, manifestBytes), request.sender.signingSecretKey),
    );
    if (request.records) await writer.write(request.records.bytes);
    for (const file of files) await writeFile(writer, file);
    writer.finish();
    const { sha256, count } = await out.finish();
    return { exportId: manifest.exportId, manifest, fileSha256: sha256!, bytesWritten: count };
  } finally {
    wipe(sodium, fileKey, key);
    // Ends the hash thread on every path (a failing source or sink included).
    await out.dispose();
  }
}

function checkRecipients(recipients: SealRecipient[]): void {
  if (recipients.length < 1 || recipients.length > MAX_STANZAS) {
    throw new CaseVaultError('INVALID_INPUT', `between 1 and ${MAX_STANZAS} recipients`);
  }
  if (recipients.some((r) => r.type === 'passphrase') && recipients.length > 1) {
    throw new CaseVaultError('EXPORT_PASSPHRASE_NOT_ALONE');
  }
  const keys = new Set<string>();
  for (const r of recipients) {
    if (r.type !== 'x25519') continue;
    if (r.publicKey.length !== 32) throw new CaseVaultError('INVALID_INPUT', 'recipient key length');
    const k = hex(r.publicKey);
    if (keys.has(k)) throw new CaseVaultError('INVALID_INPUT', 'a recipient is listed twice');
    keys.add(k);
  }
}

function checkSender(sodium: Sodium, sender: SenderIdentity): void {
  if (
    sender.signingSecretKey.length !== 64 ||
    sender.signingPublicKey.length !== 32 ||
    sender.encryptionPublicKey.length !== 32
  ) {
    throw new CaseVaultError('INVALID_INPUT', 'sender key length');
  }
  const derived = sodium.crypto_sign_ed25519_sk_to_pk(sender.signingSecretKey);
  if (!sodium.memcmp(derived, sender.signingPublicKey)) {
    throw new CaseVaultError('INVALID_INPUT', 'sender signing keys do not match');
  }
}

function makeStanza(
  sodium: Sodium,
  fileKey: Uint8Array,
  recipient: SealRecipient,
  random: (n: number) => Uint8Array,
): Stanza {
  if (recipient.type === 'x25519') {
    const ephemeral = random(32);
    try {
      return x25519Stanza(sodium, fileKey, recipient.publicKey, ephemeral);
    } finally {
      wipe(sodium, ephemeral);
    }
  }
  const opslimit = recipient.opslimit ?? KDF_PRESETS.moderate.opslimit;
  const memlimitKiB = recipient.memlimitKiB ?? KDF_PRESETS.moderate.memlimit / 1024;
  return passphraseStanza(
    sodium,
    fileKey,
    recipient.passphrase,
    random(PASSPHRASE_SALT_BYTES),
    opslimit,
    memlimitKiB,
  );
}

async function writeFile(writer: PayloadWriter, file: SealFileSource & { sha256: string }): Promise<void> {
  const hash = file.trustSha256 ? undefined : createHash('sha256');
  let size = 0;
  for await (const chunk of file.open()) {
    size += chunk.length;
    if (size > file.size) throw new CaseVaultError('EXPORT_SOURCE_MISMATCH', `${file.id}: size`);
    hash?.update(chunk);
    await writer.write(chunk);
  }
  if (size !== file.size) throw new CaseVaultError('EXPORT_SOURCE_MISMATCH', `${file.id}: size`);
  if (hash && hash.digest('hex') !== file.sha256)
    throw new CaseVaultError('EXPORT_SOURCE_MISMATCH', `${file.id}: sha256`);
}

async function hashSource(file: SealFileSource): Promise<string> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of file.open()) {
    size += chunk.length;
    hash.update(chunk);
  }
  if (size !== file.size) throw new CaseVaultError('EXPORT_SOURCE_MISMATCH', `${file.id}: size`);
  return hash.digest('hex');
}

/** RFC 9562 version 4 from 16 random bytes. */
export function uuidV4(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
