import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../electron/core/db/migrate.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { FIXED_NOW, freshDatabase } from './helpers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const insertItem = (id: string, caseId: string, blob: string) =>
  `INSERT INTO evidence_items (id, case_id, blob_name, wrapped_key, size, sha256, mime, ext, category,
     original_name, added_at, added_by, source, metadata, has_location)
   VALUES ('${id}', '${caseId}', '${blob}', x'00', 1, 'h', 'text/plain', 'txt', 'text', 'n', 't', 'owner', '{}', '{}', 0)`;

describe('migration 0005 evidence', () => {
  it('upgrades a version-4 database holding a case; evidence rows cascade with it and queue their blobs', () => {
    const { db, reopen } = freshDatabase(dir);
    migrate(db, { now: FIXED_NOW, target: 4 });
    db.prepare(
      `INSERT INTO cases (id, code, kind, status, sensitivity, opened_on, title, data, created_at, updated_at)
       VALUES ('c1', 'C-1', 'other', 'open', 'normal', '2026-01-01', 't', '{}', 'x', 'x')`,
    ).run();
    db.close();

    const upgraded = reopen();
    expect(migrate(upgraded, { now: FIXED_NOW, target: 5 })).toEqual([5]);
    expect(schemaVersion(upgraded)).toBe(5);
    expect(upgraded.prepare('SELECT code FROM cases').pluck().get()).toBe('C-1');
    upgraded.exec(insertItem('e1', 'c1', 'a'.repeat(32)));
    upgraded.exec(insertItem('e2', 'c1', 'b'.repeat(32)));
    expect(() => upgraded.exec(insertItem('e3', 'missing-case', 'c'.repeat(32)))).toThrow(/FOREIGN KEY/);
    expect(() => upgraded.exec(insertItem('e4', 'c1', 'a'.repeat(32)))).toThrow(/UNIQUE/);
    upgraded.prepare("DELETE FROM evidence_items WHERE id = 'e1'").run();
    upgraded.prepare("DELETE FROM cases WHERE id = 'c1'").run();
    expect(upgraded.prepare('SELECT count(*) FROM evidence_items').pluck().get()).toBe(0);
    expect(
      upgraded.prepare('SELECT blob_name FROM evidence_shred_queue ORDER BY blob_name').pluck().all(),
    ).toEqual(['a'.repeat(32), 'b'.repeat(32)]);
  });
});
