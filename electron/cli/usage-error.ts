import type { MessageKey } from './messages.ts';

/**
 * A mistake in how the CLI was called (exit 1, code INVALID_INPUT). It carries a message key, not
 * text, so it is rendered in the language chosen by --lang even when raised before --lang is read.
 * Values are option names or command names, never what the user typed after an option.
 */
export class UsageError extends Error {
  readonly key: MessageKey;
  readonly values: Record<string, string>;

  constructor(key: MessageKey, values: Record<string, string> = {}) {
    super(key);
    this.name = 'UsageError';
    this.key = key;
    this.values = values;
  }
}

/** The user pressed Ctrl-C at a prompt (exit 130, the shell convention for SIGINT). */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}
