/**
 * Threat: a key card altered in transit (a name put on an attacker's keys, a key swapped under a
 * trusted name). Every single-byte change of either form must be refused — never accepted as a
 * different valid card.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { cardToFile, cardToText, parseCard } from '../../../../electron/core/identity/card.ts';
import { makeCard } from './card-helpers.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const REFUSALS = new Set(['CARD_MALFORMED', 'CARD_SIGNATURE_INVALID', 'CARD_VERSION_UNSUPPORTED']);

function outcome(input: string): string {
  try {
    parseCard(sodium, input);
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code ?? 'foreign';
  }
}

describe('key card tampering', () => {
  it('refuses every byte of the binary card flipped (text form)', () => {
    const text = cardToText(makeCard(sodium, 11));
    const prefix = 'casevault-card:1:';
    const bytes = Buffer.from(text.slice(prefix.length), 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const copy = Buffer.from(bytes);
        copy[i]! ^= mask;
        const result = outcome(prefix + copy.toString('base64url'));
        expect(REFUSALS.has(result), `byte ${i} ^ ${mask}: ${result}`).toBe(true);
      }
    }
  });

  it('refuses every character of the text form changed', () => {
    const text = cardToText(makeCard(sodium, 12));
    for (let i = 0; i < text.length; i++) {
      const replacement = text[i] === 'A' ? 'B' : 'A';
      const result = outcome(text.slice(0, i) + replacement + text.slice(i + 1));
      expect(REFUSALS.has(result), `char ${i}: ${result}`).toBe(true);
    }
  });

  it('refuses every byte of the file form flipped, unless it still parses to the very same card', () => {
    const card = makeCard(sodium, 13);
    const file = Buffer.from(cardToFile(card));
    const original = cardToText(card);
    for (let i = 0; i < file.length; i++) {
      const copy = Buffer.from(file);
      copy[i]! ^= 0x01;
      let result: string;
      try {
        // JSON whitespace changes (e.g. a space turned into "!" breaks it; "\n" ↔ "\v") may still
        // parse; what must never happen is a DIFFERENT card being accepted.
        result = cardToText(parseCard(sodium, copy.toString('latin1'))) === original ? 'same' : 'different';
      } catch (error) {
        result = (error as { code?: string }).code ?? 'foreign';
      }
      expect(result === 'same' || REFUSALS.has(result), `byte ${i}: ${result}`).toBe(true);
    }
  });
});

describe('key card parser fuzzing', () => {
  it('never crashes, hangs or accepts on arbitrary text, bytes or JSON', () => {
    const valid = makeCard(sodium, 14);
    const text = cardToText(valid);
    const body = Buffer.from(text.slice('casevault-card:1:'.length), 'base64url');
    const refused = (input: string) => {
      const result = outcome(input);
      return REFUSALS.has(result);
    };
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (s) => refused(s) && refused(`casevault-card:1:${s}`)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), (bytes) =>
        refused(`casevault-card:1:${Buffer.from(bytes).toString('base64url')}`),
      ),
      { numRuns: 300 },
    );
    // Splices of the valid body: cut, extended, or with a random run overwritten.
    fc.assert(
      fc.property(
        fc.nat({ max: body.length }),
        fc.uint8Array({ minLength: 1, maxLength: 40 }),
        (at, patch) => {
          const copy = Buffer.concat([
            body.subarray(0, at),
            Buffer.from(patch),
            body.subarray(at + patch.length),
          ]);
          if (copy.equals(body)) return true;
          return refused(`casevault-card:1:${copy.toString('base64url')}`);
        },
      ),
      { numRuns: 300 },
    );
    const file = JSON.parse(cardToFile(valid)) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(file)), fc.jsonValue(), (key, value) => {
        if (JSON.stringify(value) === JSON.stringify(file[key])) return true;
        return refused(JSON.stringify({ ...file, [key]: value }));
      }),
      { numRuns: 300 },
    );
  });
});
