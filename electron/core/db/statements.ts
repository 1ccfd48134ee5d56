/**
 * Prepared statements cached per connection. better-sqlite3 keeps ~3 KB of native memory for
 * every `prepare()` until the statement is garbage-collected, and preparing is about half the CPU
 * of a record write (docs/benchmarks.md): preparing each statement on every call made a 1.1M-record
 * import exhaust 24 GB. Statements are keyed by their SQL text — which only ever comes from our own
 * code, never from input — and the cache goes with the connection (a WeakMap on the handle).
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { VaultDatabase } from './open.ts';

const caches = new WeakMap<VaultDatabase, Map<string, Statement>>();

function cacheOf(db: VaultDatabase): Map<string, Statement> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The connection's statement for `sql`, prepared once. */
export function prepared(db: VaultDatabase, sql: string): Statement {
  const cache = cacheOf(db);
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * Same, returning only the first column. A separate entry: `pluck()` changes the statement object
 * for good, so a plucked and a plain use of the same SQL must not share one.
 */
export function plucked(db: VaultDatabase, sql: string): Statement {
  const cache = cacheOf(db);
  const key = `\u0000pluck\u0000${sql}`;
  let statement = cache.get(key);
  if (!statement) {
    statement = db.prepare(sql).pluck();
    cache.set(key, statement);
  }
  return statement;
}
