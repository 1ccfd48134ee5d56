/**
 * Deterministic generator of the export test vectors in tests/fixtures/export/ (docs/export-format.md
 * §11): fixed identities, a fixed clock and a seeded random source, so the same code always produces
 * the same bytes. The vectors test checks that it still does (golden files that must keep opening,
 * or keep failing) and `CASEVAULT_UPDATE_VECTORS=1` rewrites them after a deliberate format change.
 */
import { createHash } from 'node:crypto';
import type { Sodium } from '../../electron/core/crypto/sodium.ts';
import { concatBytes } from '../../electron/core/crypto/sodium.ts';
import { ByteReader } from '../../electron/core/export/byte-reader.ts';
import {
  type ExportIdentity,
  encodeHeaderBody,
  passphraseStanza,
  readHeader,
  type Stanza,
  unwrapWithIdentity,
  x25519Stanza,
} from '../../electron/core/export/export-header.ts';
import { headerMac, payloadKey, signatureInput } from '../../electron/core/export/export-keys.ts';
import { PayloadReader, PayloadWriter } from '../../electron/core/export/export-payload.ts';
import {
  type SealRequest,
  type SenderIdentity,
  sealExport,
  sealReceipt,
  uuidV4,
} from '../../electron/core/export/index.ts';

export const VECTOR_PASSPHRASE = 'rivière-sous-la-pluie 2026';
const NOW = new Date('2026-11-23T12:00:00.000Z');

export interface VectorIdentity {
  name: string;
  sender: SenderIdentity;
  opener: ExportIdentity & { type: 'x25519' };
}

export type VectorOpener =
  | { type: 'x25519'; identity: string; publicKey: string; secretKey: string }
  | { type: 'passphrase'; passphrase: string };

export interface VectorEntry {
  file: string;
  description: string;
  opener: VectorOpener;
  kinds: Array<'export' | 'backup' | 'receipt' | 'report'>;
  knownSenders: string[];
  expect:
    | {
        outcome: 'ok';
        exportId: string;
        kind: string;
        senderKnown: boolean;
        senderSigningKey: string;
        recordsSha256: string | null;
        files: Array<{ id: string; size: number; sha256: string }>;
      }
    | { outcome: 'error'; code: string };
}

export interface Vectors {
  files: Map<string, Uint8Array>;
  index: { format: 'casevault.export-vectors/1'; vectors: VectorEntry[] };
}

/** BLAKE2b-512(ASCII(seed ":" counter)), counter from 0, bytes taken in order. */
export function seededRandom(sodium: Sodium, seed: string): (n: number) => Uint8Array {
  let counter = 0;
  let pool: Uint8Array = new Uint8Array(0);
  return (n: number) => {
    while (pool.length < n)
      pool = concatBytes(pool, sodium.crypto_generichash(64, `${seed}:${counter++}`, null));
    const out = pool.slice(0, n);
    pool = pool.slice(n);
    return out;
  };
}

export function vectorIdentity(sodium: Sodium, name: string): VectorIdentity {
  const seed = (label: string) => sodium.crypto_generichash(32, `casevault-vector-${label}:${name}`, null);
  const box = sodium.crypto_box_seed_keypair(seed('x25519'));
  const sign = sodium.crypto_sign_seed_keypair(seed('ed25519'));
  return {
    name,
    sender: {
      signingPublicKey: sign.publicKey,
      signingSecretKey: sign.privateKey,
      encryptionPublicKey: box.publicKey,
      name,
    },
    opener: { type: 'x25519', publicKey: box.publicKey, secretKey: box.privateKey },
  };
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function seal(sodium: Sodium, request: SealRequest, seed: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await sealExport({ sodium, randomBytes: seededRandom(sodium, seed), now: () => NOW }, request, {
    write: (b) => void parts.push(Uint8Array.from(b)),
  });
  return concatBytes(...parts);
}

/** Decrypts with the recipient's key and re-seals `plain` under `stanzas` (what a forger with the file key can do). */
async function reseal(
  sodium: Sodium,
  bytes: Uint8Array,
  opener: ExportIdentity,
  seed: string,
  change: (p: {
    plain: Uint8Array;
    fileKey: Uint8Array;
    stanzas: Stanza[];
    random: (n: number) => Uint8Array;
  }) => {
    stanzas: Stanza[];
    plain: (mac: Uint8Array) => Uint8Array;
  },
): Promise<Uint8Array> {
  const reader = new ByteReader(
    (async function* () {
      yield bytes;
    })(),
  );
  const header = await readHeader(reader);
  const { fileKey } = unwrapWithIdentity(sodium, header, opener);
  const payload = await PayloadReader.start(
    sodium,
    payloadKey(sodium, fileKey, header.mac),
    reader,
    header.payloadLength,
  );
  const parts: Uint8Array[] = [];
  for (let p = await payload.next(); p; p = await payload.next()) parts.push(p);
  const random = seededRandom(sodium, seed);
  const changed = change({ plain: concatBytes(...parts), fileKey, stanzas: header.stanzas, random });
  const body = encodeHeaderBody(header.payloadLength, changed.stanzas);
  const mac = headerMac(sodium, fileKey, body);
  const out: Uint8Array[] = [body, mac];
  const writer = await PayloadWriter.start(
    sodium,
    payloadKey(sodium, fileKey, mac),
    random(24),
    header.payloadLength,
    {
      write: (b) => void out.push(Uint8Array.from(b)),
    },
  );
  await writer.write(changed.plain(mac));
  writer.finish();
  return concatBytes(...out);
}

/** Vector file contents, by file id (every vector file has one file, `ev-1`). */
const CONTENT = new Map<string, Uint8Array>();

function request(
  sender: VectorIdentity,
  recipients: VectorIdentity[],
  exportId: string,
  fileSize: number,
): SealRequest {
  const records = new TextEncoder().encode(
    `${JSON.stringify({ format: 'casevault.records/1', exportedAt: '2026-11-23T12:00:00Z', identities: 'omitted', scope: 'CASE-042', cases: [] })}\n`,
  );
  const content = new Uint8Array(fileSize).map((_, i) => (i * 7 + 3) & 0xff);
  CONTENT.set(exportId, content);
  return {
    exportId,
    sender: sender.sender,
    recipients: recipients.map((r) => ({
      type: 'x25519' as const,
      publicKey: r.opener.publicKey,
      label: r.name,
    })),
    purpose: 'Referral to legal aid (test vector)',
    records: { bytes: records, items: [{ kind: 'case', id: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e' }] },
    files: [
      {
        id: 'ev-1',
        name: 'statement.txt',
        size: content.length,
        mediaType: 'text/plain',
        open: async function* () {
          yield content;
        },
      },
    ],
    custody: [{ at: '2026-11-20T09:00:00Z', event: 'collected', fileId: 'ev-1', actor: sender.name }],
  };
}

/**
 * A small protected report (`casevault.report/1`): one table of cases by kind over a quarter,
 * threshold 5, one small count hidden as "<5" and one protected ("x") so the total does not give it.
 */
export function vectorReportModel() {
  const label = (en: string, fr: string) => ({ en, fr });
  const shown = (value: number) => ({ status: 'shown' as const, value });
  return {
    format: 'casevault.report/1' as const,
    reportId: 'intake',
    label: label('Intake', 'Accueil'),
    description: label('Cases opened in the period', 'Dossiers ouverts sur la période'),
    period: { from: '2026-07-01', to: '2026-09-30', granularity: 'quarter' as const },
    threshold: 5,
    notes: { excludedForConsent: { status: 'small' as const, value: null }, suppressedCells: 2 },
    tables: [
      {
        id: 'intake-by-kind',
        label: label('Cases by kind', 'Dossiers par type'),
        unit: 'case' as const,
        unitLabel: label('cases', 'dossiers'),
        measure: { kind: 'count' as const },
        chart: 'bar' as const,
        rowDimension: { id: 'caseKind' as const, label: label('Kind of case', 'Type de dossier') },
        columnDimension: null,
        rows: [
          { code: 'child-helpline', label: label('Child helpline', 'Ligne d’écoute enfants') },
          { code: 'psea', label: label('PSEA complaint', 'Plainte EAS') },
          { code: 'mrm', label: label('Grave violation (MRM)', 'Violation grave (MRM)') },
        ],
        columns: [],
        cells: [[], [], []],
        rowTotals: [
          shown(12),
          { status: 'small' as const, value: null },
          { status: 'protected' as const, value: null },
        ],
        columnTotals: [],
        total: shown(23),
        statistics: null,
        rates: null,
      },
    ],
  };
}

export async function generateVectors(sodium: Sodium): Promise<Vectors> {
  const alice = vectorIdentity(sodium, 'alice');
  const lawyer = vectorIdentity(sodium, 'lawyer');
  const doctor = vectorIdentity(sodium, 'doctor');
  const outsider = vectorIdentity(sodium, 'outsider');
  const stranger = vectorIdentity(sodium, 'stranger');
  const files = new Map<string, Uint8Array>();
  const vectors: VectorEntry[] = [];
  const opener = (id: VectorIdentity): VectorOpener => ({
    type: 'x25519',
    identity: id.name,
    publicKey: hex(id.opener.publicKey),
    secretKey: hex(id.opener.secretKey),
  });
  const known = [hex(alice.sender.signingPublicKey)];
  const ok = (req: SealRequest, sender: VectorIdentity, senderKnown: boolean, kind = 'export') => ({
    outcome: 'ok' as const,
    exportId: req.exportId!,
    kind,
    senderKnown,
    senderSigningKey: hex(sender.sender.signingPublicKey),
    recordsSha256: req.records ? sha(req.records.bytes) : null,
    files: (req.files ?? []).map((f) => ({
      id: f.id,
      size: f.size,
      sha256: sha(CONTENT.get(req.exportId!)!),
    })),
  });
  const add = (
    file: string,
    bytes: Uint8Array | undefined,
    description: string,
    who: VectorOpener,
    expect: VectorEntry['expect'],
    kinds: VectorEntry['kinds'] = ['export'],
  ) => {
    if (bytes) files.set(file, bytes);
    vectors.push({ file, description, opener: who, kinds, knownSenders: known, expect });
  };

  const smallReq = request(alice, [lawyer, doctor], '6f1d2c3b-4a59-4e68-8d7c-1b2a3c4d5e6f', 600);
  const small = await seal(sodium, smallReq, 'small');
  add(
    'ok-two-recipients.cvx',
    small,
    'Sealed by alice to lawyer and doctor; opened by the second recipient.',
    opener(doctor),
    ok(smallReq, alice, true),
  );
  add(
    'ok-two-recipients.cvx',
    undefined,
    'Same file, opened by the first recipient.',
    opener(lawyer),
    ok(smallReq, alice, true),
  );
  add(
    'ok-two-recipients.cvx',
    undefined,
    'Same file, an X25519 key that is not a recipient.',
    opener(outsider),
    { outcome: 'error', code: 'EXPORT_NOT_FOR_YOU' },
  );

  const bigReq = request(alice, [lawyer], '7a2e3d4c-5b6a-4f79-9e8d-2c3b4d5e6f70', 70_000);
  const big = await seal(sodium, bigReq, 'two-chunks');
  add(
    'ok-two-chunks.cvx',
    big,
    'A payload of two chunks (65 536 + the rest).',
    opener(lawyer),
    ok(bigReq, alice, true),
  );
  const firstChunkEnd = 18 + 83 + 32 + 24 + 65_536 + 17;
  add(
    'truncated-at-chunk-boundary.cvx',
    big.slice(0, firstChunkEnd),
    'ok-two-chunks.cvx cut after its first chunk.',
    opener(lawyer),
    { outcome: 'error', code: 'EXPORT_TRUNCATED' },
  );

  const macFlipped = Uint8Array.from(small);
  macFlipped[18 + 2 * 83 + 5]! ^= 0x01;
  add(
    'header-damaged.cvx',
    macFlipped,
    'ok-two-recipients.cvx with one header MAC byte flipped.',
    opener(lawyer),
    { outcome: 'error', code: 'EXPORT_HEADER_DAMAGED' },
  );
  const payloadFlipped = Uint8Array.from(small);
  payloadFlipped[small.length - 40]! ^= 0x01;
  add(
    'payload-damaged.cvx',
    payloadFlipped,
    'ok-two-recipients.cvx with one byte of its chunk flipped.',
    opener(lawyer),
    { outcome: 'error', code: 'EXPORT_PAYLOAD_DAMAGED' },
  );
  add(
    'trailing-data.cvx',
    concatBytes(small, Uint8Array.of(0)),
    'ok-two-recipients.cvx followed by one zero byte.',
    opener(lawyer),
    { outcome: 'error', code: 'EXPORT_TRAILING_DATA' },
  );
  const v2 = Uint8Array.from(small);
  v2[8] = 2;
  add('unsupported-version.cvx', v2, 'ok-two-recipients.cvx with version byte 02.', opener(lawyer), {
    outcome: 'error',
    code: 'EXPORT_UNSUPPORTED_VERSION',
  });

  const badSig = await reseal(sodium, small, lawyer.opener, 'bad-signature', ({ plain, stanzas }) => ({
    stanzas,
    plain: () => {
      const out = Uint8Array.from(plain);
      const m = new DataView(out.buffer).getUint32(0);
      out[4 + m]! ^= 0x01;
      return out;
    },
  }));
  add(
    'bad-signature.cvx',
    badSig,
    'Re-sealed by the lawyer (who holds the file key) with one signature byte changed.',
    opener(doctor),
    { outcome: 'error', code: 'EXPORT_BAD_SIGNATURE' },
  );

  const resealed = await reseal(
    sodium,
    small,
    lawyer.opener,
    'resealed',
    ({ plain, fileKey, stanzas, random }) => ({
      stanzas: [...stanzas, x25519Stanza(sodium, fileKey, outsider.opener.publicKey, random(32))],
      plain: () => plain,
    }),
  );
  add(
    'resealed-to-outsider.cvx',
    resealed,
    'The lawyer adds a stanza for an outsider and keeps the signed content: the signature no longer matches the header.',
    opener(outsider),
    { outcome: 'error', code: 'EXPORT_BAD_SIGNATURE' },
  );

  const notListed = await reseal(
    sodium,
    small,
    lawyer.opener,
    'not-listed',
    ({ plain, fileKey, stanzas, random }) => ({
      stanzas: [...stanzas, x25519Stanza(sodium, fileKey, outsider.opener.publicKey, random(32))],
      plain: (mac) => {
        const out = Uint8Array.from(plain);
        const m = new DataView(out.buffer).getUint32(0);
        out.set(
          sodium.crypto_sign_detached(
            signatureInput(mac, out.subarray(4, 4 + m)),
            alice.sender.signingSecretKey,
          ),
          4 + m,
        );
        return out;
      },
    }),
  );
  add(
    'not-listed-recipient.cvx',
    notListed,
    'Signed by alice over a header with an extra stanza her manifest does not list.',
    opener(outsider),
    { outcome: 'error', code: 'EXPORT_NOT_LISTED_RECIPIENT' },
  );

  const strangerReq = request(stranger, [lawyer], '8b3f4e5d-6c7b-4a8a-8f9e-3d4c5e6f7081', 300);
  add(
    'unknown-sender.cvx',
    await seal(sodium, strangerReq, 'unknown-sender'),
    'Sealed and signed by a sender the opener does not know: opens, reported unknown.',
    opener(lawyer),
    ok(strangerReq, stranger, false),
  );

  const fast = { opslimit: 2, memlimitKiB: 65_536 };
  const backupReq: SealRequest = {
    ...request(alice, [], '9c4a5f6e-7d8c-4b9b-a0af-4e5f60718293', 200),
    kind: 'backup',
    recipients: [{ type: 'passphrase', passphrase: VECTOR_PASSPHRASE, ...fast }],
  };
  const backup = await seal(sodium, backupReq, 'passphrase');
  add(
    'passphrase-backup.cvx',
    backup,
    'A backup sealed to a passphrase alone (Argon2id t=2, 64 MiB).',
    { type: 'passphrase', passphrase: VECTOR_PASSPHRASE },
    ok(backupReq, alice, true, 'backup'),
    ['backup'],
  );
  const mixed = await reseal(
    sodium,
    small,
    lawyer.opener,
    'passphrase-not-alone',
    ({ plain, fileKey, stanzas, random }) => ({
      stanzas: [
        ...stanzas,
        passphraseStanza(sodium, fileKey, VECTOR_PASSPHRASE, random(16), fast.opslimit, fast.memlimitKiB),
      ],
      plain: () => plain,
    }),
  );
  add(
    'passphrase-not-alone.cvx',
    mixed,
    'Two X25519 stanzas and a passphrase stanza.',
    { type: 'passphrase', passphrase: VECTOR_PASSPHRASE },
    { outcome: 'error', code: 'EXPORT_PASSPHRASE_NOT_ALONE' },
  );

  const receiptParts: Uint8Array[] = [];
  await sealReceipt(
    { sodium, randomBytes: seededRandom(sodium, 'receipt'), now: () => NOW },
    {
      responder: lawyer.sender,
      originalSenderEncryptionKey: alice.opener.publicKey,
      exportId: smallReq.exportId!,
      exportSha256: sha(small),
      receivedAt: '2026-11-23T13:00:00.000Z',
    },
    { write: (b) => void receiptParts.push(Uint8Array.from(b)) },
  );
  const receipt = concatBytes(...receiptParts);
  // sealReceipt draws the export id first from the seeded source (docs/export-format.md §11).
  const receiptId = uuidV4(seededRandom(sodium, 'receipt')(16));
  add(
    'receipt.cvx',
    receipt,
    'A receipt from the lawyer to alice naming ok-two-recipients.cvx and its SHA-256.',
    opener(alice),
    {
      outcome: 'ok',
      exportId: receiptId,
      kind: 'receipt',
      senderKnown: false,
      senderSigningKey: hex(lawyer.sender.signingPublicKey),
      recordsSha256: null,
      files: [],
    },
    ['receipt'],
  );

  // A sealed report (kind `report`, docs/export-format.md §6.1): the model and its CSV as files.
  const reportJson = new TextEncoder().encode(`${JSON.stringify(vectorReportModel(), null, 2)}\n`);
  const reportCsv = new TextEncoder().encode(
    '\uFEFFreport,from,to,threshold,table,row dimension,row,column dimension,column,value,status\r\n' +
      'Intake,2026-07-01,2026-09-30,5,Cases by kind,Kind of case,Child helpline,,Count,12,shown\r\n' +
      'Intake,2026-07-01,2026-09-30,5,Cases by kind,Kind of case,PSEA complaint,,Count,<5,small count hidden\r\n',
  );
  const memory = (id: string, name: string, mediaType: string, bytes: Uint8Array) => ({
    id,
    name,
    size: bytes.length,
    mediaType,
    open: async function* () {
      yield bytes;
    },
  });
  const reportReq: SealRequest = {
    kind: 'report',
    exportId: '0c9b8a7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    sender: alice.sender,
    recipients: [{ type: 'x25519', publicKey: lawyer.opener.publicKey, label: lawyer.name }],
    purpose: 'Quarterly coordination figures (test vector)',
    records: null,
    files: [
      memory('report-json', 'intake-2026-07-01-2026-09-30.json', 'application/json', reportJson),
      memory('report-csv', 'intake-2026-07-01-2026-09-30.csv', 'text/csv', reportCsv),
    ],
    report: {
      format: 'casevault.report/1',
      reportId: 'intake',
      from: '2026-07-01',
      to: '2026-09-30',
      granularity: 'quarter',
      threshold: 5,
      language: 'en',
    },
  };
  const sealedReport = await seal(sodium, reportReq, 'report');
  const reportOk = {
    outcome: 'ok' as const,
    exportId: reportReq.exportId!,
    kind: 'report',
    senderKnown: true,
    senderSigningKey: hex(alice.sender.signingPublicKey),
    recordsSha256: null,
    files: [
      { id: 'report-json', size: reportJson.length, sha256: sha(reportJson) },
      { id: 'report-csv', size: reportCsv.length, sha256: sha(reportCsv) },
    ],
  };
  add(
    'report.cvx',
    sealedReport,
    'A sealed report (kind report) from alice to the lawyer: its model as report-json and a CSV.',
    opener(lawyer),
    reportOk,
    ['report'],
  );
  add(
    'report.cvx',
    undefined,
    'The same file to an opener that accepts only exports: refused after the signature check.',
    opener(lawyer),
    { outcome: 'error', code: 'EXPORT_MALFORMED' },
  );

  return { files, index: { format: 'casevault.export-vectors/1', vectors } };
}
