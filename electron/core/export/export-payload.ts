/**
 * The payload (docs/export-format.md §5): a crypto_secretstream_xchacha20poly1305 stream whose key
 * is bound to the header, cut into chunks of exactly CHUNK_BYTES plaintext except the last (1 …
 * CHUNK_BYTES), which alone carries TAG_FINAL. The header declares the payload length, so the
 * opener knows every chunk's size before reading it: a short file is TRUNCATED before any decryption
 * is tried, a damaged chunk is PAYLOAD_DAMAGED, and a byte after the final chunk is TRAILING_DATA.
 * secretstream chains its state from chunk to chunk, so reordered or spliced chunks fail to decrypt.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { createStreamCipher, type StreamCipher, type StreamEngine } from '../crypto/secretstream.ts';
import type { Sodium } from '../crypto/sodium.ts';
import type { ByteReader } from './byte-reader.ts';
import {
  CHUNK_ABYTES,
  CHUNK_BYTES,
  STREAM_HEADER_BYTES,
  TAG_FINAL,
  TAG_MESSAGE,
} from './format-constants.ts';

export interface ByteSink {
  write(bytes: Uint8Array): void | Promise<void>;
}

const OUTPUT_BATCH_BYTES = 16 * (CHUNK_BYTES + CHUNK_ABYTES);

export function chunkCount(payloadLength: number): number {
  return Math.ceil(payloadLength / CHUNK_BYTES);
}

/** Size of the whole file: header, stream header, every chunk with its 17 added bytes. */
export function exportFileLength(headerLength: number, payloadLength: number): number {
  return headerLength + STREAM_HEADER_BYTES + payloadLength + chunkCount(payloadLength) * CHUNK_ABYTES;
}

/**
 * Encrypts exactly `payloadLength` bytes given in any slicing. The stream header comes from the
 * caller's randomness and the state from init_pull — the same state init_push builds (HChaCha20 of
 * the key and header, counter 1), which lets test vectors be reproduced byte for byte.
 */
export class PayloadWriter {
  #stream: StreamCipher;
  #sink: ByteSink;
  #buffer = new Uint8Array(CHUNK_BYTES);
  #filled = 0;
  #remaining: number;
  /**
   * Sealed chunks are gathered into batches of 16 before they go to the sink: 16× fewer sink writes
   * and output allocations. Each batch is a fresh buffer the sink may keep.
   */
  #out: Uint8Array | undefined;
  #outFilled = 0;

  private constructor(stream: StreamCipher, sink: ByteSink, payloadLength: number) {
    this.#stream = stream;
    this.#sink = sink;
    this.#remaining = payloadLength;
  }

  static async start(
    sodium: Sodium,
    key: Uint8Array,
    streamHeader: Uint8Array,
    payloadLength: number,
    sink: ByteSink,
    engine?: StreamEngine,
  ): Promise<PayloadWriter> {
    if (streamHeader.length !== STREAM_HEADER_BYTES) throw new CaseVaultError('INTERNAL', 'stream header');
    const stream = createStreamCipher(sodium, key, streamHeader, engine);
    await sink.write(streamHeader);
    return new PayloadWriter(stream, sink, payloadLength);
  }

  get remaining(): number {
    return this.#remaining;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length > this.#remaining)
      throw new CaseVaultError('EXPORT_SOURCE_MISMATCH', 'payload longer than declared');
    let offset = 0;
    while (offset < bytes.length) {
      const take = Math.min(CHUNK_BYTES - this.#filled, bytes.length - offset);
      this.#buffer.set(bytes.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
      this.#remaining -= take;
      if (this.#remaining === 0) await this.#push(TAG_FINAL);
      else if (this.#filled === CHUNK_BYTES) await this.#push(TAG_MESSAGE);
    }
  }

  async #push(tag: number): Promise<void> {
    this.#out ??= new Uint8Array(OUTPUT_BATCH_BYTES);
    this.#outFilled += this.#stream.pushInto(
      this.#buffer.subarray(0, this.#filled),
      tag,
      this.#out,
      this.#outFilled,
    );
    this.#filled = 0;
    if (tag === TAG_FINAL || OUTPUT_BATCH_BYTES - this.#outFilled < CHUNK_BYTES + CHUNK_ABYTES) {
      const batch = this.#out.subarray(0, this.#outFilled);
      this.#out = undefined;
      this.#outFilled = 0;
      await this.#sink.write(batch);
    }
  }

  finish(): void {
    this.#buffer.fill(0);
    this.#stream.wipe();
    if (this.#remaining !== 0)
      throw new CaseVaultError('EXPORT_SOURCE_MISMATCH', 'payload shorter than declared');
  }
}

/** Decrypts the payload chunk by chunk; sizes come from the authenticated header, never the file. */
export class PayloadReader {
  #reader: ByteReader;
  #stream: StreamCipher;
  #chunks: number;
  #lastLength: number;
  #next = 0;

  private constructor(reader: ByteReader, stream: StreamCipher, payloadLength: number) {
    this.#reader = reader;
    this.#stream = stream;
    this.#chunks = chunkCount(payloadLength);
    this.#lastLength = payloadLength - (this.#chunks - 1) * CHUNK_BYTES;
  }

  static async start(
    sodium: Sodium,
    key: Uint8Array,
    reader: ByteReader,
    payloadLength: number,
    engine?: StreamEngine,
  ): Promise<PayloadReader> {
    const streamHeader = await reader.read(STREAM_HEADER_BYTES);
    if (streamHeader.length < STREAM_HEADER_BYTES)
      throw new CaseVaultError('EXPORT_TRUNCATED', 'stream header');
    return new PayloadReader(reader, createStreamCipher(sodium, key, streamHeader, engine), payloadLength);
  }

  /** The next chunk's plaintext, or undefined after the final chunk (and proof nothing follows it). */
  async next(): Promise<Uint8Array | undefined> {
    if (this.#next === this.#chunks) {
      this.#stream.wipe();
      if (!(await this.#reader.atEnd())) throw new CaseVaultError('EXPORT_TRAILING_DATA');
      return undefined;
    }
    const index = this.#next;
    const last = index === this.#chunks - 1;
    const length = (last ? this.#lastLength : CHUNK_BYTES) + CHUNK_ABYTES;
    const sealed = await this.#reader.read(length);
    // On any failure the stream key is wiped now rather than left to the garbage collector.
    if (sealed.length < length) this.#fail('EXPORT_TRUNCATED', `chunk ${index}`);
    const opened = this.#stream.pull(sealed);
    if (!opened) this.#fail('EXPORT_PAYLOAD_DAMAGED', `chunk ${index}`);
    if (opened.tag !== (last ? TAG_FINAL : TAG_MESSAGE)) {
      this.#fail('EXPORT_PAYLOAD_DAMAGED', `chunk ${index} tag`);
    }
    this.#next++;
    return opened.message;
  }

  #fail(code: 'EXPORT_TRUNCATED' | 'EXPORT_PAYLOAD_DAMAGED', detail: string): never {
    this.#stream.wipe();
    throw new CaseVaultError(code, detail);
  }
}
