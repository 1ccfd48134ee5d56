/**
 * Turns a command's result or any thrown value into what the user sees and an exit code.
 * Text goes to stdout (results) and stderr (errors); with --json, exactly one JSON document goes to
 * stdout in both cases. Foreign errors are reduced to a code: their messages may echo SQL or paths,
 * and their stacks are of no use to the user.
 */
import { CaseVaultError, type ErrorCode, type Language, messageFor } from '../../shared/errors.ts';
import { EXIT, type ExitCode, exitCodeFor } from './exit-codes.ts';
import type { CliIo } from './io.ts';
import { t } from './messages.ts';
import { InterruptedError, UsageError } from './usage-error.ts';

/** What a command hands back: JSON fields for --json, lines for people, and its exit code. */
export interface CommandResult {
  json: Record<string, unknown>;
  text: string[];
  /** Defaults to 0. `check` reports damage with 3 and an error block. */
  exit?: ExitCode;
  error?: { code: ErrorCode };
}

export interface Reporter {
  language: Language;
  json: boolean;
}

const IO_ERRNOS = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'ENOSPC',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'EIO',
  'EDQUOT',
  'EBUSY',
]);

export function describeError(
  error: unknown,
  language: Language,
): { code: ErrorCode; message: string; exit: ExitCode } {
  if (error instanceof UsageError) {
    const message = `${messageFor('INVALID_INPUT', language)} ${t(language, error.key, error.values)}`;
    return { code: 'INVALID_INPUT', message, exit: EXIT.USAGE };
  }
  if (error instanceof InterruptedError) {
    return { code: 'INVALID_INPUT', message: messageFor('INVALID_INPUT', language), exit: EXIT.INTERRUPTED };
  }
  let code: ErrorCode = 'INTERNAL';
  let detail: string | undefined;
  if (error instanceof CaseVaultError) {
    code = error.code;
    detail = error.detail;
  } else {
    const errno = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof errno === 'string' && IO_ERRNOS.has(errno)) {
      code = 'IO_ERROR';
      detail = errno;
    }
  }
  return { code, message: messageFor(code, language, detail), exit: exitCodeFor(code) };
}

export function reportError(io: CliIo, reporter: Reporter, error: unknown): ExitCode {
  const { code, message, exit } = describeError(error, reporter.language);
  // Ctrl-C at a prompt is the user's choice, not an error to explain (except to a program).
  if (reporter.json) {
    io.stdout.write(`${JSON.stringify({ ok: false, error: { code, message } })}\n`);
  } else if (!(error instanceof InterruptedError)) {
    io.stderr.write(`casevault: ${message}\n`);
  }
  return exit;
}

export function reportResult(
  io: CliIo,
  reporter: Reporter,
  command: string,
  result: CommandResult,
): ExitCode {
  const exit = result.exit ?? EXIT.OK;
  if (reporter.json) {
    const error = result.error
      ? { error: { code: result.error.code, message: messageFor(result.error.code, reporter.language) } }
      : {};
    io.stdout.write(`${JSON.stringify({ ok: exit === EXIT.OK, command, ...result.json, ...error })}\n`);
    return exit;
  }
  if (result.text.length > 0) io.stdout.write(`${result.text.join('\n')}\n`);
  if (result.error) io.stderr.write(`casevault: ${messageFor(result.error.code, reporter.language)}\n`);
  return exit;
}
