import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { listCases } from '../../../../electron/core/records/queries.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const insertCase = `INSERT INTO cases (id, code, kind, status, sensitivity, opened_on, title, data, created_at, updated_at)
  VALUES (?, ?, ?, ?, 'normal', ?, ?, '{}', 'then', 'then')`;

describe('migration 0004 case-list indexes', () => {
  it('upgrades a version-3 database holding cases; a filtered page is read in index order, no sort', () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: 3 });
    for (let i = 0; i < 20; i++) {
      db.prepare(insertCase).run(
        `id-${i}`,
        `C-${String(i).padStart(2, '0')}`,
        i % 2 ? 'psea-complaint' : 'child-protection',
        i % 3 ? 'open' : 'referred',
        `2026-01-${String((i % 5) + 1).padStart(2, '0')}`,
        `Dossier ${i}`,
      );
    }
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW, target: 4 })).toEqual([4]);
    expect(schemaVersion(upgraded)).toBe(4);
    expect(upgraded.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(20);
    const columns = (index: string) =>
      (upgraded.prepare(`PRAGMA index_info(${index})`).all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns('cases_by_status')).toEqual(['status', 'opened_on', 'code']);
    expect(columns('cases_by_kind')).toEqual(['kind', 'opened_on', 'code']);

    for (const where of ["status = 'open'", "kind = 'psea-complaint'"]) {
      const plan = (
        upgraded
          .prepare(
            `EXPLAIN QUERY PLAN SELECT id FROM cases WHERE ${where} ORDER BY opened_on DESC, code LIMIT 5`,
          )
          .all() as Array<{ detail: string }>
      ).map((row) => row.detail);
      expect(plan.join(' | ')).toMatch(/USING INDEX cases_by_(status|kind)/);
      expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    }
    const open = listCases(upgraded, { status: 'open' }, 0, 100).rows;
    expect(open.map((r) => r.openedOn)).toEqual([...open.map((r) => r.openedOn)].sort().reverse());
    upgraded.close();
  });
});
