/**
 * HTTP `Range: bytes=…` parsing for the evidence preview protocol (RFC 9110 §14). Strict on
 * purpose: one range only, digits only, no whitespace games. Anything malformed, a multi-range
 * request, a zero-length suffix or a start past the end is "unsatisfiable" (416) rather than
 * quietly answered with the whole file, so a bad request never makes main decrypt more than asked.
 * MUST NOT import electron.
 */

export type RangeRequest =
  | { kind: 'none' }
  /** Inclusive byte positions, already clamped to the resource. */
  | { kind: 'range'; start: number; end: number }
  | { kind: 'unsatisfiable' };

/** Longer numbers cannot be real offsets and would lose precision. */
const MAX_DIGITS = 15;
const SINGLE_RANGE = /^bytes=(\d{0,15})-(\d{0,15})$/;

export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  if (header === null || header === undefined) return { kind: 'none' };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: 'unsatisfiable' };
  const [, first = '', last = ''] = match;
  if (first.length > MAX_DIGITS || last.length > MAX_DIGITS) return { kind: 'unsatisfiable' };
  if (first === '' && last === '') return { kind: 'unsatisfiable' };
  if (first === '') {
    // Suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return { kind: 'unsatisfiable' };
  if (last === '') return { kind: 'range', start, end: size - 1 };
  const end = Number(last);
  if (end < start) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: Math.min(end, size - 1) };
}
