import type { Language } from '../../../shared/errors.ts';
import type { CommandLine } from '../args.ts';
import type { CliIo } from '../io.ts';
import type { CommandResult } from '../output.ts';
import type { SecretReader } from '../secrets.ts';

export interface CommandContext {
  line: CommandLine;
  language: Language;
  io: CliIo;
  secrets: SecretReader;
}

export type Command = (context: CommandContext) => Promise<CommandResult>;

/** The other language, for the few texts printed in both (the recovery-key warning). */
export function otherLanguage(language: Language): Language {
  return language === 'fr' ? 'en' : 'fr';
}

export function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}
