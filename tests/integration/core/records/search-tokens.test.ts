/**
 * search-tokens.ts must give exactly FTS5's tokens, or the terms table would miss words that the
 * index holds (and prefix search would stop finding them). Checked against a real FTS5 table.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { distinctTokens, ftsTokens } from '../../../../electron/core/records/search-tokens.ts';

const db = new Database(':memory:');
db.exec(`
  CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2');
  CREATE VIRTUAL TABLE t_terms USING fts5vocab (t, 'instance');
`);
afterAll(() => db.close());

function fts5(texts: readonly string[]): string[][] {
  db.exec('DELETE FROM t');
  const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
  for (const [i, text] of texts.entries()) insert.run(i + 1, text);
  const out: string[][] = texts.map(() => []);
  for (const row of db.prepare('SELECT doc, term FROM t_terms ORDER BY doc, offset').iterate() as Iterable<{
    doc: number;
    term: string;
  }>)
    out[row.doc - 1]!.push(row.term);
  return out;
}

/** Letters and marks of the scripts a vault is likely to hold, plus the odd ones. */
const pieces = fc.constantFrom(
  ...'aeiouyzAEZéèêëàâäîïôöùûüçÉÈÀÇœŒæÆßſµǡǢǼøØłŁŋŊɓɗƴƳ’\'-_.,;:!?«»"() \t\n0123456789²½',
  ...'ÿŸİıĞğŞşÑñÅåĀāĒēǍǎ',
  'e\u0301',
  'a\u0300\u0308',
  '\u0301',
  '\u0305',
  'كَتَبَ',
  'مرحبا',
  'Привет',
  'Ελληνικά',
  '日本語',
  '한국어',
  'ሰላም',
  '🙂',
  '\u00a0',
  '\u200b',
  '\ud800',
  'x\udc00y',
  '\ue000',
);

describe('FTS5 tokens in JS', () => {
  it('equals unicode61 remove_diacritics 2 on texts mixing scripts, accents, marks and symbols', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
          { minLength: 1, maxLength: 20 },
        ),
        (texts) => {
          expect(texts.map(ftsTokens)).toEqual(fts5(texts));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equals it on any string fast-check makes up, whole Unicode range included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 20 }),
        (texts) => {
          expect(texts.map(ftsTokens)).toEqual(fts5(texts));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('equals it for every code point below U+3000 and one in 11 of the rest of the BMP', () => {
    const texts: string[] = [];
    for (let cp = 0; cp < 0x10000; cp += cp < 0x3000 ? 1 : 11) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      texts.push(`ab${String.fromCodePoint(cp)}cd ${String.fromCodePoint(cp)}`);
    }
    const expected = fts5(texts);
    const mismatches = texts.filter((text, i) => ftsTokens(text).join('|') !== expected[i]!.join('|'));
    expect(mismatches).toEqual([]);
  });

  it('folds accents and case and keeps repeats; distinctTokens drops them', () => {
    expect(ftsTokens('Menaces reçues à Thiès, MENACES.')).toEqual([
      'menaces',
      'recues',
      'a',
      'thies',
      'menaces',
    ]);
    expect([...distinctTokens('Menaces reçues à Thiès, MENACES.')]).toEqual([
      'menaces',
      'recues',
      'a',
      'thies',
    ]);
  });
});
