/**
 * Opening an export, in two phases the caller can rely on (docs/export-format.md §8):
 *
 * 1. `verifyExport` reads the whole file once: header, stanza (trial decryption), header MAC, every
 *    chunk, the manifest and its signature, the recipient listing, every hash — and discards the
 *    plaintext. Nothing reaches the caller but the verdict.
 * 2. `extractExport` takes the result of (1) and reads the file again, delivering the plaintext to
 *    the caller's sinks. The file must have the same header MAC and, at the end, the same SHA-256 as
 *    when it was verified. Files are streamed to their sinks as they are decrypted and each sink's
 *    `close()` is called only once everything was checked again; on any failure every opened sink
 *    gets `abort()` and the records callback is never called. Sinks are thereby transactional: a
 *    sink commits in `close()` (and the records import runs in `records()`, last).
 *
 * An unknown sender is not an error: the result says `known: false` and the caller warns.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { StreamEngine } from '../crypto/secretstream.ts';
import { type Sodium, wipe } from '../crypto/sodium.ts';
import { ByteReader } from './byte-reader.ts';
import { checkHeaderMac, type ExportIdentity, readHeader, unwrapWithIdentity } from './export-header.ts';
import { payloadKey, signatureInput } from './export-keys.ts';
import { exportFileLength, PayloadReader } from './export-payload.ts';
import { decodeManifest, type ExportManifest, type ManifestFile, payloadLengthFor } from './manifest.ts';
import { PayloadSections } from './payload-sections.ts';

export interface KnownSender {
  signingPublicKey: Uint8Array;
  /** The caller's own handle (a contact id): returned when this sender matches. */
  id?: string;
}

export interface OpenOptions {
  knownSenders?: KnownSender[];
  /** How the identity module renders a fingerprint; absent → the result carries none. */
  fingerprintOf?: (signingPublicKey: Uint8Array, encryptionPublicKey: Uint8Array) => string;
  /** Kinds the caller accepts (default: `export` only — a receipt or a backup is opened on purpose). */
  kinds?: Array<ExportManifest['kind']>;
}

export interface VerifiedSender {
  signingPublicKey: string;
  encryptionPublicKey: string;
  /** From `fingerprintOf` over the signed keys (the manifest's own `fingerprint` is only a claim). */
  fingerprint?: string;
  known: boolean;
  knownId?: string;
  name?: string;
}

export interface VerifiedExport {
  manifest: ExportManifest;
  sender: VerifiedSender;
  /** SHA-256 of the whole file, lowercase hex (what a receipt names). */
  fileSha256: string;
  fileLength: number;
  headerMac: string;
  stanzaIndex: number;
}

export interface FileSink {
  write(bytes: Uint8Array): void | Promise<void>;
  /** Everything was verified: commit. */
  close(): void | Promise<void>;
  /** Something failed: discard what was written. */
  abort(): void | Promise<void>;
}

export interface ExtractSinks {
  /** The records JSON (UTF-8 bytes), called once, last, after every check passed. */
  records?(bytes: Uint8Array, manifest: ExportManifest): void | Promise<void>;
  /** A sink for this file, or undefined to skip it (its bytes are still decrypted and checked). */
  file?(entry: ManifestFile): FileSink | undefined | Promise<FileSink | undefined>;
}

export interface OpenDeps {
  sodium: Sodium;
  /** secretstream engine (both produce the same bytes; the bench compares them). */
  engine?: StreamEngine;
}

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

export function verifyExport(
  deps: OpenDeps,
  source: AsyncIterable<Uint8Array>,
  identity: ExportIdentity,
  options: OpenOptions = {},
): Promise<VerifiedExport> {
  return runOpen(deps, source, identity, options, undefined);
}

export function extractExport(
  deps: OpenDeps,
  verified: VerifiedExport,
  source: AsyncIterable<Uint8Array>,
  identity: ExportIdentity,
  sinks: ExtractSinks,
  options: OpenOptions = {},
): Promise<VerifiedExport> {
  return runOpen(deps, source, identity, options, { verified, sinks });
}

/** Both phases: `openSource` is called twice (once per pass) and must give the same bytes. */
export async function openExport(
  deps: OpenDeps,
  openSource: () => AsyncIterable<Uint8Array>,
  identity: ExportIdentity,
  sinks: ExtractSinks,
  options: OpenOptions = {},
): Promise<VerifiedExport> {
  const verified = await verifyExport(deps, openSource(), identity, options);
  return extractExport(deps, verified, openSource(), identity, sinks, options);
}

async function runOpen(
  { sodium, engine }: OpenDeps,
  source: AsyncIterable<Uint8Array>,
  identity: ExportIdentity,
  options: OpenOptions,
  extract: { verified: VerifiedExport; sinks: ExtractSinks } | undefined,
): Promise<VerifiedExport> {
  const reader = new ByteReader(source);
  const opened: FileSink[] = [];
  let fileKey: Uint8Array | undefined;
  let key: Uint8Array | undefined;
  try {
    const header = await readHeader(reader);
    const unwrapped = unwrapWithIdentity(sodium, header, identity);
    fileKey = unwrapped.fileKey;
    checkHeaderMac(sodium, header, fileKey);
    if (extract && hex(header.mac) !== extract.verified.headerMac) {
      throw new CaseVaultError('EXPORT_CHANGED_SINCE_VERIFIED');
    }
    key = payloadKey(sodium, fileKey, header.mac);
    wipe(sodium, fileKey);
    const payload = await PayloadReader.start(sodium, key, reader, header.payloadLength, engine);

    let manifest: ExportManifest | undefined;
    let records: Uint8Array | undefined;
    let recordsFilled = 0;
    let currentSink: FileSink | undefined;
    const sections = new PayloadSections(header.payloadLength, {
      manifest: (bytes, signature) => {
        manifest = checkManifest(
          sodium,
          bytes,
          signature,
          header.mac,
          header.payloadLength,
          identity,
          options,
        );
        if (extract && manifest.records) records = new Uint8Array(manifest.records.size);
        return manifest;
      },
      records: (slice) => {
        if (!records) return;
        records.set(slice, recordsFilled);
        recordsFilled += slice.length;
      },
      fileStart: async (entry) => {
        currentSink = extract ? await extract.sinks.file?.(entry) : undefined;
        if (currentSink) opened.push(currentSink);
      },
      fileData: async (slice) => {
        if (currentSink) await currentSink.write(slice);
      },
      fileEnd: async () => {
        currentSink = undefined;
      },
    });
    for (let plain = await payload.next(); plain; plain = await payload.next()) await sections.push(plain);
    sections.finish();
    const fileSha256 = await reader.finishHash();
    if (extract && fileSha256 !== extract.verified.fileSha256) {
      throw new CaseVaultError('EXPORT_CHANGED_SINCE_VERIFIED');
    }
    const result = describe(manifest!, options, fileSha256, header, unwrapped.stanzaIndex);
    if (extract) {
      for (const sink of opened.splice(0)) await sink.close();
      if (records) await extract.sinks.records?.(records, manifest!);
    }
    return result;
  } catch (error) {
    for (const sink of opened) {
      try {
        await sink.abort();
      } catch {
        // The original error matters more than a failed clean-up.
      }
    }
    throw error;
  } finally {
    wipe(sodium, fileKey, key);
    await reader.close();
  }
}

/** Signature first (a recipient knows the file key and could forge everything else), then the rest. */
function checkManifest(
  sodium: Sodium,
  bytes: Uint8Array,
  signature: Uint8Array,
  mac: Uint8Array,
  payloadLength: number,
  identity: ExportIdentity,
  options: OpenOptions,
): ExportManifest {
  const manifest = decodeManifest(bytes);
  const signingKey = Uint8Array.from(Buffer.from(manifest.sender.signingPublicKey, 'hex'));
  let valid = false;
  try {
    valid = sodium.crypto_sign_verify_detached(signature, signatureInput(mac, bytes), signingKey);
  } catch {
    valid = false;
  }
  if (!valid) throw new CaseVaultError('EXPORT_BAD_SIGNATURE');
  if (payloadLengthFor(bytes.length, manifest) !== payloadLength) {
    throw new CaseVaultError('EXPORT_MALFORMED', 'declared sizes do not add up to the payload length');
  }
  const listed =
    identity.type === 'passphrase'
      ? manifest.recipients.some((r) => r.type === 'passphrase')
      : manifest.recipients.some((r) => r.type === 'x25519' && r.publicKey === hex(identity.publicKey));
  if (!listed) throw new CaseVaultError('EXPORT_NOT_LISTED_RECIPIENT');
  const kinds = options.kinds ?? ['export'];
  if (!kinds.includes(manifest.kind))
    throw new CaseVaultError('EXPORT_MALFORMED', `unexpected kind ${manifest.kind}`);
  return manifest;
}

function describe(
  manifest: ExportManifest,
  options: OpenOptions,
  fileSha256: string,
  header: { body: Uint8Array; mac: Uint8Array; payloadLength: number },
  stanzaIndex: number,
): VerifiedExport {
  const signing = Uint8Array.from(Buffer.from(manifest.sender.signingPublicKey, 'hex'));
  const encryption = Uint8Array.from(Buffer.from(manifest.sender.encryptionPublicKey, 'hex'));
  const match = options.knownSenders?.find(
    (k) => k.signingPublicKey.length === 32 && hex(k.signingPublicKey) === manifest.sender.signingPublicKey,
  );
  const sender: VerifiedSender = {
    signingPublicKey: manifest.sender.signingPublicKey,
    encryptionPublicKey: manifest.sender.encryptionPublicKey,
    known: match !== undefined,
    ...(options.fingerprintOf ? { fingerprint: options.fingerprintOf(signing, encryption) } : {}),
    ...(match?.id ? { knownId: match.id } : {}),
    ...(manifest.sender.name ? { name: manifest.sender.name } : {}),
  };
  return {
    manifest,
    sender,
    fileSha256,
    fileLength: exportFileLength(header.body.length + header.mac.length, header.payloadLength),
    headerMac: hex(header.mac),
    stanzaIndex,
  };
}
