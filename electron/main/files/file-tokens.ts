/**
 * Opaque, single-use, short-lived tokens standing for files the USER chose (in the OS file dialog
 * or by dropping them on the window). The renderer only ever sees the token, the base name and the
 * size; the path stays here. `evidence:add` takes tokens, so a compromised renderer cannot make
 * main read a file it invented: it can only spend tokens main issued for the user's own choice.
 *
 * Why single use and short-lived: a token that stays valid is a capability lying around; one
 * intake spends it, and anything not spent within `ttlMs` (or before the vault locks) is gone.
 * MUST NOT import electron.
 */
import { randomBytes } from 'node:crypto';
import { CaseVaultError } from '../../../shared/errors.ts';

export interface ChosenFile {
  /** Absolute path, never sent to the renderer. */
  path: string;
  /** Base name, shown to the user and kept as the item's original name. */
  name: string;
  size: number;
}

export interface FileTokenOptions {
  now?: () => number;
  /** How long a token stays valid; 10 minutes gives time to fill in the source fields. */
  ttlMs?: number;
  /** Bound on outstanding tokens so a looping renderer cannot grow main's memory. */
  maxTokens?: number;
  randomToken?: () => string;
}

export const FILE_TOKEN_TTL_MS = 10 * 60 * 1000;
export const MAX_FILE_TOKENS = 1000;
/** Detail of the error for a token that cannot be spent (the renderer shows "choose again"). */
export const FILE_SELECTION_DETAIL = 'file-selection';
/** 32 random bytes, hex: unguessable, and trivially checked by the contract's regex. */
export const FILE_TOKEN_PATTERN = /^[0-9a-f]{64}$/;

interface Entry extends ChosenFile {
  expiresAt: number;
}

export class FileTokenRegistry {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #maxTokens: number;
  readonly #randomToken: () => string;

  constructor(opts: FileTokenOptions = {}) {
    this.#now = opts.now ?? Date.now;
    this.#ttlMs = opts.ttlMs ?? FILE_TOKEN_TTL_MS;
    this.#maxTokens = opts.maxTokens ?? MAX_FILE_TOKENS;
    this.#randomToken = opts.randomToken ?? (() => randomBytes(32).toString('hex'));
  }

  /** Registers a file the user chose and returns its token. */
  issue(file: ChosenFile): string {
    this.#sweep();
    if (this.#entries.size >= this.#maxTokens) {
      // Drop the oldest: a renderer picking files in a loop loses its own old tokens, nothing else.
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    const token = this.#randomToken();
    this.#entries.set(token, { ...file, expiresAt: this.#now() + this.#ttlMs });
    return token;
  }

  /**
   * Spends every token at once and returns their files in order. All or nothing: if one token is
   * unknown, expired, already spent or repeated, none is spent and INVALID_INPUT is thrown with the
   * detail `file-selection:<position>` (never a path); the UI asks the user to choose again.
   */
  take(tokens: readonly string[]): ChosenFile[] {
    this.#sweep();
    const seen = new Set<string>();
    tokens.forEach((token, index) => {
      if (seen.has(token) || !this.#entries.has(token)) {
        throw new CaseVaultError('INVALID_INPUT', `${FILE_SELECTION_DETAIL}:${index + 1}`);
      }
      seen.add(token);
    });
    return tokens.map((token) => {
      const { path, name, size } = this.#entries.get(token)!;
      this.#entries.delete(token);
      return { path, name, size };
    });
  }

  /** Forgets every token (the vault locked: whatever was chosen must be chosen again). */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    this.#sweep();
    return this.#entries.size;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [token, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(token);
    }
  }
}
