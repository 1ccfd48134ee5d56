/**
 * `casevault export-json <dir> [--case CODE] [--include-identities] [--out FILE] [--yes]`: the
 * records in the open records format, in PLAINTEXT. Hence: a warning in French and English on
 * stderr every time; --yes needed whenever the plaintext would land on a screen or a disk (a
 * terminal, a file named by --out or a file stdout was redirected to) — a pipe to another program
 * (an encryption tool) needs none; --out never overwrites; real names only with
 * --include-identities. The export leaves a `records.export` audit entry.
 */
import { existsSync, fstatSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { exportRecordsJson, serializeRecordsDocument } from '../../core/records/format/export.ts';
import { stringOption } from '../args.ts';
import type { CliIo } from '../io.ts';
import { t } from '../messages.ts';
import { UsageError } from '../usage-error.ts';
import { type Command, otherLanguage } from './context.ts';
import { describeCounts, operands, withRecords } from './records-session.ts';

/** Where standard output goes: a screen, a file on disk, or a pipe/socket to another program. */
function stdoutKind(io: CliIo): 'tty' | 'file' | 'pipe' {
  const stream = io.stdout as NodeJS.WritableStream & { isTTY?: boolean; fd?: number };
  if (stream.isTTY) return 'tty';
  if (typeof stream.fd === 'number') {
    try {
      if (fstatSync(stream.fd).isFile()) return 'file';
    } catch {
      return 'pipe';
    }
  }
  return 'pipe';
}

export const exportJson: Command = async (context) => {
  const { line, language, io } = context;
  const [dir] = operands(
    line,
    1,
    'export-json <dir> [--case CODE] [--include-identities] [--out FILE] [--yes]',
  ) as [string];
  const out = stringOption(line, 'out');
  const caseCode = stringOption(line, 'case');
  const includeIdentities = line.options['include-identities'] === true;
  if (line.json && out === undefined) throw new UsageError('exportJsonNeedsOut');
  if ((out !== undefined || stdoutKind(io) !== 'pipe') && line.options.yes !== true)
    throw new UsageError('exportNeedsYes');
  if (out !== undefined && existsSync(out)) throw new UsageError('exportOutExists');

  const warn = (lang: typeof language) =>
    `${t(lang, 'exportWarning')}${includeIdentities ? ` ${t(lang, 'exportIdentities')}` : ''}`;
  io.stderr.write(`casevault: ${warn(language)}\ncasevault: ${warn(otherLanguage(language))}\n`);

  return withRecords(context, dir, async (records) => {
    const doc = exportRecordsJson(records.context(), { caseCode, includeIdentities });
    const text = serializeRecordsDocument(doc);
    const counts = Object.fromEntries(
      Object.entries(doc)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => [k, (v as unknown[]).length]),
    );
    if (out === undefined) {
      io.stdout.write(text);
      return { json: {}, text: [] };
    }
    // 'wx': never overwrite, even a file that appeared since the check above; owner-only.
    await writeFile(out, text, { flag: 'wx', mode: 0o600 });
    return {
      json: { dir, out, identities: doc.identities, counts, warning: t(language, 'exportWarning') },
      text: [
        t(language, 'exportDone', { file: out, counts: describeCounts(counts), identities: doc.identities }),
      ],
    };
  });
};
