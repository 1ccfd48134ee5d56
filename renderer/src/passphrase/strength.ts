/**
 * Passphrase strength, estimated with zxcvbn-ts against the common, French and English
 * dictionaries (our users type French words). The gate is the core's PASSPHRASE_TOO_WEAK rule:
 * at least 12 characters AND a zxcvbn score of at least 3. The core checks again; this is only
 * so the user learns it before waiting for Argon2.
 */
import { type Score, ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import type { Language } from '../../../shared/errors.ts';

export const MIN_PASSPHRASE_LENGTH = 12;
export const MIN_PASSPHRASE_SCORE = 3;

export interface Strength {
  score: Score;
  length: number;
  /** Meets the core's rule. */
  acceptable: boolean;
  /** zxcvbn's own hint in the UI language, when it has one. */
  warning: string | null;
  suggestions: string[];
}

const factories = new Map<Language, ZxcvbnFactory>();

function factory(language: Language): ZxcvbnFactory {
  let found = factories.get(language);
  if (!found) {
    found = new ZxcvbnFactory({
      translations: language === 'fr' ? fr.translations : en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    });
    factories.set(language, found);
  }
  return found;
}

/** Counts user-perceived characters, like the core does (an emoji or an accent counts once). */
export function characterCount(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length;
}

export function estimateStrength(passphrase: string, language: Language): Strength {
  const length = characterCount(passphrase);
  if (passphrase.length === 0) {
    return { score: 0, length, acceptable: false, warning: null, suggestions: [] };
  }
  const result = factory(language).check(passphrase.slice(0, 256));
  return {
    score: result.score,
    length,
    acceptable: length >= MIN_PASSPHRASE_LENGTH && result.score >= MIN_PASSPHRASE_SCORE,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}
