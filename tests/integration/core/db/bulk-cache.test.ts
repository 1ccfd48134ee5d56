import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BULK_CACHE_KIB, withBulkCache } from '../../../../electron/core/db/bulk.ts';
import type { VaultDatabase } from '../../../../electron/core/db/open.ts';
import { tempDir } from '../../../helpers/vault.ts';
import { freshDatabase } from '../migrations/helpers.ts';

let dir: string;
let cleanup: () => void;
let db: VaultDatabase;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = freshDatabase(dir).db;
});
afterEach(() => {
  db.close();
  cleanup();
});

const cacheSize = () => db.pragma('cache_size', { simple: true });

describe('withBulkCache', () => {
  it('raises the page cache for the work only, then gives it back', () => {
    const before = cacheSize();
    expect(before).toBe(-65536);
    const seen = withBulkCache(db, () => cacheSize());
    expect(seen).toBe(-BULK_CACHE_KIB);
    expect(cacheSize()).toBe(before);
  });

  it('gives it back when the work throws (an import refused half-way)', () => {
    const before = cacheSize();
    expect(() =>
      withBulkCache(db, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(cacheSize()).toBe(before);
  });
});
