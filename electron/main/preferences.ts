/**
 * Non-secret preferences (language, auto-lock delay) in `<userData>/preferences.json`.
 *
 * Read once, synchronously, at start-up and validated with the contract's SettingsSchema: a file that
 * is missing, unreadable or not exactly valid gives the defaults (a broken preferences file must
 * never keep the vault from opening). Writes are atomic — temp file, fsync, rename, fsync of the
 * folder — and serialised, so a crash leaves either the old file or the new one.
 * No electron import: the e2e harness uses this in plain Node.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Settings, SettingsSchema } from '../../shared/ipc/contract.ts';

export const DEFAULT_AUTO_LOCK_MINUTES = 5;

export class PreferencesStore {
  readonly file: string;
  #current: Settings;
  #writing: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<(settings: Settings) => void>();

  constructor(opts: { file: string; defaults: Settings }) {
    this.file = opts.file;
    this.#current = readSettings(opts.file, SettingsSchema.parse(opts.defaults));
  }

  get(): Settings {
    return { ...this.#current };
  }

  /** Merges, validates, writes atomically, then notifies listeners. Rejects if the disk write fails. */
  async set(patch: Partial<Settings>): Promise<Settings> {
    // Merged inside the queue: two quick calls must build on each other, not both on the old value.
    const run = this.#writing.then(async () => {
      const next = SettingsSchema.parse({ ...this.#current, ...patch });
      await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
      this.#current = next;
      for (const listener of this.#listeners) listener(this.get());
      return this.get();
    });
    this.#writing = run.catch(() => undefined);
    return run;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

function readSettings(file: string, defaults: Settings): Settings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return defaults;
  }
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON
  }
  console.warn('[preferences] preferences.json is not valid; using the defaults');
  return defaults;
}

/** temp file in the same folder + fsync + rename + fsync(folder): the KeePassXC way of saving. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open a folder for fsync: best effort there.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}

/** French when the system's first language is French, English otherwise. */
export function systemLanguageFrom(locales: readonly string[]): 'fr' | 'en' {
  const first = locales.find((locale) => locale.trim() !== '');
  return first?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
