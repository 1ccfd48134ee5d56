import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRange } from '../../../electron/main/http-range.ts';

describe('HTTP Range parsing', () => {
  it.each([
    [null, 100, { kind: 'none' }],
    ['bytes=0-9', 100, { kind: 'range', start: 0, end: 9 }],
    ['bytes=10-', 100, { kind: 'range', start: 10, end: 99 }],
    ['bytes=90-200', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-10', 100, { kind: 'range', start: 90, end: 99 }],
    ['bytes=-500', 100, { kind: 'range', start: 0, end: 99 }],
    ['bytes=99-99', 100, { kind: 'range', start: 99, end: 99 }],
    [' bytes=0-0 ', 100, { kind: 'range', start: 0, end: 0 }],
  ])('%j of %d bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it.each([
    ['bytes=100-', 100, 'start at the end'],
    ['bytes=100-120', 100, 'start past the end'],
    ['bytes=5-4', 100, 'end before start'],
    ['bytes=-0', 100, 'empty suffix'],
    ['bytes=-', 100, 'no numbers'],
    ['bytes=0-1,5-6', 100, 'multi-range'],
    ['bytes=a-b', 100, 'letters'],
    ['bytes=1.5-2', 100, 'decimal'],
    ['items=0-1', 100, 'another unit'],
    ['bytes = 0-1', 100, 'spaces inside'],
    ['bytes=0x10-', 100, 'hex'],
    ['bytes=9999999999999999-', 100, 'too many digits'],
    ['bytes=-1', 0, 'suffix of an empty file'],
    ['bytes=0-', 0, 'any range of an empty file'],
    ['', 100, 'empty header'],
  ])('%j of %d bytes is unsatisfiable (%s)', (header, size) => {
    expect(parseRange(header, size)).toEqual({ kind: 'unsatisfiable' });
  });

  it('never returns a range outside the resource', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 1 << 30 }), (header, size) => {
        const result = parseRange(header, size);
        if (result.kind !== 'range') return;
        expect(result.start).toBeGreaterThanOrEqual(0);
        expect(result.end).toBeGreaterThanOrEqual(result.start);
        expect(result.end).toBeLessThan(size);
      }),
    );
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(2000), fc.integer({ min: 1, max: 1000 }), (a, b, size) => {
        const result = parseRange(`bytes=${a}-${b}`, size);
        if (a <= b && a < size)
          expect(result).toEqual({ kind: 'range', start: a, end: Math.min(b, size - 1) });
        else expect(result).toEqual({ kind: 'unsatisfiable' });
      }),
    );
  });
});
