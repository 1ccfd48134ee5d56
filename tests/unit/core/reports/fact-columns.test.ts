/**
 * Facts by column (electron/core/reports/fact-columns.ts): the engine counts through these codes,
 * so a code pointing at the wrong value would move a unit to another cell.
 */
import { describe, expect, it } from 'vitest';
import {
  columnsOf,
  FactColumnsBuilder,
  lookupOf,
  NO_VALUE,
  recodeDimension,
} from '../../../../electron/core/reports/fact-columns.ts';

const valuesOf = (columns: ReturnType<typeof columnsOf>, dim: 'region' | 'sex') => {
  const c = columns.dims.get(dim)!;
  return Array.from(c.codes, (code) => c.values[code]);
};

describe('fact columns', () => {
  it('keeps each fact’s values, eligibility, case and metrics (NaN where absent)', () => {
    const columns = columnsOf('incident', [
      { caseId: 'a', eligible: true, dims: { region: 'SN|Dakar', sex: 'female' }, metrics: { riskScore: 4 } },
      { caseId: 'b', eligible: false, dims: { region: 'unknown', sex: 'male' }, metrics: {} },
      { caseId: 'c', eligible: true, dims: { region: 'SN|Dakar' }, metrics: { riskScore: 0 } },
    ]);
    expect(columns.length).toBe(3);
    expect(columns.caseIds).toEqual(['a', 'b', 'c']);
    expect([...columns.eligible]).toEqual([1, 0, 1]);
    expect(valuesOf(columns, 'region')).toEqual(['SN|Dakar', 'unknown', 'SN|Dakar']);
    // A fact without a value matches no domain value, as a missing property did.
    expect(valuesOf(columns, 'sex')).toEqual(['female', 'male', NO_VALUE]);
    expect([...columns.metrics.get('riskScore')!]).toEqual([4, Number.NaN, 0]);
  });

  it('recodes several values into one without moving other facts', () => {
    const columns = columnsOf(
      'case',
      ['SN|Dakar', 'ML|Gao', 'unknown', 'SN|Thiès', 'ML|Gao'].map((region, i) => ({
        caseId: `c${i}`,
        eligible: true,
        dims: { region },
        metrics: {},
      })),
    );
    recodeDimension(columns, 'region', (r) => (r === 'ML|Gao' || r === 'unknown' ? r : 'other'));
    expect(valuesOf(columns, 'region')).toEqual(['other', 'ML|Gao', 'unknown', 'other', 'ML|Gao']);
    expect(columns.dims.get('region')!.values).toHaveLength(3);
  });

  it('looks codes up per value, and gives a dimension the unit lacks to nobody', () => {
    const builder = new FactColumnsBuilder('referral', ['serviceKind'], [], 4);
    for (const s of ['health', 'legal', 'health']) builder.setValues(builder.push('x', true), [s]);
    const columns = builder.finish();
    expect(columns.length).toBe(3);
    const rows = lookupOf(columns, 'serviceKind', (v) => (v === 'legal' ? 0 : v === 'health' ? 1 : -1));
    expect(Array.from(columns.dims.get('serviceKind')!.codes, (c) => rows.table[c])).toEqual([1, 0, 1]);
    const missing = lookupOf(columns, 'region', (v) => (v === NO_VALUE ? -1 : 0));
    expect(Array.from(missing.codes, (c) => missing.table[c])).toEqual([-1, -1, -1]);
  });
});
