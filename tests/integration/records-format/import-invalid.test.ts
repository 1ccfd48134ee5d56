/**
 * Every kind of bad input is refused with IMPORT_INVALID naming the line and the path, and nothing
 * is written: no record, no audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecordsJson } from '../../../electron/core/records/format/import.ts';
import { MAX_IMPORT_BYTES } from '../../../electron/core/records/format/records-file.ts';
import { CaseVaultError } from '../../../shared/errors.ts';
import { exampleText, type FormatVault, openFormatVault } from './vault-fixture.ts';

let vault: FormatVault;
beforeAll(async () => {
  vault = await openFormatVault();
});
afterAll(() => vault.cleanup());

// biome-ignore lint/suspicious/noExplicitAny: the tests mutate the example freely.
type Doc = any;
const example = (): Doc => JSON.parse(exampleText());
const text = (doc: Doc) => `${JSON.stringify(doc, null, 2)}\n`;

/** The 1-based line on which `needle` first appears (after `from`, if given). */
function lineOf(source: string, needle: string, from?: string): number {
  const start = from ? source.indexOf(from) : 0;
  const at = source.indexOf(needle, start);
  if (at === -1) throw new Error(`needle not found: ${needle}`);
  return source.slice(0, at).split('\n').length;
}

function refused(source: string): string {
  const tables = ['cases', 'people', 'incidents', 'consents', 'referrals', 'case_people', 'custom_kinds'];
  const count = () =>
    tables.map((t) => vault.session.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
  const before = count();
  const audit = vault.auditCount();
  let error: unknown;
  try {
    importRecordsJson(vault.records.context(), source);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CaseVaultError);
  expect((error as CaseVaultError).code).toBe('IMPORT_INVALID');
  expect(count()).toEqual(before);
  expect(vault.auditCount()).toBe(audit);
  return (error as CaseVaultError).detail!;
}

describe('records import refuses bad input, names the line and the path, writes nothing', () => {
  it('not JSON', () => {
    expect(refused('{\n  "format": "casevault.records/1",\n  oops\n}')).toMatch(
      /^line 3, column 3: .*not valid JSON/,
    );
    expect(refused('')).toMatch(/^line 1, column 1: unexpected end of file/);
    expect(refused('{"a": 1,}')).toMatch(/^line 1, column 9: expected a key/);
  });

  it('duplicate keys, which JSON.parse would silently merge', () => {
    expect(refused('{\n"format": "casevault.records/1",\n"format": "x"}')).toMatch(
      /^line 3, column 1: duplicate key "format"/,
    );
  });

  it('not an object, wrong format tag, unsupported version', () => {
    expect(refused('[]')).toBe('line 1, (document): expected a JSON object');
    const doc = example();
    doc.format = 'something-else';
    expect(refused(text(doc))).toMatch(/^line 2, format: not a CaseVault records file/);
    doc.format = 'casevault.records/2';
    expect(refused(text(doc))).toMatch(/^line 2, format: version "2" is not one this CaseVault reads/);
  });

  it('unknown top-level key and unknown field in a record', () => {
    const doc = example();
    doc.evidence = [];
    const source = text(doc);
    expect(refused(source)).toBe(`line ${lineOf(source, '"evidence"')}, evidence: unknown field`);
    const doc2 = example();
    doc2.cases[1].secret = 'x';
    const source2 = text(doc2);
    expect(refused(source2)).toBe(`line ${lineOf(source2, '"secret"')}, cases[1].secret: unknown field`);
  });

  it('wrong type', () => {
    const doc = example();
    doc.riskEntries[2].severity = 'high';
    const source = text(doc);
    const detail = refused(source);
    expect(detail).toMatch(/^line \d+, riskEntries\[2\]\.severity: /);
    expect(detail).toContain(`line ${lineOf(source, '"severity": "high"')},`);
    expect(detail).not.toContain('high'); // the value itself is never echoed
  });

  it('missing required field: the line of the record', () => {
    const doc = example();
    delete doc.incidents[3].occurredOn;
    const source = text(doc);
    const line = lineOf(source, doc.incidents[3].id) - 1; // the record's opening brace
    expect(refused(source)).toBe(
      `line ${line}, incidents[3].occurredOn: required field missing (expected string)`,
    );
  });

  it('bad enum code, with the allowed codes', () => {
    const doc = example();
    doc.cases[0].status = 'archived';
    const detail = refused(text(doc));
    expect(detail).toMatch(
      /^line \d+, cases\[0\]\.status: not an allowed value \(allowed: open, active, referred, closed\)/,
    );
  });

  it('bad dates: wrong shape and not a real day', () => {
    const doc = example();
    doc.incidents[3].occurredOn = '28/09/2025';
    const source = text(doc);
    expect(refused(source)).toBe(
      `line ${lineOf(source, '28/09/2025')}, incidents[3].occurredOn: expected YYYY-MM-DD`,
    );
    doc.incidents[3].occurredOn = '2025-02-30';
    expect(refused(text(doc))).toMatch(/incidents\[3\]\.occurredOn: not a real date$/);
    const doc2 = example();
    doc2.cases[0].closedOn = '2020-01-01';
    expect(refused(text(doc2))).toMatch(/cases\[0\]\.closedOn: closed before it was opened$/);
  });

  it('duplicate id, within a kind or across kinds', () => {
    const doc = example();
    doc.notes[1].id = doc.notes[0].id;
    expect(refused(text(doc))).toMatch(/^line \d+, notes\[1\]\.id: duplicate id/);
    const doc2 = example();
    doc2.notes[0].id = doc2.cases[0].id;
    expect(refused(text(doc2))).toMatch(/notes\[0\]\.id: duplicate id/);
  });

  it('dangling references', () => {
    const doc = example();
    doc.incidents[4].caseId = '11111111-2222-4333-8444-555555555555';
    const source = text(doc);
    expect(refused(source)).toBe(
      `line ${lineOf(source, '11111111-2222-4333-8444-555555555555')}, incidents[4].caseId: no such record`,
    );
    const doc2 = example();
    doc2.incidents[0].people[0].personId = '11111111-2222-4333-8444-555555555555';
    expect(refused(text(doc2))).toMatch(/incidents\[0\]\.people\[0\]\.personId: no such record$/);
    const doc3 = example();
    doc3.casePeople[2].personId = '11111111-2222-4333-8444-555555555555';
    expect(refused(text(doc3))).toMatch(/casePeople\[2\]\.personId: no such record$/);
  });

  it('a measure whose caseId is not its plan’s case', () => {
    const doc = example();
    doc.planMeasures[1].caseId = doc.cases[1].id;
    expect(refused(text(doc))).toMatch(/planMeasures\[1\]\.caseId: not the case of the plan/);
  });

  it('referral without a covering consent (CONSENT_REQUIRED), and a withdrawn consent', () => {
    const doc = example();
    doc.referrals[1].serviceKind = 'health';
    const source = text(doc);
    const detail = refused(source);
    expect(detail).toMatch(/^line \d+, referrals\[1\]\.consentId: CONSENT_REQUIRED: .*"medical"/);
    const doc2 = example();
    doc2.consents[0].withdrawnOn = '2025-10-10';
    expect(refused(text(doc2))).toMatch(/referrals\[1\]\.consentId: CONSENT_REQUIRED/);
  });

  it('duplicate case code, in the file and against the vault', () => {
    const doc = example();
    doc.cases[2].code = doc.cases[0].code;
    expect(refused(text(doc))).toMatch(/^line \d+, cases\[\d\]\.code: another case already uses this code/);
  });

  it('a real name in a file that says identities are omitted', () => {
    const doc = example();
    doc.identities = 'omitted';
    expect(refused(text(doc))).toMatch(
      /people\[0\]\.realName: a real name in a file whose "identities" is "omitted"/,
    );
  });

  it('an unknown incident kind', () => {
    const doc = example();
    doc.customKinds = [];
    expect(refused(text(doc))).toMatch(/incidents\[2\]\.kind: unknown kind$/);
  });

  it('an oversize file, before parsing it', () => {
    const big = `{"format":"casevault.records/1","notes":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    expect(refused(big)).toBe('line 1, (document): the file is larger than 200 MB');
  });

  it('re-importing the same file: ids already in the vault', () => {
    importRecordsJson(vault.records.context(), exampleText());
    const detail = refused(exampleText());
    expect(detail).toMatch(/^line \d+, people\[0\]\.id: a record with this id already exists/);
  });
});
