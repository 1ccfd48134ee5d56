/**
 * The words FTS5 indexes for a text, computed in JS and identical to what the `search_index`
 * tokenizer (`unicode61 remove_diacritics 2`) produces — the terms table (search-terms.ts) lists
 * them, and a word missing from it would be a match search can no longer find.
 *
 * unicode61 decides code point by code point, without context: a code point is a separator, or a
 * token character that folds (lower case, diacritics removed) to another code point or to nothing
 * (a combining accent). JS's own Unicode data is newer than the tokenizer's (Unicode 6.1) and its
 * folding differs (NFD splits ǡ, µ stays µ, Hangul decomposes…), so rather than imitating it, each
 * code point is asked of FTS5 itself the first time it is seen: a private in-memory SQLite (no file,
 * nothing on disk) tokenizes `q<c>q` and the answer is cached for the life of the process. A vault's
 * alphabet is small, so after the first records every lookup is a Map hit.
 */
import Database from 'better-sqlite3-multiple-ciphers';

/** A separator ends the current word; '' is a token character that folds to nothing. */
const SEPARATOR = null;
type Fold = string | typeof SEPARATOR;

const folds = new Map<number, Fold>();
/** The same answers for ASCII in an array: most of a text, and an array index beats a Map lookup. */
const ascii: Array<Fold | undefined> = new Array(0x80).fill(undefined);
let oracle: Database.Database | undefined;

function oracleDb(): Database.Database {
  if (!oracle) {
    oracle = new Database(':memory:');
    oracle.exec(`
      CREATE VIRTUAL TABLE probe USING fts5 (t, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE probe_terms USING fts5vocab (probe, 'instance');
    `);
  }
  return oracle;
}

/** Asks FTS5 how it tokenizes each code point (one batch, one transaction). */
function learn(codePoints: readonly number[]): void {
  const db = oracleDb();
  const insert = db.prepare('INSERT INTO probe (rowid, t) VALUES (?, ?)');
  const terms = db.prepare('SELECT doc, term FROM probe_terms ORDER BY doc, offset');
  const learned = db.transaction(() => {
    for (const cp of codePoints) insert.run(cp, `q${String.fromCodePoint(cp)}q`);
    const byDoc = new Map<number, string[]>();
    for (const row of terms.iterate() as Iterable<{ doc: number; term: string }>) {
      const list = byDoc.get(row.doc);
      if (list) list.push(row.term);
      else byDoc.set(row.doc, [row.term]);
    }
    db.exec('DELETE FROM probe');
    return byDoc;
  })();
  for (const cp of codePoints) {
    const got = learned.get(cp) ?? [];
    const [only] = got;
    // `q`, `q`: a separator; `q…q`: a token character folding to what lies between.
    if (got.length === 1 && only!.length >= 2 && only!.startsWith('q') && only!.endsWith('q'))
      folds.set(cp, only!.slice(1, -1));
    else folds.set(cp, SEPARATOR);
    if (cp < 0x80) ascii[cp] = folds.get(cp);
  }
}

/**
 * The code point at `i` as SQLite will see it: a lone surrogate cannot be encoded in UTF-8 and is
 * stored as U+FFFD, so the same text tokenizes the same before and after a round trip.
 */
function codePointAt(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  return cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
}

/** Learns every code point of `text` not seen yet, in one batch. */
function learnText(text: string): void {
  const unknown = new Set<number>();
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    if (!folds.has(cp)) unknown.add(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  if (unknown.size > 0) learn([...unknown]);
}

/** FTS5's tokens of `text`, in order, repeats kept. */
export function ftsTokens(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let inToken = false;
  for (let i = 0; i < text.length; ) {
    const cp = codePointAt(text, i);
    i += cp > 0xffff ? 2 : 1;
    let fold = cp < 0x80 ? ascii[cp] : folds.get(cp);
    if (fold === undefined) {
      learnText(text);
      fold = folds.get(cp)!;
    }
    if (fold === SEPARATOR) {
      if (inToken && current !== '') out.push(current);
      current = '';
      inToken = false;
    } else {
      current += fold;
      inToken = true;
    }
  }
  if (inToken && current !== '') out.push(current);
  return out;
}

/** The distinct tokens of `text`. */
export function distinctTokens(text: string): Set<string> {
  return new Set(ftsTokens(text));
}
