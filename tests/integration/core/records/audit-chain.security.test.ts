/**
 * Threat: someone with access to the unlocked database (a tool, not the app) rewrites history —
 * hides that a real name was revealed, that a record was exported or deleted. Every change to any
 * row of the audit log must make the check fail and name the entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../electron/core/records/audit.ts';
import { openRecordsFixture, type RecordsFixture, seedDefenderCase } from './fixture.ts';

let fx: RecordsFixture;
beforeEach(async () => {
  fx = await openRecordsFixture();
  const { person, incident } = seedDefenderCase(fx.records);
  fx.records.revealIdentity(person.id);
  fx.records.update('incident', incident.id, { verification: 'verified' });
  fx.records.delete('incident', incident.id);
});
afterEach(() => fx.cleanup());

const COLUMNS = ['at', 'actor', 'action', 'entity', 'record_id', 'detail', 'prev_mac', 'mac'] as const;

describe('audit chain', () => {
  it('covers creation of the vault, records, links, reveals, edits and deletions, and verifies', () => {
    const actions = fx.records.audit({ limit: 1000 }).map((e) => e.action);
    expect(actions).toContain('vault.create');
    expect(actions).toContain('record.create');
    expect(actions).toContain('record.update');
    expect(actions).toContain('record.delete');
    expect(actions).toContain('person.reveal-identity');
    expect(fx.records.verifyAudit()).toEqual({ ok: true, entries: actions.length });
  });

  it('records key changes too', async () => {
    await fx.session.changePassphrase('une toute nouvelle phrase', {
      kdf: { opslimit: 2, memlimit: 64 * 1024 * 1024 },
    });
    expect(fx.records.audit({ limit: 1 })[0]!.action).toBe('key.passphrase-changed');
    expect(fx.records.verifyAudit().ok).toBe(true);
  });

  it('fails and names the entry when any column of any row is edited directly in the database', () => {
    const db = fx.session.db;
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<
      Record<string, string | number | null>
    >;
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      for (const column of COLUMNS) {
        const original = row[column];
        const tampered =
          typeof original === 'string' && original.length > 0
            ? `${original.slice(0, -1)}${original.endsWith('0') ? '1' : '0'}`
            : 'x';
        db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(tampered, row.seq);
        const result = verifyAuditChain(db, fx.session.auditMac);
        expect(result.ok, `seq ${row.seq} column ${column}`).toBe(false);
        expect(result.broken?.seq, `seq ${row.seq} column ${column}`).toBe(row.seq);
        db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(original, row.seq);
      }
    }
    expect(verifyAuditChain(db, fx.session.auditMac).ok).toBe(true);
  });

  it('fails on a removed entry, a reordered pair and a cut tail', () => {
    const db = fx.session.db;
    const count = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const backup = db.prepare('SELECT * FROM audit_log').all() as Array<Record<string, unknown>>;
    const restore = () => {
      db.prepare('DELETE FROM audit_log').run();
      const insert = db.prepare(
        'INSERT INTO audit_log (seq, at, actor, action, entity, record_id, detail, prev_mac, mac) VALUES (@seq, @at, @actor, @action, @entity, @record_id, @detail, @prev_mac, @mac)',
      );
      for (const row of backup) insert.run(row);
    };

    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(verifyAuditChain(db, fx.session.auditMac).broken).toEqual({ seq: 3, reason: 'gap' });
    restore();

    // Swap the contents of entries 4 and 5 (keeping their seq numbers).
    db.prepare('UPDATE audit_log SET seq = -4 WHERE seq = 4').run();
    db.prepare('UPDATE audit_log SET seq = 4 WHERE seq = 5').run();
    db.prepare('UPDATE audit_log SET seq = 5 WHERE seq = -4').run();
    expect(verifyAuditChain(db, fx.session.auditMac).broken?.seq).toBe(4);
    restore();

    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(count);
    expect(verifyAuditChain(db, fx.session.auditMac).broken).toEqual({ seq: count, reason: 'head' });
    restore();
    expect(verifyAuditChain(db, fx.session.auditMac).ok).toBe(true);
  });

  it('stays verifiable across lock and unlock, and refuses to compute MACs once locked', async () => {
    const records = await fx.reopen();
    expect(records.verifyAudit().ok).toBe(true);
    const { session } = fx;
    session.lock();
    expect(() => session.auditMac(new Uint8Array(1))).toThrow(
      expect.objectContaining({ code: 'VAULT_LOCKED' }),
    );
  });
});
