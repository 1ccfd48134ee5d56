import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/en.json';
import fr from '../../renderer/src/i18n/fr.json';

function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      for (const [inner, leaf] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(inner, leaf);
    }
  } else {
    out.set(prefix, tree);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  const frKeys = flatten(fr);
  const enKeys = flatten(en);

  it('French and English have exactly the same keys', () => {
    expect([...frKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('has no empty or non-string value', () => {
    for (const [key, value] of [...frKeys, ...enKeys]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim().length, key).toBeGreaterThan(0);
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    for (const [key, value] of frKeys) {
      expect(placeholders(value as string), key).toEqual(placeholders(enKeys.get(key) as string));
    }
  });

  it('French uses typographic apostrophes and a no-break space before : ; ? !', () => {
    for (const [key, value] of frKeys) {
      const text = value as string;
      expect(text.includes("'"), `${key}: straight apostrophe`).toBe(false);
      expect(/ [:;?!]/.test(text), `${key}: ordinary space before punctuation`).toBe(false);
    }
  });
});
