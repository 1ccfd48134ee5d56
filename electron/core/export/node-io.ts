/**
 * Node stream adapters for the export library: a file as a source, a Writable as a sink that
 * respects back-pressure (so sealing a multi-GiB export never queues the file in memory).
 */

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { ByteSink } from './export-payload.ts';

/** 256 KiB reads: fewer syscalls and fewer chunk-spanning copies than the default 64 KiB. */
export function fileSource(path: string, highWaterMark = 256 * 1024): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark });
}

export function writableSink(stream: Writable): ByteSink {
  return {
    async write(bytes) {
      if (!stream.write(bytes)) await once(stream, 'drain');
    },
  };
}

/**
 * Writes to an open file, in order, each write complete before it resolves — so the sink is done
 * with every buffer by then (`releasesBuffers`: the sealer reuses its batch buffers and may hash
 * them on a second thread). The caller opens, syncs and closes the handle.
 */
export function fileHandleSink(handle: FileHandle): ByteSink {
  return {
    releasesBuffers: true,
    async write(bytes) {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
    },
  };
}
