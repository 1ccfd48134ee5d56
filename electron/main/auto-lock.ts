/**
 * Locks the vault after `minutes()` without user activity. The clock is injected so tests (and the
 * e2e harness) can move time; `check()` evaluates immediately, for a harness with a fake `now`.
 *
 * The timer is armed by activity and disarmed when it fires, so an idle, locked app does not wake
 * up every few minutes. No electron import.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // Never keep a process (the CLI, a test run) alive just for the idle timer.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutoLock {
  readonly #minutes: () => number;
  readonly #onIdle: () => void;
  readonly #clock: Clock;
  #lastActivity: number;
  #timer: unknown;
  #disposed = false;

  constructor(opts: { minutes: () => number; onIdle: () => void; clock?: Clock }) {
    this.#minutes = opts.minutes;
    this.#onIdle = opts.onIdle;
    this.#clock = opts.clock ?? systemClock;
    this.#lastActivity = this.#clock.now();
  }

  /** The user did something: restart the idle period. Cheap; the renderer throttles calls anyway. */
  activity(): void {
    if (this.#disposed) return;
    this.#lastActivity = this.#clock.now();
    if (this.#timer === undefined) this.#arm(this.#timeoutMs());
  }

  /** The delay changed: re-evaluate now so a shorter delay takes effect at once. */
  reschedule(): void {
    if (this.#timer === undefined) return;
    this.#disarm();
    this.check();
  }

  /** Locks now if the idle period has passed; otherwise waits for the remainder. */
  check(): void {
    if (this.#disposed) return;
    this.#disarm();
    const remaining = this.#lastActivity + this.#timeoutMs() - this.#clock.now();
    if (remaining <= 0) {
      this.#onIdle();
    } else {
      this.#arm(remaining);
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#disarm();
  }

  #timeoutMs(): number {
    return this.#minutes() * 60_000;
  }

  #arm(ms: number): void {
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.check();
    }, ms);
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
