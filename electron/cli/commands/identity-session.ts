/**
 * What the `identity` and `contact` commands share: the subcommand operand, the unlock (as
 * `withRecords`) and an IdentityService on the session, locked again whatever happens.
 */
import { loadSodium } from '../../core/crypto/sodium.ts';
import { IdentityService } from '../../core/identity/identity-service.ts';
import { readVaultInfo, unlockWithPassphrase } from '../../core/vault/vault.ts';
import { type CommandLine, stringOption } from '../args.ts';
import { UsageError } from '../usage-error.ts';
import type { CommandContext } from './context.ts';

export function subcommand<S extends string>(line: CommandLine, allowed: readonly S[]): S {
  const sub = line.operands[0];
  if (sub === undefined || !(allowed as readonly string[]).includes(sub))
    throw new UsageError('subcommand', { command: line.command ?? 'casevault', allowed: allowed.join(', ') });
  return sub as S;
}

/** The operands after the subcommand: exactly `min`..`max` of them, or a usage error. */
export function subOperands(line: CommandLine, min: number, usage: string, max = min): string[] {
  const ops = line.operands.slice(1);
  if (ops.length < min || ops.length > max || ops.some((o) => o.length === 0))
    throw new UsageError('operands', { usage, command: line.command ?? 'casevault' });
  return ops;
}

export async function withIdentity<T>(
  { line, secrets }: CommandContext,
  dir: string,
  work: (identity: IdentityService) => T | Promise<T>,
): Promise<T> {
  await readVaultInfo(dir);
  const passphrase = await secrets.read({
    file: stringOption(line, 'passphrase-file'),
    option: '--passphrase-file',
    what: 'whatPassphrase',
    prompt: 'promptPassphrase',
  });
  const sodium = await loadSodium();
  const session = await unlockWithPassphrase(dir, passphrase);
  try {
    return await work(new IdentityService(session, sodium));
  } finally {
    session.lock();
  }
}
