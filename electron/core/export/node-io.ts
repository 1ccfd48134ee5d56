/**
 * Node stream adapters for the export library: a file as a source, a Writable as a sink that
 * respects back-pressure (so sealing a multi-GiB export never queues the file in memory).
 */

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
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
