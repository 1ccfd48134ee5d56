/**
 * Golden export files (tests/fixtures/export/): each must keep giving its recorded outcome, and the
 * committed generator must keep producing exactly these bytes. After a deliberate format change:
 * `CASEVAULT_UPDATE_VECTORS=1 npx vitest run --project unit tests/integration/core/export/export-vectors.test.ts`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import type { ExportIdentity } from '../../../../electron/core/export/index.ts';
import { generateVectors, type VectorEntry, type Vectors } from '../../../helpers/export-vectors.ts';
import { codeOf, openBytes, sha256, sodiumReady } from './export-test-kit.ts';

const DIR = path.resolve(import.meta.dirname, '../../../fixtures/export');
const INDEX = path.join(DIR, 'vectors.json');

let sodium: Sodium;
let generated: Vectors;

beforeAll(async () => {
  sodium = await sodiumReady();
  generated = await generateVectors(sodium);
  if (process.env.CASEVAULT_UPDATE_VECTORS === '1') {
    mkdirSync(DIR, { recursive: true });
    for (const [name, bytes] of generated.files) writeFileSync(path.join(DIR, name), bytes);
    writeFileSync(INDEX, `${JSON.stringify(generated.index, null, 2)}\n`);
  }
});

const committed = JSON.parse(readFileSync(INDEX, 'utf8')) as Vectors['index'];

function openerOf(entry: VectorEntry): ExportIdentity {
  if (entry.opener.type === 'passphrase') return entry.opener;
  return {
    type: 'x25519',
    publicKey: Uint8Array.from(Buffer.from(entry.opener.publicKey, 'hex')),
    secretKey: Uint8Array.from(Buffer.from(entry.opener.secretKey, 'hex')),
  };
}

describe('export test vectors', () => {
  it('the generator reproduces every committed file and the index byte for byte', () => {
    expect(generated.index).toEqual(committed);
    const onDisk = readdirSync(DIR)
      .filter((f) => f.endsWith('.cvx'))
      .sort();
    expect(onDisk).toEqual([...generated.files.keys()].sort());
    for (const [name, bytes] of generated.files) {
      expect(sha256(readFileSync(path.join(DIR, name))), name).toBe(sha256(bytes));
    }
  });

  for (const entry of committed.vectors) {
    it(`${entry.file} (${entry.opener.type === 'x25519' ? entry.opener.identity : 'passphrase'}): ${entry.expect.outcome === 'ok' ? 'opens' : entry.expect.code}`, async () => {
      const bytes = readFileSync(path.join(DIR, entry.file));
      const options = {
        kinds: entry.kinds,
        knownSenders: entry.knownSenders.map((k) => ({
          signingPublicKey: Uint8Array.from(Buffer.from(k, 'hex')),
        })),
      };
      if (entry.expect.outcome === 'error') {
        expect(await codeOf(openBytes(sodium, bytes, openerOf(entry), options))).toBe(entry.expect.code);
        return;
      }
      const { verified, recording } = await openBytes(sodium, bytes, openerOf(entry), options);
      expect(verified.manifest.exportId).toBe(entry.expect.exportId);
      expect(verified.manifest.kind).toBe(entry.expect.kind);
      expect(verified.sender.known).toBe(entry.expect.senderKnown);
      expect(verified.sender.signingPublicKey).toBe(entry.expect.senderSigningKey);
      expect(recording.records ? sha256(recording.records) : null).toBe(entry.expect.recordsSha256);
      expect([...recording.files].map(([id, b]) => ({ id, size: b.length, sha256: sha256(b) }))).toEqual(
        entry.expect.files,
      );
    });
  }
});
