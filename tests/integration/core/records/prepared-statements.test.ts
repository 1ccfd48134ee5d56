/**
 * The records core prepares each statement once per connection. Preparing per call kept ~3 KB of
 * native memory per statement until GC and made a 1.1M-record import exhaust 24 GB
 * (docs/benchmarks.md): these tests fail if a write path goes back to preparing on every call.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plucked, prepared } from '../../../../electron/core/db/statements.ts';
import { openRecordsFixture, type RecordsFixture, seedDefenderCase } from './fixture.ts';

let fixture: RecordsFixture | undefined;
afterEach(() => {
  fixture?.cleanup();
  fixture = undefined;
  vi.restoreAllMocks();
});

describe('prepared statements', () => {
  it('are prepared once per connection: plain and plucked uses of one SQL are distinct', async () => {
    fixture = await openRecordsFixture();
    const db = fixture.session.db;
    const a = prepared(db, 'SELECT count(*) AS n FROM cases');
    expect(prepared(db, 'SELECT count(*) AS n FROM cases')).toBe(a);
    const p = plucked(db, 'SELECT count(*) AS n FROM cases');
    expect(p).not.toBe(a);
    expect(a.get()).toEqual({ n: 0 });
    expect(p.get()).toBe(0);
    // A new connection gets its own statements (a statement belongs to one connection).
    await fixture.reopen();
    expect(prepared(fixture.session.db, 'SELECT count(*) AS n FROM cases')).not.toBe(a);
  });

  it('two hundred more cases with all their children, edits and a search prepare nothing new', async () => {
    fixture = await openRecordsFixture();
    const { records } = fixture;
    const db = fixture.session.db;
    // Warm every statement the paths below use.
    const warm = seedDefenderCase(records, 'WARM-0001');
    records.update('case', warm.kase.id, { title: 'Titre modifié' });
    records.search('militante', { entity: 'case' });
    records.listCases({ status: 'open' }, 0, 10);
    records.caseDetail(warm.kase.id);

    const spy = vi.spyOn(db, 'prepare');
    for (let i = 0; i < 200; i++) {
      const { kase } = seedDefenderCase(records, `LOAD-${String(i).padStart(4, '0')}`);
      records.update('case', kase.id, { title: `Titre ${i}` });
    }
    records.search('militante', { entity: 'case' });
    records.listCases({ status: 'open' }, 0, 10);
    records.caseDetail(warm.kase.id);
    expect(spy).not.toHaveBeenCalled();
  });
});
