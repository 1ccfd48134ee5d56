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
import { BatchedOutput } from './batched-output.ts';
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
  /**
   * True when the sink is done with `bytes` once write() has resolved (it wrote them out or copied
   * them). The sealer then reuses a fixed ring of batch buffers and may hash them on a second
   * thread (batched-output.ts). Absent or false: every batch is a fresh buffer the sink may keep.
   */
  readonly releasesBuffers?: boolean;
}

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
 * Sealed chunks go into the output's batches (batched-output.ts); once the final chunk is sealed,
 * every byte has reached the sink when write() resolves.
 */
export class PayloadWriter {
  #stream: StreamCipher;
  #output: BatchedOutput;
  /** Plaintext of a chunk that spans two of the caller's slices (whole chunks are sealed in place). */
  #buffer = new Uint8Array(CHUNK_BYTES);
  #filled = 0;
  #remaining: number;

  private constructor(stream: StreamCipher, output: BatchedOutput, payloadLength: number) {
    this.#stream = stream;
    this.#output = output;
    this.#remaining = payloadLength;
  }

  /** `sink`: a plain ByteSink, or the sealer's BatchedOutput that also hashes what it writes. */
  static async start(
    sodium: Sodium,
    key: Uint8Array,
    streamHeader: Uint8Array,
    payloadLength: number,
    sink: ByteSink | BatchedOutput,
    engine?: StreamEngine,
  ): Promise<PayloadWriter> {
    if (streamHeader.length !== STREAM_HEADER_BYTES) throw new CaseVaultError('INTERNAL', 'stream header');
    const stream = createStreamCipher(sodium, key, streamHeader, engine);
    const output = sink instanceof BatchedOutput ? sink : new BatchedOutput(sink);
    await output.write(streamHeader);
    return new PayloadWriter(stream, output, payloadLength);
  }

  get remaining(): number {
    return this.#remaining;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length > this.#remaining)
      throw new CaseVaultError('EXPORT_SOURCE_MISMATCH', 'payload longer than declared');
    let offset = 0;
    while (offset < bytes.length) {
      if (this.#filled === 0 && bytes.length - offset >= CHUNK_BYTES) {
        // A whole chunk inside the caller's slice is sealed from it directly: no plaintext copy.
        const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
        offset += CHUNK_BYTES;
        this.#remaining -= CHUNK_BYTES;
        await this.#push(chunk, this.#remaining === 0 ? TAG_FINAL : TAG_MESSAGE);
        continue;
      }
      const take = Math.min(CHUNK_BYTES - this.#filled, bytes.length - offset);
      this.#buffer.set(bytes.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
      this.#remaining -= take;
      if (this.#remaining === 0 || this.#filled === CHUNK_BYTES) {
        const message = this.#buffer.subarray(0, this.#filled);
        this.#filled = 0;
        await this.#push(message, this.#remaining === 0 ? TAG_FINAL : TAG_MESSAGE);
      }
    }
  }

  async #push(message: Uint8Array, tag: number): Promise<void> {
    const output = this.#output;
    const batch = await output.reserve(message.length + CHUNK_ABYTES);
    output.advance(this.#stream.pushInto(message, tag, batch, output.filled));
    if (tag === TAG_FINAL) await output.flush();
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
