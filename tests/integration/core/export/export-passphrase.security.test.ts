/**
 * Threat: a passphrase recipient mixed with key recipients (age's rule: anyone holding a key could
 * then re-wrap the file key under a passphrase the others trust, or read a "passphrase-only" backup),
 * and hostile header parameters: a planted Argon2id cost meant to exhaust memory or time, a
 * low-order X25519 point, an unknown stanza type or version. All are refused before any KDF runs.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { concatBytes } from '../../../../electron/core/crypto/sodium.ts';
import { encodeStanza, passphraseStanza } from '../../../../electron/core/export/export-header.ts';
import { verifyExport } from '../../../../electron/core/export/index.ts';
import { FAST_KDF, PASSPHRASE } from '../../../helpers/vault.ts';
import {
  bytesSource,
  expectCode,
  identity,
  openBytes,
  sealToBytes,
  smallRequest,
  sodiumReady,
  type TestIdentity,
} from './export-test-kit.ts';
import { decryptAll, layout, sealRaw, stanzaFor } from './forge-kit.ts';

let sodium: Sodium;
let alice: TestIdentity;
let lawyer: TestIdentity;
const FAST = { opslimit: FAST_KDF.opslimit, memlimitKiB: FAST_KDF.memlimit / 1024 };

beforeAll(async () => {
  sodium = await sodiumReady();
  alice = identity(sodium, 'alice');
  lawyer = identity(sodium, 'lawyer');
});

describe('passphrase recipient', () => {
  it('alone: opens with the passphrase (NFC or NFD), refuses a wrong one and any X25519 key', async () => {
    const request = {
      ...smallRequest(alice, []),
      kind: 'backup' as const,
      recipients: [{ type: 'passphrase' as const, passphrase: PASSPHRASE, ...FAST }],
    };
    const sealed = await sealToBytes(sodium, request);
    const { verified, recording } = await openBytes(
      sodium,
      sealed.bytes,
      { type: 'passphrase', passphrase: PASSPHRASE.normalize('NFD') },
      { kinds: ['backup'] },
    );
    expect(verified.manifest.recipients).toEqual([{ type: 'passphrase' }]);
    expect(recording.records).toEqual(request.records?.bytes);
    await expectCode(
      verifyExport(
        { sodium },
        bytesSource(sealed.bytes),
        { type: 'passphrase', passphrase: 'wrong passphrase' },
        { kinds: ['backup'] },
      ),
      'EXPORT_NOT_FOR_YOU',
    );
    await expectCode(
      verifyExport({ sodium }, bytesSource(sealed.bytes), lawyer.opener, { kinds: ['backup'] }),
      'EXPORT_NOT_FOR_YOU',
    );
  });

  it('with another recipient: refused at seal, before anything is written', async () => {
    const written: Uint8Array[] = [];
    const { sealExport } = await import('../../../../electron/core/export/index.ts');
    await expectCode(
      sealExport(
        { sodium },
        {
          ...smallRequest(alice, [lawyer]),
          recipients: [
            { type: 'passphrase', passphrase: PASSPHRASE, ...FAST },
            { type: 'x25519', publicKey: lawyer.opener.publicKey },
          ],
        },
        { write: (b) => void written.push(b) },
      ),
      'EXPORT_PASSPHRASE_NOT_ALONE',
    );
    expect(written).toEqual([]);
  });

  it('with another recipient: refused at open, before any key is tried', async () => {
    const sealed = await sealToBytes(sodium, smallRequest(alice, [lawyer]));
    const a = await decryptAll(sodium, sealed.bytes, lawyer.opener);
    const withPassphrase = [
      ...a.header.stanzas,
      passphraseStanza(sodium, a.fileKey, PASSPHRASE, new Uint8Array(16), FAST.opslimit, FAST.memlimitKiB),
    ];
    const { bytes } = await sealRaw(sodium, a.fileKey, withPassphrase, a.plain);
    await expectCode(
      verifyExport({ sodium }, bytesSource(bytes), lawyer.opener),
      'EXPORT_PASSPHRASE_NOT_ALONE',
    );
    await expectCode(
      verifyExport({ sodium }, bytesSource(bytes), { type: 'passphrase', passphrase: PASSPHRASE }),
      'EXPORT_PASSPHRASE_NOT_ALONE',
    );
  });

  it('Argon2id parameters outside the bounds are refused as header damage without running the KDF', async () => {
    const stanza = passphraseStanza(
      sodium,
      new Uint8Array(32),
      PASSPHRASE,
      new Uint8Array(16),
      FAST.opslimit,
      FAST.memlimitKiB,
    );
    for (const [opslimit, memlimitKiB] of [
      [1, FAST.memlimitKiB],
      [11, FAST.memlimitKiB],
      [0xffffffff, FAST.memlimitKiB],
      [2, 1024],
      [2, 0xffffffff],
      [2, 2 * 1024 * 1024],
    ] as const) {
      const hostile = encodeStanza({ ...stanza, type: 'passphrase', opslimit, memlimitKiB } as typeof stanza);
      const bytes = concatBytes(fixedHeader(1, 4096), hostile, new Uint8Array(32 + 24 + 4096 + 17));
      const pwhash = vi.spyOn(sodium, 'crypto_pwhash');
      await expectCode(
        verifyExport({ sodium }, bytesSource(bytes), { type: 'passphrase', passphrase: PASSPHRASE }),
        'EXPORT_HEADER_DAMAGED',
      );
      expect(pwhash).not.toHaveBeenCalled();
      pwhash.mockRestore();
    }
  });
});

describe('hostile header fields', () => {
  it('an unknown version is UNSUPPORTED_VERSION, an unknown stanza type or wrong stanza length is HEADER_DAMAGED', async () => {
    const sealed = await sealToBytes(sodium, smallRequest(alice, [lawyer]));
    const v2 = Uint8Array.from(sealed.bytes);
    v2[8] = 2;
    await expectCode(verifyExport({ sodium }, bytesSource(v2), lawyer.opener), 'EXPORT_UNSUPPORTED_VERSION');
    const l = layout(sealed.bytes);
    for (const [offset, value] of [
      [l.stanzaStart(0), 0x03],
      [l.stanzaStart(0), 0x00],
      [l.stanzaStart(0) + 1, 0xff],
      [l.stanzaStart(0) + 2, 79],
      [9, 0],
      [9, 33],
      [9, 255],
    ] as const) {
      const bad = Uint8Array.from(sealed.bytes);
      bad[offset] = value;
      await expectCode(verifyExport({ sodium }, bytesSource(bad), lawyer.opener), 'EXPORT_HEADER_DAMAGED');
    }
  });

  it('a payload length beyond 1 TiB or below the minimum is refused before any allocation', async () => {
    for (const length of [0, 69, 2 ** 40 + 1, 2 ** 53 - 1]) {
      const bytes = concatBytes(fixedHeader(1, length), new Uint8Array(83 + 32 + 24));
      await expectCode(verifyExport({ sodium }, bytesSource(bytes), lawyer.opener), 'EXPORT_HEADER_DAMAGED');
    }
  });

  it('a low-order X25519 point as the ephemeral key is simply not ours', async () => {
    const sealed = await sealToBytes(sodium, smallRequest(alice, [lawyer]));
    const bad = Uint8Array.from(sealed.bytes);
    bad.fill(0, layout(bad).stanzaStart(0) + 3, layout(bad).stanzaStart(0) + 35);
    await expectCode(verifyExport({ sodium }, bytesSource(bad), lawyer.opener), 'EXPORT_NOT_FOR_YOU');
  });

  it('sealing to a low-order recipient key is refused', async () => {
    await expectCode(
      sealToBytes(sodium, {
        ...smallRequest(alice, []),
        recipients: [{ type: 'x25519', publicKey: new Uint8Array(32) }],
      }),
      'INVALID_INPUT',
    );
    expect(() => stanzaFor(sodium, new Uint8Array(32), new Uint8Array(32))).toThrow();
  });
});

function fixedHeader(count: number, payloadLength: number): Uint8Array {
  const out = new Uint8Array(18);
  out.set([0x89, 0x43, 0x56, 0x45, 0x58, 0x0d, 0x0a, 0x1a]);
  out[8] = 1;
  out[9] = count;
  const view = new DataView(out.buffer);
  view.setUint32(10, Math.floor(payloadLength / 2 ** 32));
  view.setUint32(14, payloadLength % 2 ** 32);
  return out;
}
