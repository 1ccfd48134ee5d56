/**
 * What a person types, and the filters, as one FTS5 MATCH expression over migration 0009's index.
 *
 * Each typed word is a prefix, as before; what changes is how FTS5 is asked. `"menace"*` makes FTS5
 * merge the doclists of every indexed word starting with "menace" before it returns a row (6–10 ms
 * for a common word at 1.1M records, however few rows are wanted). The terms table lists those
 * words, so the prefix becomes `("menace" OR "menaces")`, which FTS5 walks lazily from the newest
 * row and stops after the few hundred search ranks: the same rows, a fraction of a millisecond.
 * A prefix that starts no word means no record can match: no query at all. A prefix that starts
 * more than MAX_EXPANSION words (one or two letters) keeps FTS5's own prefix query, as before.
 *
 * Words are searched in the title and text only (`{title body}`); each filter is a facet token
 * (search-index.ts) in the `facets` column, so FTS5 skips to the rows that pass it.
 */
import type { VaultDatabase } from '../db/open.ts';
import { plucked } from '../db/statements.ts';
import type { SearchFilters } from './search.ts';
import { facetToken } from './search-index.ts';
import { ftsTokens } from './search-tokens.ts';

/** More words than this for one prefix and FTS5's prefix query is used instead of an OR. */
export const MAX_EXPANSION = 64;
/** Above this many years a date range is checked row by row only (no year facets). */
const MAX_YEARS = 40;
/** The highest code point: `term < prefix || U+10FFFF` bounds the words starting with `prefix`. */
const LAST = '\u{10FFFF}';

/** The words typed (letters and digits), at most 16, as the search box has always split them. */
export function typedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
}

/** The indexed words that start with `prefix`, up to `max + 1`. */
export function wordsStartingWith(db: VaultDatabase, prefix: string, max = MAX_EXPANSION): string[] {
  return plucked(
    db,
    `SELECT term FROM search_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ${max + 1}`,
  ).all(prefix, prefix + LAST) as string[];
}

/** One typed word as an FTS5 expression; null when no indexed word starts with it. */
function wordExpression(db: VaultDatabase, word: string): string | null {
  const tokens = ftsTokens(word);
  // A word FTS5 splits in several tokens (a letter it takes for a separator) stays a phrase prefix.
  if (tokens.length !== 1) return `"${word}"*`;
  const words = wordsStartingWith(db, tokens[0]!);
  if (words.length === 0) return null;
  if (words.length > MAX_EXPANSION) return `"${word}"*`;
  return words.length === 1 ? `"${words[0]}"` : `(${words.map((w) => `"${w}"`).join(' OR ')})`;
}

function yearsBetween(from: string | undefined, to: string | undefined): string[] | null {
  const first = from?.match(/^\d{4}/)?.[0];
  const last = to?.match(/^\d{4}/)?.[0];
  if (first === undefined || last === undefined) return null;
  const span = Number(last) - Number(first);
  if (span < 0) return [];
  if (span >= MAX_YEARS) return null;
  return Array.from({ length: span + 1 }, (_, i) => String(Number(first) + i).padStart(4, '0'));
}

/**
 * The MATCH expression, or null when nothing can match (no word typed, a word that starts no
 * indexed word, an empty date range).
 */
export function matchExpression(db: VaultDatabase, text: string, filters: SearchFilters): string | null {
  const typed = typedWords(text);
  if (typed.length === 0) return null;
  const parts: string[] = [];
  for (const word of typed) {
    const expression = wordExpression(db, word);
    if (expression === null) return null;
    parts.push(`{title body} : ${expression}`);
  }
  const facet = (name: Parameters<typeof facetToken>[0], value: string | undefined) => {
    if (value !== undefined && value !== '') parts.push(`{facets} : "${facetToken(name, value)}"`);
  };
  facet('entity', filters.entity);
  facet('status', filters.caseStatus);
  facet('kind', filters.caseKind);
  facet('country', filters.country);
  facet('tag', filters.tag);
  const years = yearsBetween(filters.from, filters.to);
  if (years !== null) {
    if (years.length === 0) return null;
    parts.push(`{facets} : (${years.map((y) => `"${facetToken('year', y)}"`).join(' OR ')})`);
  }
  return parts.join(' AND ');
}
