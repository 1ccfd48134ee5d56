/**
 * `casevault evidence <subcommand> <dir> …`: add files to a case (with a progress bar on a
 * terminal), list, verify, extract a decrypted copy (warning in FR and EN, never overwrites,
 * recorded in custody) and make redacted copies of images. One command whose first operand is the
 * subcommand; its options are the union of the subcommands' options.
 */
import type { EvidenceItem, EvidenceSource, RedactionRegion } from '../../../shared/evidence/schemas.ts';
import { EVIDENCE_SOURCE_KINDS } from '../../../shared/evidence/schemas.ts';
import { EvidenceService } from '../../core/evidence/evidence-service.ts';
import type { VaultSession } from '../../core/vault/session.ts';
import { readVaultInfo, unlockWithPassphrase } from '../../core/vault/vault.ts';
import { type CommandLine, stringOption } from '../args.ts';
import { EXIT } from '../exit-codes.ts';
import { t } from '../messages.ts';
import type { CommandResult } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import { type Command, type CommandContext, otherLanguage } from './context.ts';
import { evidenceLines } from './evidence-report.ts';
import { progressBar } from './progress-bar.ts';
import { choiceOption, limitOption } from './records-session.ts';

const USAGE = {
  add: 'evidence add <dir> --case CODE [--incident ID] [--risk ID] [--source KIND] [--url U] [--from WHO] [--note N] [--captured-at T] [--ocsea-acknowledged] <file…>',
  list: 'evidence list <dir> [--case CODE] [--limit N]',
  verify: 'evidence verify <dir>',
  extract: 'evidence extract <dir> <id> --out FILE',
  redact: 'evidence redact <dir> <id> --region x,y,w,h [--region …]',
} as const;
type Sub = keyof typeof USAGE;

async function withEvidence<T>(
  { line, secrets }: CommandContext,
  dir: string,
  work: (evidence: EvidenceService, session: VaultSession) => Promise<T>,
): Promise<T> {
  await readVaultInfo(dir);
  const passphrase = await secrets.read({
    file: stringOption(line, 'passphrase-file'),
    option: '--passphrase-file',
    what: 'whatPassphrase',
    prompt: 'promptPassphrase',
  });
  const session = await unlockWithPassphrase(dir, passphrase);
  const evidence = new EvidenceService(session);
  try {
    await evidence.drainShredQueue();
    return await work(evidence, session);
  } finally {
    evidence.close();
    session.lock();
  }
}

function caseIdOf(session: VaultSession, code: string): string {
  const id = session.db.prepare('SELECT id FROM cases WHERE code = ?').pluck().get(code) as
    | string
    | undefined;
  if (!id) throw new UsageError('evidenceNoCase', { code });
  return id;
}

/** A full id or an unambiguous prefix of at least 8 characters. */
function itemIdOf(session: VaultSession, id: string): string {
  if (!/^[0-9a-f-]{8,36}$/i.test(id)) throw new UsageError('evidenceNoItem', { id: id.slice(0, 40) });
  const ids = session.db
    .prepare("SELECT id FROM evidence_items WHERE id LIKE ? || '%' LIMIT 2")
    .pluck()
    .all(id.toLowerCase()) as string[];
  if (ids.length !== 1) throw new UsageError('evidenceNoItem', { id });
  return ids[0]!;
}

function sourceOf(line: CommandLine): EvidenceSource {
  const kind = (choiceOption(line, 'source', EVIDENCE_SOURCE_KINDS) ?? 'device') as EvidenceSource['kind'];
  const source: EvidenceSource = { kind };
  const url = stringOption(line, 'url');
  const from = stringOption(line, 'from');
  const note = stringOption(line, 'note');
  if (url) source.url = url;
  if (from) source.receivedFrom = from;
  if (note) source.note = note;
  return source;
}

function regionsOf(line: CommandLine): RedactionRegion[] {
  const raw = stringOption(line, 'region');
  if (raw === undefined) return [];
  return raw.split('\n').map((text) => {
    const parts = text.split(',').map((p) => Number(p.trim()));
    const [x, y, w, h] = parts;
    const ok =
      parts.length === 4 &&
      parts.every((n) => Number.isFinite(n) && n >= 0 && n <= 1) &&
      w! > 0 &&
      h! > 0 &&
      x! + w! <= 1.000001 &&
      y! + h! <= 1.000001;
    if (!ok) throw new UsageError('evidenceBadRegion');
    return { x: x!, y: y!, w: w!, h: h! };
  });
}

function summary(item: EvidenceItem) {
  return {
    id: item.id,
    name: item.originalName,
    type: item.detectedType.mime,
    size: item.size,
    sha256: item.sha256,
    hasLocation: item.hasLocation,
    redactedOf: item.redactedOf,
  };
}

function args(line: CommandLine, min: number, max: number, sub: Sub): string[] {
  const ops = line.operands.slice(1);
  if (ops.length < min || ops.length > max || ops.some((o) => o.length === 0))
    throw new UsageError('operands', { usage: USAGE[sub], command: 'evidence' });
  return ops;
}

const add = async (context: CommandContext): Promise<CommandResult> => {
  const { line, language, io } = context;
  const [dir, ...files] = args(line, 2, 10_000, 'add') as [string, ...string[]];
  const code = stringOption(line, 'case');
  if (!code) throw new UsageError('evidenceNeedsCase');
  const capturedAt = stringOption(line, 'captured-at');
  if (capturedAt !== undefined && Number.isNaN(Date.parse(capturedAt)))
    throw new UsageError('evidenceBadDate');
  const source = sourceOf(line);
  const stderr = io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  return withEvidence(context, dir, async (evidence, session) => {
    const caseId = caseIdOf(session, code);
    const added: EvidenceItem[] = [];
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      for (const [index, file] of files.entries()) {
        const bar = stderr.isTTY ? progressBar(stderr, `${index + 1}/${files.length}`) : undefined;
        try {
          const item = await evidence.add(
            {
              caseId,
              incidentId: stringOption(line, 'incident'),
              riskEntryId: stringOption(line, 'risk'),
              path: file,
              capturedAt: capturedAt && new Date(capturedAt).toISOString(),
              source,
              ocseaAcknowledged: line.options['ocsea-acknowledged'] === true,
            },
            { signal: controller.signal, onProgress: bar?.update },
          );
          added.push(item);
        } finally {
          bar?.done();
        }
      }
    } finally {
      process.off('SIGINT', onSigint);
    }
    const text: string[] = [];
    for (const item of added) {
      text.push(
        t(language, 'evidenceAdded', {
          name: item.originalName,
          type: item.detectedType.mime,
          size: item.size,
          sha256: item.sha256,
          id: item.id,
        }),
      );
      if (item.hasLocation) text.push(t(language, 'evidenceLocation'));
    }
    return { json: { dir, items: added.map(summary) }, text };
  });
};

const list = async (context: CommandContext): Promise<CommandResult> => {
  const { line, language } = context;
  const [dir] = args(line, 1, 1, 'list') as [string];
  const code = stringOption(line, 'case');
  const limit = limitOption(line, 100, 1000);
  return withEvidence(context, dir, async (evidence, session) => {
    const caseId = code === undefined ? undefined : caseIdOf(session, code);
    const { items, total } = evidence.list({ caseId, limit });
    const text = [t(language, 'evidenceListTitle', { shown: items.length, total })];
    for (const item of items) {
      const flags = [
        item.hasLocation ? 'GPS' : '',
        item.redactedOf ? `redacted-of ${item.redactedOf.slice(0, 8)}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      text.push(
        `  ${item.id}  ${item.addedAt.slice(0, 10)}  ${item.detectedType.mime.padEnd(24)} ${String(item.size).padStart(12)}  ${item.sha256.slice(0, 16)}…  ${item.originalName}${flags ? `  [${flags}]` : ''}`,
      );
    }
    return { json: { dir, total, items: items.map(summary) }, text };
  });
};

const verify = async (context: CommandContext): Promise<CommandResult> => {
  const { line, language } = context;
  const [dir] = args(line, 1, 1, 'verify') as [string];
  return withEvidence(context, dir, async (evidence) => {
    const results = await evidence.verify();
    const failed = results.filter((r) => !r.ok);
    const report = {
      ok: failed.length === 0,
      items: results.length,
      failed,
      orphans: [],
      removedOrphans: [],
    };
    const text = evidenceLines(language, report);
    if (failed.length > 0)
      return { json: { dir, results }, text, error: { code: 'EVIDENCE_DAMAGED' }, exit: EXIT.DAMAGED };
    return { json: { dir, results }, text };
  });
};

const extract = async (context: CommandContext): Promise<CommandResult> => {
  const { line, language, io } = context;
  const [dir, id] = args(line, 2, 2, 'extract') as [string, string];
  const out = stringOption(line, 'out');
  if (!out) throw new UsageError('evidenceNeedsOut');
  io.stderr.write(
    `casevault: ${t(language, 'evidenceExtractWarning')}\ncasevault: ${t(otherLanguage(language), 'evidenceExtractWarning')}\n`,
  );
  return withEvidence(context, dir, async (evidence, session) => {
    const itemId = itemIdOf(session, id);
    const { size, sha256 } = await evidence.extract(itemId, out, 'extract');
    return {
      json: { dir, id: itemId, out, size, sha256, warning: t(language, 'evidenceExtractWarning') },
      text: [t(language, 'evidenceExtracted', { file: out, size, sha256 })],
    };
  });
};

const redact = async (context: CommandContext): Promise<CommandResult> => {
  const { line, language } = context;
  const [dir, id] = args(line, 2, 2, 'redact') as [string, string];
  const regions = regionsOf(line);
  return withEvidence(context, dir, async (evidence, session) => {
    const itemId = itemIdOf(session, id);
    const copy = await evidence.redact(itemId, regions);
    return {
      json: { dir, original: itemId, copy: summary(copy) },
      text: [
        t(language, 'evidenceRedacted', {
          id: copy.id,
          original: itemId,
          regions: regions.length,
          sha256: copy.sha256,
        }),
      ],
    };
  });
};

const SUBCOMMANDS: Record<Sub, (context: CommandContext) => Promise<CommandResult>> = {
  add,
  list,
  verify,
  extract,
  redact,
};

export const evidence: Command = async (context) => {
  const sub = context.line.operands[0];
  if (sub === undefined || !Object.hasOwn(SUBCOMMANDS, sub)) throw new UsageError('evidenceSubcommand');
  return SUBCOMMANDS[sub as Sub](context);
};
