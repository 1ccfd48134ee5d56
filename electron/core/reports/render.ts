/**
 * A built report as bytes: CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the
 * accents, CRLF line ends, one line per figure) or JSON (`casevault.report/1`). These bytes are what
 * the CLI prints, what the app saves, and what a sealed export of a report will carry.
 */
import type { Language } from '../../../shared/errors.ts';
import { cellText, type ReportCell, type ReportModel } from '../../../shared/reports/model.ts';

const HEADERS: Record<Language, string[]> = {
  en: [
    'report',
    'from',
    'to',
    'threshold',
    'table',
    'row dimension',
    'row',
    'column dimension',
    'column',
    'value',
    'status',
  ],
  fr: [
    'rapport',
    'du',
    'au',
    'seuil',
    'tableau',
    'dimension des lignes',
    'ligne',
    'dimension des colonnes',
    'colonne',
    'valeur',
    'statut',
  ],
};

const WORDS = {
  total: { en: 'Total', fr: 'Total' },
  count: { en: 'Count', fr: 'Effectif' },
  notes: { en: 'Notes', fr: 'Notes' },
  excluded: {
    en: 'Cases left out (no consent to anonymised statistics)',
    fr: 'Dossiers écartés (sans consentement aux statistiques anonymisées)',
  },
  suppressed: { en: 'Hidden cells', fr: 'Cellules masquées' },
  shown: { en: 'shown', fr: 'affiché' },
  small: { en: 'small count hidden', fr: 'petit effectif masqué' },
  protected: { en: 'hidden to protect a small count', fr: 'masqué pour protéger un petit effectif' },
  n: { en: 'n', fr: 'n' },
  median: { en: 'median', fr: 'médiane' },
  q1: { en: 'first quartile', fr: 'premier quartile' },
  q3: { en: 'third quartile', fr: 'troisième quartile' },
  mean: { en: 'mean', fr: 'moyenne' },
  rate: { en: 'share', fr: 'part' },
  granularity: { month: { en: 'month', fr: 'mois' }, quarter: { en: 'quarter', fr: 'trimestre' } },
  coarsening: { en: 'Coarsening', fr: 'Agrégation' },
  coarseningText: {
    en: 'dates to the {g}, places to regions (regions below the threshold grouped), ages to age groups',
    fr: 'dates au {g}, lieux à la région (régions sous le seuil regroupées), âges en tranches',
  },
} as const;

/** One field, quoted when it holds a comma, a semicolon, a quote or a line break. */
export function csvField(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function reportToCsv(report: ReportModel, lang: Language): Uint8Array {
  const lines: string[][] = [HEADERS[lang]];
  const head = [report.label[lang], report.period.from, report.period.to, String(report.threshold)];
  const status = (c: ReportCell) => WORDS[c.status][lang];
  const push = (
    table: string,
    rowDim: string,
    row: string,
    colDim: string,
    col: string,
    value: string,
    st: string,
  ): void => {
    lines.push([...head, table, rowDim, row, colDim, col, value, st]);
  };
  const fig = (c: ReportCell) => cellText(c, report.threshold);
  for (const t of report.tables) {
    const rowDim = t.rowDimension.label[lang];
    const colDim = t.columnDimension?.label[lang] ?? '';
    const rowNames = [...t.rows.map((r) => r.label[lang]), WORDS.total[lang]];
    const add = (row: string, col: string, c: ReportCell, dim = colDim) =>
      push(t.label[lang], rowDim, row, dim, col, fig(c), status(c));
    if (t.columnDimension) {
      for (const [i, r] of t.rows.entries()) {
        for (const [j, c] of t.columns.entries()) add(r.label[lang], c.label[lang], t.cells[i]![j]!);
        add(r.label[lang], WORDS.total[lang], t.rowTotals[i]!);
      }
      for (const [j, c] of t.columns.entries()) add(WORDS.total[lang], c.label[lang], t.columnTotals[j]!);
      add(WORDS.total[lang], WORDS.total[lang], t.total);
    } else {
      for (const [i, c] of [...t.rowTotals, t.total].entries()) add(rowNames[i]!, WORDS.count[lang], c, '');
    }
    if (t.statistics) {
      t.statistics.forEach((s, i) => {
        for (const k of ['median', 'q1', 'q3', 'mean'] as const) {
          const v = s[k];
          push(
            t.label[lang],
            rowDim,
            rowNames[i]!,
            '',
            `${WORDS[k][lang]} (${t.measure.kind === 'count' ? '' : t.measure.label[lang]})`,
            v === null ? '' : String(v),
            v === null ? WORDS.small[lang] : WORDS.shown[lang],
          );
        }
      });
    }
    if (t.rates) {
      const rates = t.rates;
      for (const [i, v] of [...rates.rows, rates.total].entries()) {
        push(
          t.label[lang],
          rowDim,
          rowNames[i]!,
          colDim,
          `${WORDS.rate[lang]}: ${rates.of.label[lang]}`,
          v === null ? '' : `${Math.round(v * 1000) / 10}%`,
          v === null ? WORDS.protected[lang] : WORDS.shown[lang],
        );
      }
    }
  }
  const ex = report.notes.excludedForConsent;
  push(WORDS.notes[lang], '', WORDS.excluded[lang], '', '', fig(ex), status(ex));
  push(
    WORDS.notes[lang],
    '',
    WORDS.suppressed[lang],
    '',
    '',
    String(report.notes.suppressedCells),
    WORDS.shown[lang],
  );
  push(
    WORDS.notes[lang],
    '',
    WORDS.coarsening[lang],
    '',
    '',
    WORDS.coarseningText[lang].replace('{g}', WORDS.granularity[report.period.granularity][lang]),
    WORDS.shown[lang],
  );
  const text = `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
  return new TextEncoder().encode(text);
}

export function reportToJson(report: ReportModel): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
}

export type ReportFormat = 'csv' | 'json';

/** The seam for a sealed export of a report: the same bytes the CLI and the app write. */
export function renderReport(report: ReportModel, format: ReportFormat, lang: Language): Uint8Array {
  return format === 'csv' ? reportToCsv(report, lang) : reportToJson(report);
}
