/**
 * RFC 4180 CSV, as spreadsheets write it: fields in double quotes may hold the delimiter, line
 * breaks and doubled quotes; records end with CRLF, LF or CR; a UTF-8 byte-order mark is dropped.
 * The delimiter is `,` or `;` (French Excel writes `;` because `,` is the decimal separator),
 * detected from the header line unless given.
 */

export type CsvDelimiter = ',' | ';';

export interface CsvRow {
  /** The line of the file the row starts on (from 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  rows: CsvRow[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(problem: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${problem}`);
    this.name = 'CsvSyntaxError';
    this.line = line;
    this.column = column;
  }
}

/** The delimiter that occurs more often on the first line, outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string, options: { delimiter?: CsvDelimiter } = {}): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  /** The current cell has begun (a quoted empty cell is a cell, even at the end of the file). */
  let begun = false;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    begun = false;
  };
  const endRow = () => {
    endCell();
    rows.push({ line: rowLine, cells });
    cells = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && !begun) {
      // A quoted field: runs to the next quote not doubled.
      const openLine = line;
      const openColumn = cells.length + 1;
      begun = true;
      i++;
      for (;;) {
        if (i >= text.length)
          throw new CsvSyntaxError('a quoted field is never closed', openLine, openColumn);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r')
        throw new CsvSyntaxError('text after the closing quote of a field', line, cells.length + 1);
      continue;
    }
    if (char === delimiter) {
      endCell();
      i++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRow();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    cell += char;
    begun = true;
    i++;
  }
  // The last record may or may not end with a line break; a break at the very end adds no row.
  if (begun || cells.length > 0) endRow();
  return { delimiter, rows };
}

/** Writes rows as RFC 4180 with CRLF, quoting only the cells that need it. */
export function serializeCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  const quote = (cell: string, alone: boolean) =>
    (alone && cell === '') || /["\r\n\uFEFF]/.test(cell) || cell.includes(delimiter)
      ? `"${cell.replaceAll('"', '""')}"`
      : cell;
  return rows
    .map((row) => `${row.map((cell) => quote(cell, row.length === 1)).join(delimiter)}\r\n`)
    .join('');
}
