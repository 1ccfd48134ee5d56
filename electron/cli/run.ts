/**
 * The CLI runner: parse, dispatch to one command, report, return the exit code. It never throws
 * and never calls process.exit, so tests and the bin shim can drive it.
 */
import { type CommandLine, type CommandName, parseCommandLine, scanOutputOptions } from './args.ts';
import { audit } from './commands/audit.ts';
import { backup } from './commands/backup.ts';
import { check } from './commands/check.ts';
import { contact } from './commands/contact.ts';
import type { Command } from './commands/context.ts';
import { erase } from './commands/erase.ts';
import { evidence } from './commands/evidence.ts';
import { exportJson } from './commands/export-json.ts';
import { identity } from './commands/identity.ts';
import { importRecords } from './commands/import.ts';
import { info } from './commands/info.ts';
import { init } from './commands/init.ts';
import { list } from './commands/list.ts';
import { passwd } from './commands/passwd.ts';
import { receipt } from './commands/receipt.ts';
import { recover } from './commands/recover.ts';
import { restore } from './commands/restore.ts';
import { search } from './commands/search.ts';
import { shareExport } from './commands/share-export.ts';
import { shareOpen } from './commands/share-open.ts';
import { show } from './commands/show.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { helpText } from './help.ts';
import type { CliIo } from './io.ts';
import { languageFromEnv } from './messages.ts';
import { type Reporter, reportError, reportResult } from './output.ts';
import { SecretReader } from './secrets.ts';
import { UsageError } from './usage-error.ts';

const COMMANDS: Record<CommandName, Command> = {
  init,
  info,
  check,
  passwd,
  recover,
  erase,
  import: importRecords,
  'export-json': exportJson,
  list,
  show,
  search,
  audit,
  evidence,
  identity,
  contact,
  export: shareExport,
  open: shareOpen,
  receipt,
  backup,
  restore,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const scanned = scanOutputOptions(argv);
  const reporter: Reporter = { json: scanned.json, language: scanned.language ?? languageFromEnv(io.env) };
  const secrets = new SecretReader(io, reporter.language);
  try {
    const line: CommandLine = parseCommandLine(argv);
    if (line.help) {
      io.stdout.write(helpText(reporter.language, line.command));
      return EXIT.OK;
    }
    if (!line.command) throw new UsageError('missingCommand');
    const result = await COMMANDS[line.command]({ line, language: reporter.language, io, secrets });
    return reportResult(io, reporter, line.command, result);
  } catch (error) {
    return reportError(io, reporter, error);
  } finally {
    secrets.close();
  }
}
