import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportRecordsJson, serializeRecordsDocument } from '../../../electron/core/records/format/export.ts';
import { importRecordsJson } from '../../../electron/core/records/format/import.ts';
import { exampleText, type FormatVault, openFormatVault } from './vault-fixture.ts';

let vault: FormatVault;
beforeEach(async () => {
  vault = await openFormatVault();
});
afterEach(() => vault.cleanup());

const withoutExportedAt = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "-"');

describe('records format: import and export', () => {
  it('imports the example cleanly, with one records.import audit entry', () => {
    const before = vault.auditCount();
    const summary = importRecordsJson(vault.records.context(), exampleText());
    expect(summary.counts.cases).toBe(4);
    expect(summary.counts.casePeople).toBe(6);
    expect(summary.counts.referrals).toBe(2);
    expect(summary.identities).toBe('included');
    expect(vault.auditCount()).toBe(before + 1);
    const [entry] = vault.records.audit({ limit: 1 });
    expect(entry?.action).toBe('records.import');
    expect(vault.records.verifyAudit().ok).toBe(true);
    const detail = vault.records.caseByCode('DEF-SN-2025-014');
    expect(detail.riskAssessments).toHaveLength(3);
    expect(detail.plans[0]?.measures).toHaveLength(5);
    expect(vault.records.riskTrend(detail.case.id).trend).toBe('rising');
    expect(vault.records.search('Colibri').length).toBeGreaterThan(0);
  });

  it('round-trips: example → export → fresh vault → export gives identical JSON (but exportedAt)', async () => {
    importRecordsJson(vault.records.context(), exampleText());
    const first = serializeRecordsDocument(
      exportRecordsJson(vault.records.context(), { includeIdentities: true }),
    );
    const other = await openFormatVault();
    try {
      importRecordsJson(other.records.context(), first);
      const second = serializeRecordsDocument(
        exportRecordsJson(other.records.context(), { includeIdentities: true }),
      );
      expect(withoutExportedAt(second)).toBe(withoutExportedAt(first));
      const [entry] = other.records.audit({ limit: 1 });
      expect(entry?.action).toBe('records.export');
      expect(JSON.parse(entry!.detail)).toMatchObject({ scope: 'vault', identities: 'included' });
    } finally {
      other.cleanup();
    }
  });

  it('leaves real names out unless asked, and says so in the file', () => {
    importRecordsJson(vault.records.context(), exampleText());
    const doc = exportRecordsJson(vault.records.context());
    expect(doc.identities).toBe('omitted');
    const text = serializeRecordsDocument(doc);
    expect(text).not.toContain('Personne Fictive Exemple');
    expect(text).not.toContain('hasRealName');
    const withNames = serializeRecordsDocument(
      exportRecordsJson(vault.records.context(), { includeIdentities: true }),
    );
    expect(withNames).toContain('"realName": "Personne Fictive Exemple"');
  });

  it('exports one case with its people, links and records, and that file imports alone', async () => {
    importRecordsJson(vault.records.context(), exampleText());
    const doc = exportRecordsJson(vault.records.context(), { caseCode: 'PSEA-BF-2025-003' });
    expect(doc.scope).toBe('PSEA-BF-2025-003');
    expect(doc.cases.map((c) => c.code)).toEqual(['PSEA-BF-2025-003']);
    expect(doc.people.map((p) => p.alias).sort()).toEqual(['Agent X (distribution)', 'Survivante A-3']);
    expect(doc.referrals).toHaveLength(2);
    expect(doc.planMeasures).toHaveLength(0);
    expect(doc.customKinds).toHaveLength(0);
    const other = await openFormatVault();
    try {
      const summary = importRecordsJson(other.records.context(), serializeRecordsDocument(doc));
      expect(summary.counts.consents).toBe(1);
    } finally {
      other.cleanup();
    }
  });

  it('refuses an unknown case code for a one-case export', () => {
    expect(() => exportRecordsJson(vault.records.context(), { caseCode: 'NOPE-1' })).toThrow(
      /RECORD_NOT_FOUND/,
    );
  });

  it('keeps ordering deterministic: cases by code, records by creation time', () => {
    importRecordsJson(vault.records.context(), exampleText());
    const doc = exportRecordsJson(vault.records.context());
    const codes = doc.cases.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    const times = doc.riskEntries.map((r) => r.createdAt);
    expect(times).toEqual([...times].sort());
  });
});
