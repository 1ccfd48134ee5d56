/**
 * State for "choose a passphrase + confirm it" (create, recover, change). `reset()` is called
 * right after every submit so no passphrase lingers in React state.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Language } from '../../../shared/errors.ts';
import { estimateStrength, type Strength } from './strength.ts';

export interface NewPassphrase {
  value: string;
  confirm: string;
  setValue(next: string): void;
  setConfirm(next: string): void;
  strength: Strength;
  /** True once the confirmation is typed and differs. */
  mismatch: boolean;
  ready: boolean;
  /** After a submit attempt an empty confirmation also counts as a mismatch. */
  markSubmitted(): void;
  reset(): void;
}

export function useNewPassphrase(language: Language): NewPassphrase {
  const [value, setValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // zxcvbn takes a few ms on long inputs: let typing stay responsive.
  const deferred = useDeferredValue(value);
  const strength = useMemo(() => estimateStrength(deferred, language), [deferred, language]);
  const mismatch = (confirm.length > 0 || submitted) && confirm !== value;
  const ready = deferred === value && strength.acceptable && confirm === value;
  return {
    value,
    confirm,
    setValue,
    setConfirm,
    strength,
    mismatch,
    ready,
    markSubmitted() {
      setSubmitted(true);
    },
    reset() {
      setValue('');
      setConfirm('');
      setSubmitted(false);
    },
  };
}
