import { useEffect } from 'react';
import { client } from '../ipc/client.ts';

export const ACTIVITY_THROTTLE_MS = 15_000;

/**
 * Tells main "the user is here" so the idle auto-lock does not fire while someone works, at most
 * once per 15 s however busy the keyboard is. Only while unlocked: a locked vault has no timer.
 */
export function useActivityReporter(enabled: boolean, now: () => number = Date.now): void {
  useEffect(() => {
    if (!enabled) return;
    let last = Number.NEGATIVE_INFINITY;
    const report = () => {
      const at = now();
      if (at - last < ACTIVITY_THROTTLE_MS) return;
      last = at;
      client.activity().catch(() => {
        // Best effort: if main does not hear us, the worst case is an early lock.
      });
    };
    const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
    for (const name of events) window.addEventListener(name, report, { passive: true, capture: true });
    return () => {
      for (const name of events) window.removeEventListener(name, report, { capture: true });
    };
  }, [enabled, now]);
}
