/**
 * Shared helpers for the export tests: identities from fixed seeds, sealing to memory, opening from
 * memory with recording sinks (so a test can prove that nothing reached a sink when a check failed).
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import {
  type ExportIdentity,
  type FileSink,
  type ManifestFile,
  type OpenOptions,
  openExport,
  type SealRequest,
  type SenderIdentity,
  sealExport,
  type VerifiedExport,
} from '../../../../electron/core/export/index.ts';
import { CaseVaultError, type ErrorCode } from '../../../../shared/errors.ts';

export interface TestIdentity {
  name: string;
  sender: SenderIdentity;
  opener: ExportIdentity & { type: 'x25519' };
}

export async function sodiumReady(): Promise<Sodium> {
  return loadSodium();
}

/** Deterministic identity: X25519 and Ed25519 key pairs from seeds derived from the name. */
export function identity(sodium: Sodium, name: string): TestIdentity {
  const seed = (label: string) => sodium.crypto_generichash(32, `${label}:${name}`, null);
  const box = sodium.crypto_box_seed_keypair(seed('x25519'));
  const sign = sodium.crypto_sign_seed_keypair(seed('ed25519'));
  return {
    name,
    sender: {
      signingPublicKey: sign.publicKey,
      signingSecretKey: sign.privateKey,
      encryptionPublicKey: box.publicKey,
      name,
    },
    opener: { type: 'x25519', publicKey: box.publicKey, secretKey: box.privateKey },
  };
}

export function recipientOf(id: TestIdentity) {
  return { type: 'x25519' as const, publicKey: id.opener.publicKey, label: id.name };
}

/** A deterministic byte generator (BLAKE2b in counter mode) for test randomness and content. */
export function seededRandom(sodium: Sodium, seed: string): (n: number) => Uint8Array {
  let counter = 0;
  return (n: number) => {
    const out = new Uint8Array(n);
    for (let filled = 0; filled < n; filled += 64) {
      const block = sodium.crypto_generichash(64, `${seed}:${counter++}`, null);
      out.set(block.subarray(0, Math.min(64, n - filled)), filled);
    }
    return out;
  };
}

export function bytesSource(bytes: Uint8Array, slice = 7919): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < bytes.length; i += slice) yield bytes.subarray(i, i + slice);
    },
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function memoryFile(id: string, name: string, bytes: Uint8Array, withHash = true) {
  return {
    id,
    name,
    size: bytes.length,
    ...(withHash ? { sha256: sha256(bytes) } : {}),
    open: () => bytesSource(bytes, 65_000),
  };
}

export async function sealToBytes(
  sodium: Sodium,
  request: SealRequest,
  random?: (n: number) => Uint8Array,
): Promise<{ bytes: Uint8Array; fileSha256: string; exportId: string }> {
  const parts: Uint8Array[] = [];
  const result = await sealExport(
    { sodium, ...(random ? { randomBytes: random } : {}), now: () => new Date('2026-11-23T12:00:00.000Z') },
    request,
    { write: (b) => void parts.push(Uint8Array.from(b)) },
  );
  return { bytes: Buffer.concat(parts), fileSha256: result.fileSha256, exportId: result.exportId };
}

export interface RecordingSinks {
  records: Uint8Array | undefined;
  files: Map<string, Uint8Array>;
  /** Every sink call in order: proves nothing was delivered when a check failed. */
  events: string[];
}

export async function openBytes(
  sodium: Sodium,
  bytes: Uint8Array,
  opener: ExportIdentity,
  options: OpenOptions = {},
  recording: RecordingSinks = { records: undefined, files: new Map(), events: [] },
): Promise<{ verified: VerifiedExport; recording: RecordingSinks }> {
  const verified = await openExport(
    { sodium },
    () => bytesSource(bytes),
    opener,
    {
      records: (b) => {
        recording.events.push('records');
        recording.records = b;
      },
      file: (entry: ManifestFile): FileSink => {
        const parts: Uint8Array[] = [];
        recording.events.push(`open ${entry.id}`);
        return {
          write: (b) => {
            recording.events.push(`write ${entry.id}`);
            parts.push(Uint8Array.from(b));
          },
          close: () => {
            recording.events.push(`close ${entry.id}`);
            recording.files.set(entry.id, Buffer.concat(parts));
          },
          abort: () => {
            recording.events.push(`abort ${entry.id}`);
          },
        };
      },
    },
    options,
  );
  return { verified, recording };
}

export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(CaseVaultError);
  expect((error as CaseVaultError).code).toBe(code);
}

export async function codeOf(promise: Promise<unknown>): Promise<ErrorCode | 'OK' | 'CRASH'> {
  try {
    await promise;
    return 'OK';
  } catch (e) {
    return e instanceof CaseVaultError ? e.code : 'CRASH';
  }
}

/** A small request: records JSON, two files (one empty), custody entries. */
export function smallRequest(sender: TestIdentity, recipients: TestIdentity[], seed = 'small'): SealRequest {
  const records = new TextEncoder().encode(
    JSON.stringify({
      format: 'casevault.records/1',
      exportedAt: '2026-11-23T12:00:00Z',
      identities: 'omitted',
      seed,
    }),
  );
  const photo = new Uint8Array(150_000).map((_, i) => (i * 31 + seed.length) & 0xff);
  return {
    sender: sender.sender,
    recipients: recipients.map(recipientOf),
    purpose: 'Referral to legal aid',
    records: { bytes: records, items: [{ kind: 'case', id: '0b7f3c1e-2f59-4d55-9a4e-5d1c2a3b4c5d' }] },
    files: [
      memoryFile('ev-1', 'photo.jpg', photo),
      memoryFile('ev-2', 'empty.txt', new Uint8Array(0), false),
    ],
    custody: [{ at: '2026-11-20T09:00:00Z', event: 'collected', fileId: 'ev-1', actor: sender.name }],
  };
}
