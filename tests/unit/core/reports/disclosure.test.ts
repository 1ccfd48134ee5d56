/**
 * Disclosure control on its own (hand-made tables) and as a property over random facts: whatever
 * the data, threshold and report pair, no count from 1 to threshold − 1 is shown, and the
 * independent attacker (tests/helpers/report-attacker.ts) recovers no hidden cell and no small
 * difference.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkThreshold,
  findDetermined,
  protect,
  type Relation,
} from '../../../../electron/core/reports/disclosure.ts';
import { universeFromFacts } from '../../../../electron/core/reports/engine.ts';
import type { Fact } from '../../../../electron/core/reports/facts.ts';
import { reportFromUniverse } from '../../../../electron/core/reports/report-model.ts';
import { codesOf } from '../../../../shared/records/taxonomies.ts';
import { REPORT_DEFINITIONS } from '../../../../shared/reports/definitions.ts';
import type { ReportUnit } from '../../../../shared/reports/dimensions.ts';
import { attack, publishedCells } from '../../../helpers/report-attacker.ts';

/** A 2 × 3 table with margins, as relations: rows, columns and the grand total. */
function table(cells: number[][]) {
  const values = new Map<string, number>();
  const relations: Relation[] = [];
  cells.forEach((row, r) => {
    for (const [c, v] of row.entries()) values.set(`c${r}${c}`, v);
    values.set(
      `r${r}`,
      row.reduce((a, b) => a + b, 0),
    );
    relations.push({ whole: `r${r}`, parts: row.map((_, c) => `c${r}${c}`) });
  });
  cells[0]!.forEach((_, c) => {
    values.set(
      `k${c}`,
      cells.reduce((a, row) => a + row[c]!, 0),
    );
    relations.push({ whole: `k${c}`, parts: cells.map((_, r) => `c${r}${c}`) });
  });
  values.set(
    't',
    [...values].filter(([k]) => k.startsWith('r')).reduce((a, [, v]) => a + v, 0),
  );
  relations.push({ whole: 't', parts: cells.map((_, r) => `r${r}`) });
  relations.push({ whole: 't', parts: cells[0]!.map((_, c) => `k${c}`) });
  return { values, relations };
}

describe('disclosure control', () => {
  it('refuses thresholds below 3 (and absurd ones), defaults to 5', () => {
    expect(checkThreshold(undefined)).toBe(5);
    expect(checkThreshold(3)).toBe(3);
    for (const bad of [2, 1, 0, -5, 2.5, 101, Number.NaN])
      expect(() => checkThreshold(bad)).toThrow(/REPORT_THRESHOLD_INVALID/);
  });

  it('suppresses small counts and never zero', () => {
    const { values, relations } = table([
      [0, 12, 30],
      [7, 9, 40],
    ]);
    const result = protect(values, relations, 5);
    expect(result.primary.size).toBe(0);
    expect(result.secondary.size).toBe(0);
  });

  it('gives a lone small cell partners in its row and column, so the margins do not reveal it', () => {
    const { values, relations } = table([
      [3, 12, 30],
      [7, 9, 40],
    ]);
    const result = protect(values, relations, 5);
    expect([...result.primary]).toEqual(['c00']);
    const hidden = new Set([...result.primary, ...result.secondary]);
    // Row 0 and column 0 each hide at least two figures, and nothing hidden is determined.
    expect(['c01', 'c02', 'r0'].some((k) => hidden.has(k))).toBe(true);
    expect(['c10', 'k0'].some((k) => hidden.has(k))).toBe(true);
    expect(findDetermined(relations, (k) => hidden.has(k))).toBeUndefined();
    // The smallest positive partners are chosen: 7 in the column, 9 then 12 to close the rectangle.
    expect(hidden).toEqual(new Set(['c00', 'c01', 'c10', 'c11']));
  });

  it('protects a small difference between a published whole and a published part', () => {
    // Reported 7, verified 5: "2 unverified" must not be readable.
    const values = new Map([
      ['reported', 7],
      ['verified', 5],
    ]);
    const relations: Relation[] = [
      { whole: 'reported', parts: ['verified'], hidden: { id: 'rest', value: 2 } },
    ];
    const result = protect(values, relations, 5);
    expect(result.secondary.has('verified') || result.secondary.has('reported')).toBe(true);
  });

  it('finds a cell determined only through several relations (not just a lone one in a row)', () => {
    // Two hidden cells in one row, but the column relation pins one of them.
    const relations: Relation[] = [
      { whole: 'r', parts: ['a', 'b', 'c'] },
      { whole: 'k', parts: ['a', 'd'] },
    ];
    const hidden = new Set(['a', 'b']);
    expect(findDetermined(relations, (k) => hidden.has(k))).toBe('a');
    hidden.add('d');
    expect(findDetermined(relations, (k) => hidden.has(k))).toBeUndefined();
  });
});

const MONTHS = ['2025-01', '2025-02'];
const REGIONS = ['SN|Dakar', 'SN|Thiès', 'ML|Mopti', 'unknown'];
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const incident = fc.record({
  period: pick(MONTHS),
  region: pick(REGIONS),
  caseKind: pick(codesOf('caseKind')),
  incidentKind: pick([
    'mrm.killing-maiming',
    'mrm.abduction',
    'mrm.recruitment-use',
    'gbv.rape',
    'psea.sexual-abuse',
  ]),
  verification: pick(codesOf('verification')),
  actorType: pick(['state', 'armed-group', 'unknown']),
  ageGroup: pick(['5-11', '12-17', '18-25', 'unknown']),
  sex: pick(['female', 'male', 'unknown']),
});
const kase = fc.record({
  period: pick(MONTHS),
  region: pick(REGIONS),
  caseKind: pick(['gbv-case', 'child-helpline', 'defender-protection']),
  statusGroup: pick(['open', 'closed']),
  hasReferral: pick(['yes', 'no']),
});
const referral = fc.record({
  period: pick(MONTHS),
  caseKind: pick(['gbv-case', 'psea-complaint', 'child-helpline']),
  serviceKind: pick(['health', 'legal', 'psychosocial']),
  referralOutcome: pick(['accepted', 'not-accepted', 'pending']),
  hasFollowUp: pick(['yes', 'no']),
  daysToReferralBand: pick(['0-7', '8-30', '31-90', '91+']),
});
const risk = fc.record({
  period: pick(MONTHS),
  caseKind: pick(['defender-protection']),
  channel: pick(['phone', 'sms', 'in-person']),
  actorType: pick(['state', 'community', 'unknown']),
  threatKind: pick(['defender.threat', 'defender.surveillance', 'other']),
});
const measure = fc.record({
  period: pick(MONTHS),
  caseKind: pick(['defender-protection']),
  measurePhase: pick(['prevention', 'response']),
  overdue: pick(['yes', 'no']),
});
const facts = <T extends Record<string, string>>(dims: fc.Arbitrary<T>, max: number) =>
  fc.array(
    fc.record({ dims, eligible: fc.integer({ min: 0, max: 9 }).map((x) => x > 0), metric: fc.nat(120) }),
    {
      maxLength: max,
    },
  );

describe('disclosure control over random data (property)', () => {
  it('shows no small count, and no hidden cell or small difference is recoverable from any two reports', () => {
    fc.assert(
      fc.property(
        facts(incident, 90),
        facts(kase, 60),
        facts(referral, 60),
        facts(risk, 60),
        facts(measure, 30),
        fc.constantFrom(3, 5, 7),
        (inc, cas, ref, rsk, mea, threshold) => {
          let n = 0;
          const toFacts = (
            xs: Array<{ dims: Record<string, string>; eligible: boolean; metric: number }>,
          ): Fact[] =>
            xs.map((x) => ({
              caseId: `case-${n++}`,
              eligible: x.eligible,
              dims: { ...x.dims },
              metrics: { daysToReferral: x.metric, daysToFollowUp: x.metric, riskScore: (x.metric % 25) + 1 },
            }));
          const byUnit = new Map<ReportUnit, Fact[]>([
            ['incident', toFacts(inc)],
            ['case', toFacts(cas)],
            ['referral', toFacts(ref)],
            ['riskEntry', toFacts(rsk)],
            ['measure', toFacts(mea)],
          ]);
          const universe = universeFromFacts(byUnit, [], { from: '2025-01-01', to: '2025-02-28', threshold });
          const reports = REPORT_DEFINITIONS.map((d) => reportFromUniverse(universe, d));
          for (const r of reports)
            for (const c of publishedCells(r, REPORT_DEFINITIONS))
              if (c.cell.status === 'shown')
                expect(c.cell.value === 0 || c.cell.value! >= threshold).toBe(true);
          for (let i = 0; i < reports.length; i++)
            for (let j = i; j < reports.length; j++) {
              const cells = [
                ...publishedCells(reports[i]!, REPORT_DEFINITIONS),
                ...(i === j ? [] : publishedCells(reports[j]!, REPORT_DEFINITIONS)),
              ];
              const result = attack(cells, threshold);
              expect(result.recovered).toEqual([]);
              expect(result.differences).toEqual([]);
            }
        },
      ),
      { numRuns: 25, seed: 20261123 },
    );
  });
});
