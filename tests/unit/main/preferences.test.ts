import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PreferencesStore, systemLanguageFrom } from '../../../electron/main/preferences.ts';

const DEFAULTS = { language: 'fr', autoLockMinutes: 5 } as const;

function tempFile(content?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-prefs-'));
  const file = join(dir, 'preferences.json');
  if (content !== undefined) writeFileSync(file, content);
  return { dir, file };
}

describe('PreferencesStore', () => {
  it('starts from the defaults when there is no file', () => {
    const { file } = tempFile();
    expect(new PreferencesStore({ file, defaults: DEFAULTS }).get()).toEqual(DEFAULTS);
  });

  it.each([
    ['not JSON', '{language: fr'],
    ['an array', '[]'],
    ['an unknown language', '{"language":"de","autoLockMinutes":5}'],
    ['a zero delay', '{"language":"en","autoLockMinutes":0}'],
    ['an extra field', '{"language":"en","autoLockMinutes":5,"vaultDir":"/tmp/x"}'],
    ['a missing field', '{"language":"en"}'],
  ])('falls back to the defaults on %s', (_name, content) => {
    const { file } = tempFile(content);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(new PreferencesStore({ file, defaults: DEFAULTS }).get()).toEqual(DEFAULTS);
    vi.restoreAllMocks();
  });

  it('reads a valid file', () => {
    const { file } = tempFile('{"language":"en","autoLockMinutes":15}');
    expect(new PreferencesStore({ file, defaults: DEFAULTS }).get()).toEqual({
      language: 'en',
      autoLockMinutes: 15,
    });
  });

  it('writes atomically: the file is complete, no temp file is left, a new store reads it', async () => {
    const { dir, file } = tempFile();
    const store = new PreferencesStore({ file, defaults: DEFAULTS });
    const listener = vi.fn();
    store.onChange(listener);
    await Promise.all([store.set({ autoLockMinutes: 10 }), store.set({ language: 'en' })]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'en', autoLockMinutes: 10 });
    expect(readdirSync(dir)).toEqual(['preferences.json']);
    expect(new PreferencesStore({ file, defaults: DEFAULTS }).get()).toEqual({
      language: 'en',
      autoLockMinutes: 10,
    });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps the old settings and file when the write fails', async () => {
    const { dir } = tempFile();
    // The "file" is a directory: rename onto it fails.
    const store = new PreferencesStore({ file: dir, defaults: DEFAULTS });
    await expect(store.set({ autoLockMinutes: 10 })).rejects.toThrow();
    expect(store.get()).toEqual(DEFAULTS);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses invalid values', async () => {
    const { file } = tempFile();
    const store = new PreferencesStore({ file, defaults: DEFAULTS });
    await expect(store.set({ autoLockMinutes: 0 })).rejects.toThrow();
    expect(store.get()).toEqual(DEFAULTS);
  });
});

describe('systemLanguageFrom', () => {
  it.each([
    [['fr-FR', 'en-US'], 'fr'],
    [['fr'], 'fr'],
    [['FR-ca'], 'fr'],
    [['en-GB', 'fr-FR'], 'en'],
    [['de-DE'], 'en'],
    [[], 'en'],
    [['', 'fr-BE'], 'fr'],
  ] as const)('%j → %s', (locales, language) => {
    expect(systemLanguageFrom(locales)).toBe(language);
  });
});
