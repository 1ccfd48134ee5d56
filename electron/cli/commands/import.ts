/**
 * `casevault import <dir> <file>`: a records file (`casevault.records/1`, docs/records-format.md)
 * or, for a `.csv` file or with --csv, a spreadsheet of cases and incidents (docs/csv-import.md).
 * All or nothing: a refusal (exit 1, IMPORT_INVALID) names the line and the field and writes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CaseVaultError } from '../../../shared/errors.ts';
import { importCasesCsv } from '../../core/records/format/csv.ts';
import { importRecordsJson } from '../../core/records/format/import.ts';
import { MAX_IMPORT_BYTES } from '../../core/records/format/records-file.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';
import { describeCounts, operands, withRecords } from './records-session.ts';

export const importRecords: Command = async (context) => {
  const { line, language } = context;
  const [dir, file] = operands(line, 2, 'import <dir> <file.json|file.csv> [--csv]') as [string, string];
  const csv = line.options.csv === true || path.extname(file).toLowerCase() === '.csv';
  // Size and encoding are checked before the passphrase is asked for.
  if ((await stat(file)).size > MAX_IMPORT_BYTES)
    throw new CaseVaultError('IMPORT_INVALID', 'line 1: the file is larger than 200 MB');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch {
    throw new UsageError('importNotUtf8');
  }
  return withRecords(context, dir, (records) => {
    const ctx = records.context();
    if (csv) {
      const summary = importCasesCsv(ctx, text);
      const counts = { cases: summary.cases, incidents: summary.incidents };
      return {
        json: { dir, format: 'csv', delimiter: summary.delimiter, rows: summary.rows, counts },
        text: [t(language, 'importDone', { dir, counts: describeCounts(counts) })],
      };
    }
    const summary = importRecordsJson(ctx, text);
    return {
      json: { dir, format: 'json', ...summary },
      text: [t(language, 'importDone', { dir, counts: describeCounts(summary.counts) })],
    };
  });
};
