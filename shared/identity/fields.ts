/**
 * The rule for a key card's text fields (name, organisation, role), shared by the card parser, the
 * identity editor and the renderer's form. A card is signed over these exact strings, so they must
 * have one spelling: NFC, no surrounding spaces. Control and bidirectional-override characters are
 * refused because they can make one name look like another on screen (U+202E can show
 * "Maître Diallo" for a string that reads differently).
 */
import { CARD_LIMITS } from './constants.ts';

export type CardField = 'name' | 'organisation' | 'role';
export type FieldProblem = 'empty' | 'too-long' | 'not-normalised' | 'forbidden-character';

// C0/C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates, marks LRM/RLM/ALM,
// zero-width joiners and the BOM.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/** `undefined` when the value may go on a card as is. */
export function cardFieldProblem(field: CardField, value: string): FieldProblem | undefined {
  const { min, max } = CARD_LIMITS[field];
  if (value.length < min) return 'empty';
  if (value.length > max) return 'too-long';
  if (FORBIDDEN.test(value)) return 'forbidden-character';
  if (value !== value.normalize('NFC') || value !== value.trim() || /\s{2,}/u.test(value))
    return 'not-normalised';
  return undefined;
}

/** What an editor does to typed text before checking it: NFC, trimmed, inner runs of spaces collapsed. */
export function normaliseCardField(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/**
 * The key under which two cards count as "the same person" for key-change detection: the name and
 * the organisation, normalised and case-folded (docs/key-card-format.md §Same contact).
 */
export function contactMatchKey(name: string, organisation: string): string {
  const fold = (s: string) => normaliseCardField(s).toLowerCase();
  return `${fold(name)}\u0000${fold(organisation)}`;
}
