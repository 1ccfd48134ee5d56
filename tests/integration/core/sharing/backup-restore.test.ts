/**
 * Backup and restore: a backup restored into a new folder gives an identical vault — records
 * export JSON equal, evidence hashes and bytes equal, identity fingerprint equal (the restored vault
 * keeps its keys and can open exports sealed to the original), contacts equal, Received area equal.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { EvidenceService } from '../../../../electron/core/evidence/evidence-service.ts';
import { IdentityService } from '../../../../electron/core/identity/identity-service.ts';
import { collect } from '../../../../electron/core/records/format/export.ts';
import { restoreBackup } from '../../../../electron/core/sharing/restore.ts';
import { SharingService } from '../../../../electron/core/sharing/sharing-service.ts';
import type { VaultSession } from '../../../../electron/core/vault/session.ts';
import { unlockWithPassphrase } from '../../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE } from '../../../helpers/vault.ts';
import { addContact, type SharingFixture, seedCase, sharingFixture, tick } from './fixture.ts';

let fx: SharingFixture;
let restored: VaultSession | undefined;
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => {
  if (restored && !restored.locked) restored.lock();
  fx.cleanup();
});

const BACKUP_PASS = 'une autre phrase pour la sauvegarde';

async function plainOf(session: VaultSession, id: string): Promise<string> {
  const evidence = new EvidenceService(session);
  const hash = createHash('sha256');
  for await (const part of evidence.openPlaintextStream(id)) hash.update(part);
  return hash.digest('hex');
}

function snapshot(session: VaultSession, identity: IdentityService) {
  const ctx = { db: session.db, mac: session.auditMac, now: () => new Date(0), newId: () => '', actor: 'x' };
  const db = session.db;
  return {
    records: collect(ctx, { includeIdentities: true }),
    evidence: db
      .prepare(
        'SELECT id, case_id, redacted_of, size, sha256, mime, original_name, metadata FROM evidence_items ORDER BY id',
      )
      .all(),
    fingerprint: identity.ownPublic().fingerprint.id,
    profile: (({ name, organisation, role }) => ({ name, organisation, role }))(identity.ownPublic()),
    contacts: identity.listContacts().map((c) => ({ ...c, fingerprint: c.fingerprint.id })),
    keys: db.prepare('SELECT contact_id, fingerprint, status, card FROM contact_keys ORDER BY id').all(),
    received: db
      .prepare('SELECT export_id, file_sha256, records_json, manifest FROM received_exports ORDER BY id')
      .all(),
    receivedFiles: db
      .prepare('SELECT export_file_id, name, size, sha256 FROM received_files ORDER BY id')
      .all(),
    exports: db.prepare('SELECT * FROM sharing_exports ORDER BY export_id').all(),
  };
}

describe('backup and restore', () => {
  it('restores an identical vault into a new folder, keys included', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const bAtA = addContact(a, b, 'legal');
    addContact(b, a, 'legal');
    const seeded = await seedCase(a, fx, 'BK-1', { dataLevel: 'identifying', recipientKinds: ['legal'] });
    // A also holds something received from B, and an export log entry.
    await seedCase(b, fx, 'BK-B', { dataLevel: 'identifying', recipientKinds: ['legal'] });
    const aAtB = b.identity.listContacts()[0]!.id;
    const fromB = path.join(fx.out, 'from-b.cvexport');
    await b.sharing.export({
      caseCodes: ['BK-B'],
      caseIds: [],
      recipientContactIds: [aAtB],
      mode: 'full',
      includeEvidence: true,
      purpose: '',
      outPath: fromB,
      passphrase: PASSPHRASE,
    });
    await a.sharing.import(fromB);
    const toB = path.join(fx.out, 'to-b.cvexport');
    await a.sharing.export({
      caseCodes: ['BK-1'],
      caseIds: [],
      recipientContactIds: [bAtA],
      mode: 'full',
      includeEvidence: true,
      purpose: 'p',
      outPath: toB,
      passphrase: PASSPHRASE,
    });

    expect(a.sharing.backupStatus()).toMatchObject({
      lastBackupAt: null,
      reminderDue: true,
      reminderDays: 30,
    });
    const backupPath = path.join(fx.out, 'alice.cvbackup');
    await expect(
      a.sharing.backup({
        outPath: backupPath,
        backupPassphrase: BACKUP_PASS,
        passphrase: 'wrong passphrase here',
      }),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const backup = await a.sharing.backup({
      outPath: backupPath,
      backupPassphrase: BACKUP_PASS,
      passphrase: PASSPHRASE,
    });
    expect(backup.files).toBe(6); // 3 evidence items + 3 received files
    const status = a.sharing.backupStatus();
    expect(status.lastBackupAt).toBe(backup.createdAt);
    expect(status.reminderDue).toBe(false);

    const newDir = path.join(fx.root, 'restored');
    await expect(
      restoreBackup({
        path: backupPath,
        backupPassphrase: 'not it',
        newDir,
        newPassphrase: 'nouvelle phrase de passe 2026',
        kdf: FAST_KDF,
      }),
    ).rejects.toMatchObject({ code: 'EXPORT_NOT_FOR_YOU' });
    const result = await restoreBackup({
      path: backupPath,
      backupPassphrase: BACKUP_PASS,
      newDir,
      newPassphrase: 'nouvelle phrase de passe 2026',
      kdf: FAST_KDF,
      now: tick,
    });
    expect(result.files).toBe(6);
    expect(result.recoveryKey).toMatch(/\S/);

    restored = await unlockWithPassphrase(newDir, 'nouvelle phrase de passe 2026');
    const sodium = await loadSodium();
    const rIdentity = new IdentityService(restored, sodium, { now: tick });
    expect(snapshot(restored, rIdentity)).toEqual(snapshot(a.session, a.identity));
    for (const id of [seeded.photoId, seeded.redactedId, seeded.docId])
      expect(await plainOf(restored, id)).toBe(a.evidence.get(id).item.sha256);

    // The restored vault keeps the keys: B's export to A's identity... and A's own old identity
    // still signs: B sees exports from the restored vault as from the known contact.
    const rSharing = new SharingService(restored, rIdentity, sodium, { now: tick });
    const again = path.join(fx.out, 'from-restored.cvexport');
    await rSharing.export({
      caseCodes: ['BK-1'],
      caseIds: [],
      recipientContactIds: [bAtA],
      mode: 'full',
      includeEvidence: false,
      purpose: '',
      outPath: again,
      passphrase: 'nouvelle phrase de passe 2026',
    });
    expect((await b.sharing.verify(again)).sender).toMatchObject({ known: true, name: 'Alice' });
    // And the restored Received area still says who sent what.
    expect(rSharing.receivedList().map((r) => r.sender.name)).toEqual(['Bintou']);
  });

  it('refuses to restore over an existing vault and leaves nothing behind on a wrong passphrase', async () => {
    const a = await fx.vault('Alice');
    const backupPath = path.join(fx.out, 'a.cvbackup');
    await a.sharing.backup({ outPath: backupPath, backupPassphrase: BACKUP_PASS, passphrase: PASSPHRASE });
    await expect(
      restoreBackup({
        path: backupPath,
        backupPassphrase: BACKUP_PASS,
        newDir: a.dir,
        newPassphrase: 'nouvelle phrase de passe 2026',
        kdf: FAST_KDF,
      }),
    ).rejects.toMatchObject({ code: 'VAULT_ALREADY_EXISTS' });
    const { existsSync } = await import('node:fs');
    const target = path.join(fx.root, 'never');
    await expect(
      restoreBackup({
        path: backupPath,
        backupPassphrase: 'wrong',
        newDir: target,
        newPassphrase: 'nouvelle phrase de passe 2026',
        kdf: FAST_KDF,
      }),
    ).rejects.toMatchObject({ code: 'EXPORT_NOT_FOR_YOU' });
    expect(existsSync(target)).toBe(false);
  });
});
