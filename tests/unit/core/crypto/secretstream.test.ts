/**
 * electron/core/crypto/secretstream.ts must be libsodium's crypto_secretstream_xchacha20poly1305 byte
 * for byte, whichever engine and internal path (RFC 8439 AEAD when |m| ≡ 0 or 8 mod 16, keystream +
 * libsodium Poly1305 otherwise) a chunk takes: every engine is compared with libsodium's own
 * push and pull at every length 0..200 and around 64 KiB, with and without associated data, under
 * every tag (the REKEY bit included), over chains long enough to prove the state advances the same;
 * and every engine refuses a flipped byte, wrong associated data and an out-of-order chunk.
 * Evidence blobs (the user of associated data) are checked across engines at the end.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  aeadCompatible,
  createStreamCipher,
  type StreamCipher,
  type StreamEngine,
} from '../../../../electron/core/crypto/secretstream.ts';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import {
  BlobEncryptor,
  segmentCount,
  segmentOffset,
} from '../../../../electron/core/evidence/blob-format.ts';
import { decryptSegment } from '../../../../electron/core/evidence/segment-chunks.ts';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

const ENGINES: StreamEngine[] = ['native', 'libsodium'];
const SHORT_LENGTHS = Array.from({ length: 201 }, (_, i) => i);
const LONG_LENGTHS = [65_535, 65_536, 65_537];
// Evidence puts a one-byte AD on segment-closing chunks; longer ADs cover the AD padding.
const ADS: Array<Uint8Array | null> = [
  null,
  Uint8Array.of(1),
  Uint8Array.of(0),
  Uint8Array.from({ length: 17 }, (_, i) => i),
];
const TAGS = { MESSAGE: 0, PUSH: 1, REKEY: 2, FINAL: 3 };

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** libsodium's own state, for reference pushes and pulls. */
function reference(key: Uint8Array, header: Uint8Array) {
  const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(header, key);
  return {
    push: (m: Uint8Array, tag: number, ad: Uint8Array | null) =>
      sodium.crypto_secretstream_xchacha20poly1305_push(state, m, ad, tag),
    pull: (c: Uint8Array, ad: Uint8Array | null) =>
      sodium.crypto_secretstream_xchacha20poly1305_pull(state, c, ad),
  };
}

function fresh(engine: StreamEngine): { key: Uint8Array; header: Uint8Array; stream: StreamCipher } {
  const key = sodium.randombytes_buf(32);
  const header = sodium.randombytes_buf(24);
  return { key, header, stream: createStreamCipher(sodium, key, header, engine) };
}

/**
 * One long chain: every length with every AD (none, the two one-byte evidence ADs, 17 bytes), the
 * tags that do not rekey (MESSAGE, and PUSH every fifth chunk) — so the state carries across
 * hundreds of chunks of mixed paths.
 */
function chain(lengths: number[]) {
  return ADS.flatMap((ad) => lengths.map((length) => ({ length, ad }))).map(({ length, ad }, i) => ({
    length,
    ad,
    tag: i % 5 === 4 ? TAGS.PUSH : TAGS.MESSAGE,
  }));
}

describe('secretstream (one module for evidence and export)', () => {
  for (const engine of ENGINES) {
    it(`${engine}: push equals libsodium's push over 0..200 bytes and 64 KiB ± 1, with and without AD`, () => {
      const { key, header, stream } = fresh(engine);
      const ref = reference(key, header);
      for (const { length, ad, tag } of chain([...SHORT_LENGTHS, ...LONG_LENGTHS])) {
        const message = sodium.randombytes_buf(length);
        const expected = hex(ref.push(message, tag, ad));
        expect(hex(stream.push(message, tag, ad)), `length ${length} ad ${ad?.length}`).toBe(expected);
      }
    });

    it(`${engine}: pull opens libsodium's chunks over 0..200 bytes and 64 KiB ± 1, returning each tag`, () => {
      const { key, header, stream } = fresh(engine);
      const ref = reference(key, header);
      for (const { length, ad, tag } of chain([...SHORT_LENGTHS, ...LONG_LENGTHS])) {
        const message = sodium.randombytes_buf(length);
        const opened = stream.pull(ref.push(message, tag, ad), ad);
        expect(opened?.tag, `length ${length}`).toBe(tag);
        expect(hex(opened!.message)).toBe(hex(message));
      }
    });

    it(`${engine}: libsodium's pull opens its chunks, so the state advances alike in both directions`, () => {
      const { key, header, stream } = fresh(engine);
      const ref = reference(key, header);
      for (const { length, ad, tag } of chain([...LONG_LENGTHS, ...SHORT_LENGTHS])) {
        const message = sodium.randombytes_buf(length);
        const opened = ref.pull(stream.push(message, tag, ad), ad);
        if (!opened) throw new Error(`libsodium refused length ${length}`);
        expect(opened.tag).toBe(tag);
        expect(hex(opened.message)).toBe(hex(message));
      }
    });

    it(`${engine}: every tag, REKEY and FINAL included, leaves the same state as libsodium`, () => {
      const { key, header, stream } = fresh(engine);
      const ref = reference(key, header);
      const pullSide = createStreamCipher(sodium, key, header, engine);
      const tags = [TAGS.MESSAGE, TAGS.PUSH, TAGS.REKEY, TAGS.MESSAGE, TAGS.FINAL, TAGS.MESSAGE, TAGS.REKEY];
      for (const [i, tag] of [...tags, ...tags].entries()) {
        for (const length of [0, 8, 16, 33, 1024, 1031]) {
          const message = sodium.randombytes_buf(length);
          const ad = ADS[i % ADS.length]!;
          const sealed = stream.push(message, tag, ad);
          expect(hex(sealed), `tag ${tag} length ${length}`).toBe(hex(ref.push(message, tag, ad)));
          const opened = pullSide.pull(sealed, ad);
          expect(opened?.tag).toBe(tag);
          expect(hex(opened!.message)).toBe(hex(message));
        }
      }
    });

    it(`${engine}: push, pushInto and pushParts produce the same bytes`, () => {
      const key = sodium.randombytes_buf(32);
      const header = sodium.randombytes_buf(24);
      const [a, b, c] = [1, 2, 3].map(() => createStreamCipher(sodium, key, header, engine));
      const target = new Uint8Array(3 * 65_536 + 2000).fill(0xee);
      let offset = 3;
      for (const length of [0, 17, 64, 100, 65_536, 1000, 65_528, 7]) {
        const message = sodium.randombytes_buf(length);
        const ad = length % 2 === 0 ? Uint8Array.of(1) : null;
        const written = a!.pushInto(message, 0, target, offset, ad);
        const whole = b!.push(message, 0, ad);
        expect(written).toBe(length + 17);
        expect(hex(target.subarray(offset, offset + written))).toBe(hex(whole));
        expect(hex(Buffer.concat(c!.pushParts(message, 0, ad)))).toBe(hex(whole));
        offset += written;
      }
      expect(target.subarray(0, 3)).toEqual(new Uint8Array(3).fill(0xee));
      expect(target[offset]).toBe(0xee);
    });

    it(`${engine}: refuses a flipped byte anywhere, wrong AD, a chunk out of order and a too-short chunk`, () => {
      for (const length of [40, 48, 65_536]) {
        const key = sodium.randombytes_buf(32);
        const header = sodium.randombytes_buf(24);
        const ref = reference(key, header);
        const ad = Uint8Array.of(1);
        const first = ref.push(sodium.randombytes_buf(length), TAGS.MESSAGE, ad);
        const second = ref.push(sodium.randombytes_buf(length), TAGS.FINAL, null);
        const positions =
          first.length < 100
            ? [...first.keys()]
            : [0, 1, 2, 63, 64, 65, 100, first.length - 17, first.length - 1];
        const opener = createStreamCipher(sodium, key, header, engine);
        for (const at of positions) {
          const bad = Uint8Array.from(first);
          bad[at]! ^= 0x01;
          // A failed pull leaves the state as it was: the same opener still opens the good chunk.
          expect(opener.pull(bad, ad), `length ${length} byte ${at}`).toBeUndefined();
        }
        expect(opener.pull(first, null)).toBeUndefined();
        expect(opener.pull(first, Uint8Array.of(0))).toBeUndefined();
        expect(opener.pull(second, null)).toBeUndefined();
        expect(opener.pull(first.subarray(0, 16), ad)).toBeUndefined();
        expect(opener.pull(first, ad)?.tag).toBe(TAGS.MESSAGE);
        expect(opener.pull(second, null)?.tag).toBe(TAGS.FINAL);
      }
    });

    it(`${engine}: a chain of many full chunks round-trips and matches libsodium at its end`, () => {
      const { key, header, stream } = fresh(engine);
      const ref = reference(key, header);
      const opener = createStreamCipher(sodium, key, header, engine);
      const message = sodium.randombytes_buf(65_536);
      let last = '';
      for (let i = 0; i < 300; i++) {
        message[0] = i & 0xff;
        const sealed = stream.push(message, TAGS.MESSAGE);
        last = hex(ref.push(message, TAGS.MESSAGE, null));
        expect(opener.pull(sealed)?.tag).toBe(TAGS.MESSAGE);
        if (i % 50 === 49) expect(hex(sealed)).toBe(last);
      }
      const closing = sodium.randombytes_buf(5);
      expect(hex(stream.push(closing, TAGS.FINAL, Uint8Array.of(1)))).toBe(
        hex(ref.push(closing, TAGS.FINAL, Uint8Array.of(1))),
      );
    });

    it(`${engine}: cannot be used after wipe, and wipe is idempotent`, () => {
      const { stream } = fresh(engine);
      stream.push(new Uint8Array(10), 0);
      stream.wipe();
      stream.wipe();
      expect(() => stream.push(new Uint8Array(10), 0)).toThrow();
      expect(() => stream.pull(new Uint8Array(40))).toThrow();
    });
  }

  it('both engines produce identical bytes for the same key, header and chunks', () => {
    const key = sodium.randombytes_buf(32);
    const header = sodium.randombytes_buf(24);
    const [a, b] = ENGINES.map((e) => createStreamCipher(sodium, key, header, e));
    for (const length of [0, 1, 7, 8, 15, 16, 17, 31, 63, 64, 65, 100, 1000, 4095, 65_535, 65_536]) {
      const message = sodium.randombytes_buf(length);
      expect(hex(a!.push(message, 0))).toBe(hex(b!.push(message, 0)));
    }
  });

  it('the AEAD fast path is taken exactly where both paddings agree', () => {
    // libsodium pads |m| mod 16 zero bytes after c, RFC 8439 pads −(64 + |m|) mod 16.
    for (let length = 0; length < 64; length++) {
      const agree = (length & 0xf) === (16 - ((64 + length) & 0xf)) % 16;
      expect(aeadCompatible(length), `length ${length}`).toBe(agree);
    }
  });

  it('matches a fixed vector from libsodium’s own init_push/push (key 00..1f)', () => {
    // Produced once with libsodium-wrappers: init_pull(header) gives init_push's state for that header.
    const key = Uint8Array.from({ length: 32 }, (_, i) => i);
    const header = Uint8Array.from({ length: 24 }, (_, i) => 0x80 + i);
    const message = new TextEncoder().encode('secretstream test vector: 0123456789abcdef');
    expect(hex(reference(key, header).push(message, 3, null))).toBe(FIXED_VECTOR);
    for (const engine of ENGINES) {
      expect(hex(createStreamCipher(sodium, key, header, engine).push(message, 3))).toBe(FIXED_VECTOR);
    }
  });
});

describe('evidence blobs across secretstream engines', () => {
  it('a blob sealed by either engine opens with either, segment by segment', () => {
    const fileKey = sodium.randombytes_buf(32);
    const plain = sodium.randombytes_buf(2 * 1024 * 1024 + 4097);
    for (const sealer of ENGINES) {
      const encryptor = new BlobEncryptor(sodium, fileKey, { engine: sealer });
      const blob = Buffer.concat([...encryptor.push(plain), ...encryptor.finish()]);
      const count = segmentCount(plain.length);
      for (const opener of ENGINES) {
        const parts: Uint8Array[] = [];
        for (let i = 0; i < count; i++) {
          const end = i === count - 1 ? blob.length : segmentOffset(i + 1);
          parts.push(
            decryptSegment(sodium, fileKey, i, blob.subarray(segmentOffset(i), end), i === count - 1, opener),
          );
        }
        expect(Buffer.concat(parts).equals(Buffer.from(plain)), `${sealer} → ${opener}`).toBe(true);
      }
    }
  });

  it('both engines refuse the same damage: a flipped byte and the wrong last-segment flag', () => {
    const fileKey = sodium.randombytes_buf(32);
    const plain = sodium.randombytes_buf(300_001);
    const encryptor = new BlobEncryptor(sodium, fileKey);
    const segment = Buffer.concat([...encryptor.push(plain), ...encryptor.finish()]).subarray(
      segmentOffset(0),
    );
    for (const engine of ENGINES) {
      expect(
        Buffer.from(decryptSegment(sodium, fileKey, 0, segment, true, engine)).equals(Buffer.from(plain)),
      ).toBe(true);
      expect(() => decryptSegment(sodium, fileKey, 0, segment, false, engine)).toThrow();
      for (const at of [30, 70_000, segment.length - 1]) {
        const bad = Buffer.from(segment);
        bad[at]! ^= 1;
        expect(() => decryptSegment(sodium, fileKey, 0, bad, true, engine), `${engine} byte ${at}`).toThrow();
      }
    }
  });
});

const FIXED_VECTOR =
  '746a7567103b8ce855ab7d88978bd5b26232ebbea7d0f4d64f4df9892b12f178a18f13d053d8b8631d9e7d88aed71d6af645888fba7d5a5ab694dd';
