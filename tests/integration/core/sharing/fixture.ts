/**
 * Two (or more) real vaults for sharing tests: each with its identity, records, evidence and the
 * sharing service, in one temp folder that also holds an `out/` folder for export files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { EvidenceService } from '../../../../electron/core/evidence/evidence-service.ts';
import { IdentityService } from '../../../../electron/core/identity/identity-service.ts';
import { RecordsService } from '../../../../electron/core/records/records-service.ts';
import { SharingService } from '../../../../electron/core/sharing/sharing-service.ts';
import type { VaultSession } from '../../../../electron/core/vault/session.ts';
import { createVault } from '../../../../electron/core/vault/vault.ts';
import type { ContactRole } from '../../../../shared/identity/constants.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../../helpers/vault.ts';

let clock = Date.parse('2026-11-10T09:00:00.000Z');
export const tick = () => {
  clock += 1000;
  return new Date(clock);
};

/** Cheapest Argon2id for a backup's passphrase recipient in tests (the format's lower bounds). */
export const FAST_BACKUP_KDF = { opslimit: 2, memlimitKiB: 64 * 1024 };

export interface TestVault {
  name: string;
  dir: string;
  session: VaultSession;
  identity: IdentityService;
  records: RecordsService;
  evidence: EvidenceService;
  sharing: SharingService;
  lock(): void;
}

export interface SharingFixture {
  root: string;
  out: string;
  files: string;
  vault(name: string): Promise<TestVault>;
  file(name: string, bytes: Uint8Array | string): string;
  cleanup(): void;
}

export function sharingFixture(): SharingFixture {
  const temp = tempDir('casevault-sharing-');
  const out = path.join(temp.dir, 'out');
  const files = path.join(temp.dir, 'files');
  mkdirSync(out);
  mkdirSync(files);
  const open: TestVault[] = [];
  return {
    root: temp.dir,
    out,
    files,
    async vault(name) {
      const dir = path.join(temp.dir, name);
      const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
      const sodium = await loadSodium();
      const identity = new IdentityService(session, sodium, { now: tick });
      identity.updateProfile({ name, organisation: `Org ${name}`, role: 'Test' });
      const v: TestVault = {
        name,
        dir,
        session,
        identity,
        records: new RecordsService(session, { now: tick }),
        evidence: new EvidenceService(session, { now: tick }),
        sharing: new SharingService(session, identity, sodium, { now: tick, backupKdf: FAST_BACKUP_KDF }),
        lock() {
          v.evidence.close();
          if (!session.locked) session.lock();
        },
      };
      open.push(v);
      return v;
    },
    file(name, bytes) {
      const file = path.join(files, name);
      writeFileSync(file, bytes);
      return file;
    },
    cleanup() {
      for (const v of open) v.lock();
      temp.cleanup();
    },
  };
}

/** `to` imports `from`'s key card as a contact with `role`; returns the contact id. */
export function addContact(to: TestVault, from: TestVault, role: ContactRole, verified = true): string {
  const id = to.identity.importCard({ card: from.identity.ownCardText(), role }).contact.id;
  if (verified) to.identity.setVerification(id, 'in-person');
  return id;
}

export interface SeededCase {
  caseId: string;
  code: string;
  personId: string;
  photoId: string;
  redactedId: string;
  docId: string;
}

/** A case with a named survivor, consent, an incident with a locality, a photo (+ redacted copy) and a text file. */
export async function seedCase(
  v: TestVault,
  fixture: SharingFixture,
  code: string,
  consent: { dataLevel: 'identifying' | 'anonymised'; recipientKinds: string[]; withdrawnOn?: string } | null,
): Promise<SeededCase> {
  const kase = v.records.create('case', {
    code,
    kind: 'defender-protection',
    title: `Dossier ${code}`,
    openedOn: '2026-03-01',
    location: { country: 'SN', region: 'Dakar', locality: 'Médina' },
  });
  const person = v.records.create('person', {
    alias: 'Rose',
    realName: 'Aminata Diop',
    ageYears: 23,
    location: { country: 'SN', region: 'Dakar', locality: 'Médina' },
    safeContact: '+221 77 000 00 00',
  });
  v.records.linkPerson(kase.id, person.id, 'survivor');
  v.records.create('incident', {
    caseId: kase.id,
    occurredOn: '2026-03-02',
    kind: 'defender.online-harassment',
    description: 'Menaces en ligne',
    location: { country: 'SN', region: 'Dakar', locality: 'Médina' },
  });
  if (consent) {
    v.records.create('consent', {
      caseId: kase.id,
      personId: person.id,
      givenBy: 'survivor',
      dataLevel: consent.dataLevel,
      recipientKinds: consent.recipientKinds,
      purposes: 'Accompagnement',
      method: 'written',
      recordedBy: 'Agent 7',
      givenOn: '2026-03-01',
      ...(consent.withdrawnOn ? { withdrawnOn: consent.withdrawnOn } : {}),
    });
  }
  const png = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .png()
    .toBuffer();
  const photo = await v.evidence.add({
    caseId: kase.id,
    path: fixture.file(`${code}-photo.png`, png),
    source: { kind: 'device' },
  });
  const redacted = await v.evidence.redact(photo.id, [{ x: 0, y: 0, w: 0.5, h: 0.5 }]);
  const doc = await v.evidence.add({
    caseId: kase.id,
    path: fixture.file(`${code}-note.txt`, `SENTINEL-PLAINTEXT-${code} témoignage écrit\n`),
    source: { kind: 'device' },
  });
  return {
    caseId: kase.id,
    code,
    personId: person.id,
    photoId: photo.id,
    redactedId: redacted.id,
    docId: doc.id,
  };
}

/** A full export of one case, evidence included, from `v` to one contact, written to `outPath`. */
export function exportCase(v: TestVault, contactId: string, code: string, outPath: string) {
  return v.sharing.export({
    caseCodes: [code],
    caseIds: [],
    recipientContactIds: [contactId],
    mode: 'full',
    includeEvidence: true,
    purpose: '',
    outPath,
    passphrase: PASSPHRASE,
  });
}
