/**
 * Threat: a forged or edited custody history passed off as genuine through a backup or inside a
 * restored vault (docs/vault-format.md §5.2). A backup whose history does not verify is refused
 * with BACKUP_HISTORY_INVALID and nothing is created (and `withoutHistory` leaves it out, on
 * record); history edited after the restore is caught by `check`, even with its MACs recomputed
 * with the stored key (the pin in the current chain no longer matches), or removed whole.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { EvidenceService } from '../../../../electron/core/evidence/evidence-service.ts';
import { IdentityService } from '../../../../electron/core/identity/identity-service.ts';
import { type AuditEntry, auditEntryBytes } from '../../../../electron/core/records/audit.ts';
import { RecordsService } from '../../../../electron/core/records/records-service.ts';
import { restoreBackup } from '../../../../electron/core/sharing/restore.ts';
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

describe('audit history tampering', () => {
  it('refuses a backup whose history does not verify, and creates nothing', async () => {
    const a = await fx.vault('Alice');
    const seeded = await seedCase(a, fx, 'HX-3', null);
    // An entry of the chain edited in place (someone with the database key, not the audit key):
    // the backup is still made and signed, but its history must not be taken in.
    a.session.db
      .prepare(
        "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE record_id = ? AND action = 'evidence.acquire'",
      )
      .run(seeded.photoId);
    const backupPath = path.join(fx.out, 'tampered.cvx');
    await a.sharing.backup({ outPath: backupPath, backupPassphrase: BACKUP_PASS, passphrase: PASSPHRASE });
    const target = path.join(fx.root, 'never');
    await expect(
      restoreBackup({
        path: backupPath,
        backupPassphrase: BACKUP_PASS,
        newDir: target,
        newPassphrase: NEW_PASS,
        kdf: FAST_KDF,
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_HISTORY_INVALID' });
    expect(existsSync(target)).toBe(false);

    // The explicit last resort restores the data without the history, and the new chain says so.
    const result = await restoreBackup({
      path: backupPath,
      backupPassphrase: BACKUP_PASS,
      newDir: target,
      newPassphrase: NEW_PASS,
      kdf: FAST_KDF,
      withoutHistory: true,
    });
    expect(result).toMatchObject({ history: null, files: 3 });
    const session = await unlockWithPassphrase(target, NEW_PASS);
    opened.push(session);
    const detail = session.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'sharing.restore'")
      .pluck()
      .get() as string;
    expect(JSON.parse(detail)).toMatchObject({ history: 'left-out' });
    expect(session.db.prepare('SELECT count(*) FROM audit_history').pluck().get()).toBe(0);
  });

  it('catches history edited after the restore, even with its MACs recomputed', async () => {
    const a = await fx.vault('Alice');
    const seeded = await seedCase(a, fx, 'HX-4', null);
    const backupPath = path.join(fx.out, 'a.cvx');
    await a.sharing.backup({ outPath: backupPath, backupPassphrase: BACKUP_PASS, passphrase: PASSPHRASE });
    const r = await restoreInto(backupPath, 'restored');
    const db = r.session.db;
    const row = db
      .prepare("SELECT seq FROM audit_history WHERE record_id = ? AND action = 'evidence.acquire'")
      .get(seeded.photoId) as { seq: number };

    // 1. A field edited: the MAC no longer matches.
    db.prepare("UPDATE audit_history SET actor = 'someone else' WHERE seq = ?").run(row.seq);
    expect(r.records.verifyAudit()).toMatchObject({ ok: false, broken: { reason: 'history' } });

    // 2. Every MAC from there recomputed with the stored former key: the chain is self-consistent,
    //    but its head no longer matches the pin in this vault's own chain (or the stored head).
    const { audit_key: key, vault_id: vaultId } = db
      .prepare('SELECT audit_key, vault_id FROM audit_history_segments')
      .get() as { audit_key: Uint8Array; vault_id: string };
    const mac = r.session.historyMac(key);
    const rows = db
      .prepare(
        'SELECT seq, at, actor, action, entity, record_id AS recordId, detail, prev_mac AS prevMac, mac FROM audit_history WHERE vault_id = ? ORDER BY seq',
      )
      .all(vaultId) as AuditEntry[];
    let prev = rows[row.seq - 2]?.mac ?? '0'.repeat(64);
    for (const e of rows.slice(row.seq - 1)) {
      const { mac: _old, ...fields } = e;
      const next = { ...fields, prevMac: prev };
      const m = Buffer.from(mac(auditEntryBytes(next))).toString('hex');
      db.prepare('UPDATE audit_history SET prev_mac = ?, mac = ? WHERE vault_id = ? AND seq = ?').run(
        prev,
        m,
        vaultId,
        e.seq,
      );
      prev = m;
    }
    db.prepare('UPDATE audit_history_segments SET head_mac = ?').run(prev);
    expect(r.records.verifyAudit()).toMatchObject({ ok: false, broken: { reason: 'history' } });

    // 3. The history removed whole: the pin names a segment that is gone.
    db.prepare('DELETE FROM audit_history_segments').run();
    expect(r.records.verifyAudit()).toMatchObject({ ok: false, broken: { reason: 'history' } });
  });
});
