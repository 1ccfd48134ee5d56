import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EvidenceService } from '../../../../electron/core/evidence/evidence-service.ts';
import { RecordsService } from '../../../../electron/core/records/records-service.ts';
import type { VaultSession } from '../../../../electron/core/vault/session.ts';
import { createVault, unlockWithPassphrase } from '../../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../../helpers/vault.ts';

export interface EvidenceFixture {
  /** The vault folder. */
  dir: string;
  /** A folder outside the vault for source files and decrypted copies. */
  files: string;
  session: VaultSession;
  records: RecordsService;
  evidence: EvidenceService;
  caseId: string;
  incidentId: string;
  /** Writes a source file and returns its path. */
  file(name: string, bytes: Uint8Array | string): string;
  reopen(): Promise<void>;
  cleanup(): void;
}

let clock = Date.parse('2026-04-01T09:00:00.000Z');
export const tick = () => {
  clock += 1000;
  return new Date(clock);
};

export async function openEvidenceFixture(caseKind = 'defender-protection'): Promise<EvidenceFixture> {
  const temp = tempDir('casevault-evidence-');
  const dir = path.join(temp.dir, 'vault');
  const files = path.join(temp.dir, 'files');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(files);
  const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  const records = new RecordsService(session, { now: tick });
  const kase = records.create('case', {
    code: 'EV-2026-001',
    kind: caseKind,
    title: 'Dossier de test',
    openedOn: '2026-03-01',
  });
  const incident = records.create('incident', {
    caseId: kase.id,
    occurredOn: '2026-03-02',
    kind: 'defender.online-harassment',
    description: 'Publication de photos',
  });
  const fixture: EvidenceFixture = {
    dir,
    files,
    session,
    records,
    evidence: new EvidenceService(session, { now: tick }),
    caseId: kase.id,
    incidentId: incident.id,
    file(name, bytes) {
      const file = path.join(files, name);
      writeFileSync(file, bytes);
      return file;
    },
    async reopen() {
      fixture.evidence.close();
      fixture.session.lock();
      fixture.session = await unlockWithPassphrase(dir, PASSPHRASE);
      fixture.records = new RecordsService(fixture.session, { now: tick });
      fixture.evidence = new EvidenceService(fixture.session, { now: tick });
    },
    cleanup() {
      fixture.evidence.close();
      if (!fixture.session.locked) fixture.session.lock();
      temp.cleanup();
    },
  };
  return fixture;
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
export function patternBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
