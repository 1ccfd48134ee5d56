import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { EvidenceService } from '../../../../electron/core/evidence/evidence-service.ts';
import { IdentityService } from '../../../../electron/core/identity/identity-service.ts';
import { RecordsService } from '../../../../electron/core/records/records-service.ts';
import { inspectBackup, restoreBackup } from '../../../../electron/core/sharing/restore.ts';
import { SharingService } from '../../../../electron/core/sharing/sharing-service.ts';
import type { VaultSession } from '../../../../electron/core/vault/session.ts';
import { unlockWithPassphrase } from '../../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE } from '../../../helpers/vault.ts';
import { FAST_BACKUP_KDF, type SharingFixture, seedCase, sharingFixture, tick } from './fixture.ts';

let fx: SharingFixture;
const opened: VaultSession[] = [];
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => {
  for (const s of opened) if (!s.locked) s.lock();
  opened.length = 0;
  fx.cleanup();
});

const BACKUP_PASS = 'une autre phrase pour la sauvegarde';
const NEW_PASS = 'nouvelle phrase de passe 2026';
const FIXTURE = path.join(import.meta.dirname, '../../../fixtures/backup/v1-no-history.cvx');

async function restoreInto(backupPath: string, name: string) {
  const dir = path.join(fx.root, name);
  const result = await restoreBackup({
    path: backupPath,
    backupPassphrase: BACKUP_PASS,
    newDir: dir,
    newPassphrase: NEW_PASS,
    kdf: FAST_KDF,
    now: tick,
  });
  const session = await unlockWithPassphrase(dir, NEW_PASS);
  opened.push(session);
  const sodium = await loadSodium();
  const identity = new IdentityService(session, sodium, { now: tick });
  return {
    dir,
    result,
    session,
    records: new RecordsService(session, { now: tick }),
    evidence: new EvidenceService(session, { now: tick }),
    sharing: new SharingService(session, identity, sodium, { now: tick, backupKdf: FAST_BACKUP_KDF }),
  };
}

const withoutOrigin = <T extends { restoredFrom?: string }>(entries: T[]) =>
  entries.map(({ restoredFrom: _, ...rest }) => rest);

describe('audit history across a restore', () => {
  it('keeps every custody timeline and the audit chain, verifiable after restore', async () => {
    const a = await fx.vault('Alice');
    const seeded = await seedCase(a, fx, 'HX-1', null);
    await a.evidence.verify([seeded.photoId]);
    const timeline = a.evidence.custody(seeded.photoId);
    const chainBefore = a.records.verifyAudit();
    expect(chainBefore.ok).toBe(true);

    const backupPath = path.join(fx.out, 'a.cvx');
    await a.sharing.backup({ outPath: backupPath, backupPassphrase: BACKUP_PASS, passphrase: PASSPHRASE });
    const inspected = await inspectBackup({ path: backupPath, backupPassphrase: BACKUP_PASS });
    expect(inspected).toMatchObject({
      history: true,
      files: 3,
      records: { cases: 1, people: 1, incidents: 1 },
    });
    expect(inspected.signer.fingerprintId).toBe(a.identity.ownPublic().fingerprint.id);

    const r = await restoreInto(backupPath, 'restored');
    expect(r.result.history).toEqual({ segments: 1, entries: chainBefore.entries });

    // The item's timeline: the former vault's entries verbatim, then "restored into this vault".
    const after = r.evidence.custody(seeded.photoId);
    expect(withoutOrigin(after.slice(0, timeline.length))).toEqual(timeline);
    expect(after.slice(0, timeline.length).every((e) => e.restoredFrom === a.session.vaultId)).toBe(true);
    expect(after.slice(timeline.length).map((e) => e.action)).toEqual(['restore']);
    expect(after[timeline.length]!.hash).toBe(timeline[0]!.hash);

    const check = r.records.verifyAudit();
    expect(check).toMatchObject({ ok: true, history: { segments: 1, entries: chainBefore.entries } });

    // The case's audit entries of the former vault are listed, as they were, with their origin.
    const caseAudit = a.records.audit({ caseId: seeded.caseId });
    const carried = r.records.auditHistory({ caseId: seeded.caseId });
    expect(carried.map(({ restoredFrom: _, ...e }) => e)).toEqual(caseAudit);
    expect(new Set(carried.map((e) => e.restoredFrom))).toEqual(new Set([a.session.vaultId]));
  });

  it('carries history through a second backup and restore (two segments, oldest first)', async () => {
    const a = await fx.vault('Alice');
    const seeded = await seedCase(a, fx, 'HX-2', null);
    const timeline = a.evidence.custody(seeded.docId);
    const first = path.join(fx.out, 'a.cvx');
    await a.sharing.backup({ outPath: first, backupPassphrase: BACKUP_PASS, passphrase: PASSPHRASE });
    const b = await restoreInto(first, 'b');
    await b.evidence.verify([seeded.docId]);
    const second = path.join(fx.out, 'b.cvx');
    await b.sharing.backup({ outPath: second, backupPassphrase: BACKUP_PASS, passphrase: NEW_PASS });
    const c = await restoreInto(second, 'c');

    expect(c.result.history?.segments).toBe(2);
    expect(c.records.verifyAudit()).toMatchObject({ ok: true, history: { segments: 2 } });
    const after = c.evidence.custody(seeded.docId);
    expect(after.map((e) => e.action)).toEqual([
      ...timeline.map((e) => e.action),
      'restore', // into B
      'verify', // in B
      'restore', // into C
    ]);
    expect(withoutOrigin(after.slice(0, timeline.length))).toEqual(timeline);
  });

  it('restores a backup made before history travelled, and says history was not included', async () => {
    const inspected = await inspectBackup({ path: FIXTURE, backupPassphrase: 'sauvegarde ancienne 2026' });
    expect(inspected).toMatchObject({ history: false, files: 1, signer: { name: 'Awa' } });
    const dir = path.join(fx.root, 'from-old');
    const result = await restoreBackup({
      path: FIXTURE,
      backupPassphrase: 'sauvegarde ancienne 2026',
      newDir: dir,
      newPassphrase: NEW_PASS,
      kdf: FAST_KDF,
      now: tick,
    });
    expect(result.history).toBeNull();
    expect(result.files).toBe(1);
    const session = await unlockWithPassphrase(dir, NEW_PASS);
    opened.push(session);
    const evidence = new EvidenceService(session, { now: tick });
    const timeline = evidence.custody('9b299bee-aba7-424a-a044-cc16dc2f0088');
    evidence.close();
    // Only this vault's entry: the old timeline did not travel in that format.
    expect(timeline.map((e) => e.action)).toEqual(['restore']);
    expect(new RecordsService(session).verifyAudit()).toMatchObject({ ok: true });
  });
});
