import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCasesCsv } from '../../../electron/core/records/format/csv.ts';
import { detectDelimiter, parseCsv, serializeCsv } from '../../../electron/core/records/format/csv-parse.ts';
import { CaseVaultError } from '../../../shared/errors.ts';
import { type FormatVault, openFormatVault } from './vault-fixture.ts';

describe('CSV parser (RFC 4180)', () => {
  it('round-trips any table: serialize → parse gives the same cells (property)', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\r', '\n', '\uFEFF', 'x', '|'),
    });
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((width) =>
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
      );
    fc.assert(
      fc.property(table, fc.constantFrom<',' | ';'>(',', ';'), (rows, delimiter) => {
        const parsed = parseCsv(serializeCsv(rows, delimiter), { delimiter });
        expect(parsed.rows.map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });

  it('reads quotes, doubled quotes, CRLF and LF, a BOM, and no final line break', () => {
    const text = '\uFEFFcode;titre\r\nA-1;"Dit ""non"";\r\npuis parti"\nB-2;simple';
    const { delimiter, rows } = parseCsv(text);
    expect(delimiter).toBe(';');
    expect(rows).toEqual([
      { line: 1, cells: ['code', 'titre'] },
      { line: 2, cells: ['A-1', 'Dit "non";\r\npuis parti'] },
      { line: 4, cells: ['B-2', 'simple'] },
    ]);
  });

  it('detects the delimiter from the header line, outside quotes', () => {
    expect(detectDelimiter('code,titre,"a;b;c"\n')).toBe(',');
    expect(detectDelimiter('code;titre;resume\n1,2,3,4,5')).toBe(';');
  });

  it('says where a quoted field is never closed, or has text after its closing quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n\n')).toThrow(/line 2, column 2: a quoted field is never closed/);
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/line 2, column 2: text after the closing quote/);
  });
});

describe('CSV import of cases and incidents', () => {
  let vault: FormatVault;
  beforeEach(async () => {
    vault = await openFormatVault();
  });
  afterEach(() => vault.cleanup());

  const FRENCH = [
    'code_dossier;type;statut;date_ouverture;titre;pays;région;localité;résumé;étiquettes;date_incident;type_incident;vérification;description',
    'PSEA-2025-010;Plainte PSEA;ouvert;03/10/2025;Plainte reçue au centre;BF;Centre-Nord;;"Signalée par ""l’animatrice""; suivie";psea|distribution;28/09/2025;Exploitation sexuelle;Signalé;Échange d’aide contre des faveurs',
    'PSEA-2025-010;;;;;;;;;;02/10/2025;psea.sexual-abuse;under-verification;Second fait signalé',
    'DEF-2025-011;defender-protection;active;2025-11-02;Menaces en ligne;SN;;;;;;;;',
    ';;;;;;;;;;;;;',
  ].join('\r\n');

  it('imports French headers, labels, DD/MM/YYYY dates and several incidents per case', () => {
    const audit = vault.auditCount();
    const summary = importCasesCsv(vault.records.context(), FRENCH);
    expect(summary).toEqual({ delimiter: ';', rows: 3, cases: 2, incidents: 2 });
    const psea = vault.records.caseByCode('PSEA-2025-010');
    expect(psea.case).toMatchObject({
      kind: 'psea-complaint',
      status: 'open',
      openedOn: '2025-10-03',
      location: { country: 'BF', region: 'Centre-Nord' },
      summary: 'Signalée par "l’animatrice"; suivie',
      tags: ['psea', 'distribution'],
    });
    expect(psea.incidents.map((i) => [i.occurredOn, i.kind, i.verification])).toEqual([
      ['2025-10-02', 'psea.sexual-abuse', 'under-verification'],
      ['2025-09-28', 'psea.sexual-exploitation', 'reported'],
    ]);
    expect(vault.auditCount()).toBe(audit + 1);
    expect(vault.records.verifyAudit().ok).toBe(true);
  });

  it('imports English headers with commas', () => {
    const csv =
      'code,kind,status,opened_on,title,tags\nCP-1,child-protection,Open,2026-01-05,Helpline follow-up,116\n';
    expect(importCasesCsv(vault.records.context(), csv)).toMatchObject({
      delimiter: ',',
      cases: 1,
      incidents: 0,
    });
  });

  const refused = (csv: string): string => {
    const audit = vault.auditCount();
    try {
      importCasesCsv(vault.records.context(), csv);
    } catch (error) {
      expect(error).toBeInstanceOf(CaseVaultError);
      expect((error as CaseVaultError).code).toBe('IMPORT_INVALID');
      expect(vault.session.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
      expect(vault.auditCount()).toBe(audit);
      return (error as CaseVaultError).detail!;
    }
    throw new Error('expected a refusal');
  };

  it('refuses with line and column, writing nothing', () => {
    const head = 'code;type;statut;date_ouverture;titre;date_incident;type_incident';
    expect(refused(`${head};couleur\n`)).toBe(
      'line 1, column couleur: unknown column (docs/csv-import.md lists the accepted names)',
    );
    expect(refused('code;type;titre\n')).toMatch(/^line 1, column date_ouverture: missing column/);
    expect(refused(`${head}\nA-1;other;ouvert;2025-13-45;T;;\n`)).toBe(
      'line 2, column date_ouverture: not a real date',
    );
    expect(refused(`${head}\nA-1;other;ouvert;1er mars;T;;\n`)).toMatch(
      /^line 2, column date_ouverture: expected a date/,
    );
    expect(refused(`${head}\nA-1;other;archivé;2025-01-01;T;;\n`)).toMatch(
      /^line 2, column statut: not an allowed value/,
    );
    expect(
      refused(`${head}\nA-1;other;ouvert;2025-01-01;T;;\nB-2;other;ouvert;2025-01-01;T;2025-01-02;bagarre\n`),
    ).toMatch(/^line 3, column type_incident: unknown incident kind/);
    expect(refused(`${head}\nA-1;other;ouvert;2025-01-01;T;;\nA-1;other;clos;;;;\n`)).toBe(
      'line 3, column statut: differs from line 2, which has the same case code',
    );
    expect(refused(`${head}\nA-1;other;ouvert;2025-01-01;T;2025-01-03;\n`)).toBe(
      'line 2, column type_incident: empty, but this row has an incident',
    );
    expect(refused(`${head}\nnom prénom;other;ouvert;2025-01-01;T;;\n`)).toMatch(
      /^line 2, column code: use capital letters/,
    );
    expect(refused(`${head}\n"A-1;other\n`)).toMatch(/^line 2, column 1: a quoted field is never closed/);
  });

  it('refuses a code already in the vault', () => {
    importCasesCsv(vault.records.context(), 'code;type;date_ouverture;titre\nA-1;other;2025-01-01;T\n');
    const audit = vault.auditCount();
    expect(() =>
      importCasesCsv(
        vault.records.context(),
        'code;type;date_ouverture;titre\nB-1;other;2025-01-01;T\nA-1;other;2025-01-01;T\n',
      ),
    ).toThrow(/line 3, column code: a case with this code is already in the vault/);
    expect(vault.session.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    expect(vault.auditCount()).toBe(audit);
  });
});
