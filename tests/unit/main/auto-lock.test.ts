import { describe, expect, it, vi } from 'vitest';
import { AutoLock, type Clock } from '../../../electron/main/auto-lock.ts';

/** A clock whose time moves only when the test says so, firing due timers as it goes. */
function fakeClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (id) => timers.delete(id as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.size, setNow: (value: number) => (now = value) };
}

const MINUTE = 60_000;

describe('AutoLock', () => {
  it('locks after the configured minutes without activity, once', () => {
    const { clock, advance, pending } = fakeClock();
    const onIdle = vi.fn();
    const autoLock = new AutoLock({ minutes: () => 5, onIdle, clock });
    autoLock.activity();
    advance(5 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    advance(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    advance(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(pending()).toBe(0);
  });

  it('restarts the idle period on activity', () => {
    const { clock, advance } = fakeClock();
    const onIdle = vi.fn();
    const autoLock = new AutoLock({ minutes: () => 5, onIdle, clock });
    autoLock.activity();
    advance(4 * MINUTE);
    autoLock.activity();
    advance(4 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    advance(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('applies a shorter delay at once when rescheduled', () => {
    const { clock, advance } = fakeClock();
    const onIdle = vi.fn();
    let minutes = 30;
    const autoLock = new AutoLock({ minutes: () => minutes, onIdle, clock });
    autoLock.activity();
    advance(3 * MINUTE);
    minutes = 2;
    autoLock.reschedule();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('check() lets a harness with a fake now trigger the lock', () => {
    const { clock, setNow } = fakeClock();
    const onIdle = vi.fn();
    const autoLock = new AutoLock({ minutes: () => 1, onIdle, clock });
    autoLock.activity();
    setNow(2 * MINUTE);
    autoLock.check();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing after dispose', () => {
    const { clock, advance, pending } = fakeClock();
    const onIdle = vi.fn();
    const autoLock = new AutoLock({ minutes: () => 1, onIdle, clock });
    autoLock.activity();
    autoLock.dispose();
    autoLock.activity();
    advance(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(pending()).toBe(0);
  });
});
