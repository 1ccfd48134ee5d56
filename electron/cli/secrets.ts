/**
 * Where passphrases and keys come from: a file named by an option, or standard input. Never argv
 * (see args.ts). From a file or a pipe we take one line without its line ending; on a terminal we
 * read with echo off. Several secrets from one pipe are read one line each, in the order the
 * command asks for them.
 *
 * JavaScript strings cannot be wiped; the secrets live as briefly as the command does and are
 * never logged, printed or put in an error.
 */
import { readFile } from 'node:fs/promises';
import { createInterface, type Interface } from 'node:readline';
import type { Language } from '../../shared/errors.ts';
import type { CliIo } from './io.ts';
import { type MessageKey, t } from './messages.ts';
import { InterruptedError, UsageError } from './usage-error.ts';

const MAX_SECRET_FILE_BYTES = 64 * 1024;

export interface SecretRequest {
  /** Path given to the option, if any. */
  file: string | undefined;
  /** The option's name, for messages (e.g. "--passphrase-file"). */
  option: string;
  what: Extract<
    MessageKey,
    'whatPassphrase' | 'whatNewPassphrase' | 'whatRecoveryKey' | 'whatBackupPassphrase'
  >;
  prompt: Extract<
    MessageKey,
    'promptPassphrase' | 'promptNewPassphrase' | 'promptRecoveryKey' | 'promptBackupPassphrase'
  >;
  /** Ask twice on a terminal (new passphrases). */
  confirm?: boolean;
}

export class SecretReader {
  private readonly io: CliIo;
  private readonly language: Language;
  private lines: AsyncIterator<string> | undefined;
  private rl: Interface | undefined;

  constructor(io: CliIo, language: Language) {
    this.io = io;
    this.language = language;
  }

  async read(request: SecretRequest): Promise<string> {
    const what = t(this.language, request.what);
    const secret =
      request.file !== undefined
        ? await this.fromFile(request.file, request.option)
        : await this.fromStdin(request);
    if (secret.length === 0) throw new UsageError('secretEmpty', { what });
    return secret;
  }

  /** Releases standard input so the process can exit. */
  close(): void {
    this.rl?.close();
    this.rl = undefined;
    this.lines = undefined;
    if (!this.io.stdin.isTTY) this.io.stdin.destroy?.();
  }

  private async fromFile(path: string, option: string): Promise<string> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new UsageError('secretFileUnreadable', { option });
    }
    if (bytes.length > MAX_SECRET_FILE_BYTES) throw new UsageError('secretFileUnreadable', { option });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UsageError('secretFileUnreadable', { option });
    }
    return firstLine(text);
  }

  private async fromStdin(request: SecretRequest): Promise<string> {
    if (this.io.stdin.isTTY && typeof this.io.stdin.setRawMode === 'function') {
      const first = await this.readHidden(t(this.language, request.prompt));
      if (request.confirm) {
        const again = await this.readHidden(t(this.language, 'promptConfirm'));
        if (again !== first) throw new UsageError('confirmMismatch');
      }
      return first;
    }
    if (!this.lines) {
      this.rl = createInterface({
        input: this.io.stdin,
        crlfDelay: Number.POSITIVE_INFINITY,
        terminal: false,
      });
      this.lines = this.rl[Symbol.asyncIterator]();
    }
    const next = await this.lines.next();
    if (next.done) throw new UsageError('stdinEnded', { what: t(this.language, request.what) });
    return next.value;
  }

  /** Raw mode, no echo; Enter ends, Backspace erases, Ctrl-C aborts, Ctrl-D on an empty line ends. */
  private readHidden(prompt: string): Promise<string> {
    const { stdin, stderr } = this.io;
    stderr.write(prompt);
    return new Promise((resolve, reject) => {
      let value = '';
      const finish = (error?: Error) => {
        stdin.off('data', onData);
        stdin.setRawMode?.(false);
        stdin.pause();
        stderr.write('\n');
        if (error) reject(error);
        else resolve(value);
      };
      const onData = (chunk: Buffer | string) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n') return finish();
          if (char === '\u0003') return finish(new InterruptedError());
          if (char === '\u0004') {
            if (value.length === 0) return finish();
            continue;
          }
          if (char === '\u007f' || char === '\b') {
            value = [...value].slice(0, -1).join('');
            continue;
          }
          if (char >= ' ') value += char;
        }
      };
      stdin.setRawMode?.(true);
      stdin.resume();
      stdin.on('data', onData);
    });
  }
}

/** The first line, without "\n" or "\r\n". Nothing else is trimmed: spaces may be part of it. */
export function firstLine(text: string): string {
  const end = text.indexOf('\n');
  const line = end === -1 ? text : text.slice(0, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
