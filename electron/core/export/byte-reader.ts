/**
 * Reads exact byte counts from an async iterable of chunks (a file stream, a socket, an array in
 * tests) without ever allocating from a length it did not bound itself: callers only ask for
 * header fields and at most one payload chunk at a time. Every byte pulled from the source goes
 * through SHA-256, so the opener can name the whole file's hash (receipts, audit log).
 */
import { createHash, type Hash } from 'node:crypto';

export class ByteReader {
  #iterator: AsyncIterator<Uint8Array>;
  #current: Uint8Array = new Uint8Array(0);
  #pos = 0;
  #done = false;
  #hash: Hash = createHash('sha256');
  /** Bytes handed out so far (offset of the next byte in the file). */
  offset = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#iterator = source[Symbol.asyncIterator]();
  }

  async #fill(): Promise<boolean> {
    while (this.#pos >= this.#current.length) {
      if (this.#done) return false;
      const next = await this.#iterator.next();
      if (next.done) {
        this.#done = true;
        return false;
      }
      const value = next.value;
      if (!(value instanceof Uint8Array)) throw new TypeError('export source must yield Uint8Array chunks');
      this.#hash.update(value);
      this.#current = value;
      this.#pos = 0;
    }
    return true;
  }

  /** Up to `n` bytes; fewer only when the source ends. Zero-copy when the bytes sit in one chunk. */
  async read(n: number): Promise<Uint8Array> {
    if (!(await this.#fill())) return new Uint8Array(0);
    const available = this.#current.length - this.#pos;
    if (available >= n) {
      const out = this.#current.subarray(this.#pos, this.#pos + n);
      this.#pos += n;
      this.offset += n;
      return out;
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n && (await this.#fill())) {
      const take = Math.min(n - filled, this.#current.length - this.#pos);
      out.set(this.#current.subarray(this.#pos, this.#pos + take), filled);
      this.#pos += take;
      filled += take;
    }
    this.offset += filled;
    return filled === n ? out : out.subarray(0, filled);
  }

  /** True when no byte is left (pulls one more chunk from the source if needed). */
  async atEnd(): Promise<boolean> {
    return !(await this.#fill());
  }

  /** Drains the source (bounded by the caller's need to know the whole-file hash) and digests it. */
  async finishHash(): Promise<string> {
    while (await this.#fill()) this.#pos = this.#current.length;
    return this.#hash.digest('hex');
  }

  /** Stops the source early (a failed open must not keep a file handle). */
  async close(): Promise<void> {
    if (!this.#done) {
      this.#done = true;
      await this.#iterator.return?.();
    }
  }
}
