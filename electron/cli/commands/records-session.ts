/**
 * What the records commands share: their operands, the unlock (passphrase from --passphrase-file or
 * standard input, asked only once the header was found) and a RecordsService that is always locked
 * again, whatever happens.
 */
import { RecordsService } from '../../core/records/records-service.ts';
import { readVaultInfo, unlockWithPassphrase } from '../../core/vault/vault.ts';
import { type CommandLine, stringOption } from '../args.ts';
import { UsageError } from '../usage-error.ts';
import type { CommandContext } from './context.ts';

/** Exactly `count` operands (`dir` first), or a usage error showing `usage`. */
export function operands(line: CommandLine, min: number, usage: string, max = min): string[] {
  const ops = line.operands;
  if (ops.length < min || ops.length > max || ops.some((o) => o.length === 0))
    throw new UsageError('operands', { usage, command: line.command ?? 'casevault' });
  return ops;
}

export async function withRecords<T>(
  { line, secrets }: CommandContext,
  dir: string,
  work: (records: RecordsService) => T | Promise<T>,
): Promise<T> {
  await readVaultInfo(dir);
  const passphrase = await secrets.read({
    file: stringOption(line, 'passphrase-file'),
    option: '--passphrase-file',
    what: 'whatPassphrase',
    prompt: 'promptPassphrase',
  });
  const session = await unlockWithPassphrase(dir, passphrase);
  try {
    return await work(new RecordsService(session));
  } finally {
    session.lock();
  }
}

export function limitOption(line: CommandLine, fallback: number, max: number): number {
  const raw = stringOption(line, 'limit');
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) throw new UsageError('badLimit', { max: String(max) });
  return value;
}

export function choiceOption(
  line: CommandLine,
  name: string,
  allowed: readonly string[],
): string | undefined {
  const value = stringOption(line, name);
  if (value !== undefined && !allowed.includes(value))
    throw new UsageError('badChoice', { option: `--${name}`, allowed: allowed.join(', ') });
  return value;
}

/** `4 cases, 2 people, …`: the non-zero counts. */
export function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${name}`);
  return parts.length > 0 ? parts.join(', ') : '0';
}
