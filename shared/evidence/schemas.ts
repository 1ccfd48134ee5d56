/**
 * Evidence items: the shapes the vault core returns and the inputs its service-level operations
 * take (`VaultService.evidence(op, input, task?)`). The service-level inputs carry real filesystem
 * paths (a file to add, a file to write a decrypted copy to): Electron main resolves the renderer's
 * opaque file tokens into paths before calling; the renderer never sends a path.
 *
 * Format of the stored blobs, the database rows and the custody entries: docs/evidence-format.md.
 */
import { z } from 'zod';
import { Id, IsoDateTime } from '../records/schemas.ts';

export const EVIDENCE_CATEGORIES = ['image', 'video', 'audio', 'pdf', 'text', 'document', 'other'] as const;
export type EvidenceCategory = (typeof EVIDENCE_CATEGORIES)[number];

export const EVIDENCE_SOURCE_KINDS = ['device', 'web', 'received', 'other'] as const;

export const CUSTODY_ACTIONS = [
  'acquire',
  'view',
  'export',
  'verify',
  'redact',
  'delete',
  'extract',
  'acknowledged',
  'restore',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

const Text = (max: number) => z.string().trim().min(1).max(max);

export const DetectedType = z.object({
  /** From the content (file-type on the first bytes), never from the name. */
  mime: z.string(),
  ext: z.string(),
  category: z.enum(EVIDENCE_CATEGORIES),
});
export type DetectedType = z.infer<typeof DetectedType>;

export const EvidenceSource = z
  .object({
    kind: z.enum(EVIDENCE_SOURCE_KINDS),
    url: z.string().trim().url().max(2000).optional(),
    receivedFrom: Text(200).optional(),
    note: Text(2000).optional(),
  })
  .strict();
export type EvidenceSource = z.infer<typeof EvidenceSource>;

export const EvidenceItem = z.object({
  id: Id,
  caseId: Id,
  incidentId: Id.optional(),
  riskEntryId: Id.optional(),
  originalName: z.string(),
  detectedType: DetectedType,
  /** Plaintext size in bytes. */
  size: z.number().int().min(0),
  /** SHA-256 of the plaintext, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  capturedAt: IsoDateTime.optional(),
  addedAt: IsoDateTime,
  addedBy: z.string(),
  source: EvidenceSource,
  /** The file carries a GPS position in its metadata: the UI warns before it is shared. */
  hasLocation: z.boolean(),
  /** This item is a redacted copy of that one (which may since have been deleted). */
  redactedOf: Id.optional(),
  /** Set on a redacted copy whose original was deleted. */
  originalDeleted: z.boolean().optional(),
  redactedCopies: z.array(Id),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const EvidenceMetadata = z.object({
  gps: z.object({ lat: z.number(), lon: z.number(), alt: z.number().optional() }).optional(),
  device: z.object({ make: z.string().optional(), model: z.string().optional() }).optional(),
  /** When the camera says the picture was taken (EXIF DateTimeOriginal), as written by it. */
  takenAt: z.string().optional(),
  software: z.string().optional(),
  image: z.object({ width: z.number().int().optional(), height: z.number().int().optional() }).optional(),
  pdf: z
    .object({
      title: z.string().optional(),
      author: z.string().optional(),
      creator: z.string().optional(),
      producer: z.string().optional(),
      creationDate: z.string().optional(),
      modDate: z.string().optional(),
    })
    .optional(),
  /** A bounded subset of the raw tags (strings and numbers only), for display. */
  raw: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type EvidenceMetadata = z.infer<typeof EvidenceMetadata>;

export const CustodyEntry = z.object({
  /** Position in the vault's audit chain. */
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(CUSTODY_ACTIONS),
  /** SHA-256 of the item's plaintext at the time of the entry. */
  hash: z.string(),
  detail: z.record(z.string(), z.unknown()),
  /**
   * Set for an entry of a former vault's chain, carried by a backup and verified on restore
   * (records/audit-history.ts): that vault's id. `seq` is then the position in THAT chain.
   */
  restoredFrom: z.string().optional(),
});
export type CustodyEntry = z.infer<typeof CustodyEntry>;

export const EvidenceDetail = z.object({
  item: EvidenceItem,
  metadata: EvidenceMetadata,
  custody: z.array(CustodyEntry),
});
export type EvidenceDetail = z.infer<typeof EvidenceDetail>;

/** A rectangle as fractions (0..1) of the displayed (EXIF-oriented) image's width and height. */
export const RedactionRegion = z
  .object({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    w: z.number().gt(0).max(1),
    h: z.number().gt(0).max(1),
  })
  .strict()
  .refine((r) => r.x + r.w <= 1.000001 && r.y + r.h <= 1.000001, { message: 'region outside the image' });
export type RedactionRegion = z.infer<typeof RedactionRegion>;

export const RedactionRequest = z
  .object({
    id: Id,
    regions: z.array(RedactionRegion).max(200),
    /** Always true: a redacted copy never keeps the original's metadata. */
    stripMetadata: z.literal(true).default(true),
  })
  .strict();
export type RedactionRequest = z.infer<typeof RedactionRequest>;

export const VerifyResult = z.object({
  id: Id,
  ok: z.boolean(),
  /** hash: decrypts but the SHA-256 differs; auth: a chunk fails authentication; truncated: cut short; missing: no blob file. */
  reason: z.enum(['hash', 'auth', 'truncated', 'missing']).optional(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

/** Progress of a long task (intake, verify), in bytes or items; `item` names the current item. */
export const TaskProgress = z.object({
  taskId: z.string(),
  done: z.number(),
  total: z.number(),
  item: z.string().optional(),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

/* ---------- service-level operation inputs (paths are real paths, resolved by main) ---------- */

const AbsPath = z.string().min(1).max(4096);

export const EvidenceAddInput = z
  .object({
    caseId: Id,
    incidentId: Id.optional(),
    riskEntryId: Id.optional(),
    path: AbsPath,
    /** Defaults to the path's base name. */
    originalName: Text(255).optional(),
    capturedAt: IsoDateTime.optional(),
    source: EvidenceSource.default({ kind: 'device' }),
    /** Required to add an image or video to an OCSEA case (EVIDENCE_OCSEA_WARNING otherwise). */
    ocseaAcknowledged: z.boolean().optional(),
  })
  .strict();
export type EvidenceAddInput = z.input<typeof EvidenceAddInput>;

export const EvidenceListInput = z
  .object({
    caseId: Id.optional(),
    incidentId: Id.optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type EvidenceListInput = z.infer<typeof EvidenceListInput>;
export const EvidenceList = z.object({ items: z.array(EvidenceItem), total: z.number().int() });
export type EvidenceList = z.infer<typeof EvidenceList>;

export const EvidenceIdInput = z.object({ id: Id }).strict();

/** At most this many bytes per `read-range` call. */
export const MAX_RANGE_BYTES = 4 * 1024 * 1024;

export const EvidenceReadRangeInput = z
  .object({ id: Id, start: z.number().int().min(0), end: z.number().int().min(0) })
  .strict()
  .refine((r) => r.end >= r.start && r.end - r.start <= MAX_RANGE_BYTES, { message: 'range too large' });
export type EvidenceReadRangeInput = z.infer<typeof EvidenceReadRangeInput>;

/** What `view-start` returns: enough to answer an HTTP range request. */
export const EvidenceViewInfo = z.object({ id: Id, size: z.number().int(), mime: z.string() });
export type EvidenceViewInfo = z.infer<typeof EvidenceViewInfo>;

export const EvidenceRange = z.object({ bytes: z.instanceof(Uint8Array), size: z.number().int() });
export type EvidenceRange = z.infer<typeof EvidenceRange>;

export const EvidenceExtractInput = z
  .object({
    id: Id,
    /** Written with exclusive create: an existing file is never overwritten. */
    outPath: AbsPath,
    /** 'extract' for a decrypted copy saved by the user; 'export' when a sealed export took it. */
    purpose: z.enum(['extract', 'export']).default('extract'),
  })
  .strict();
export type EvidenceExtractInput = z.input<typeof EvidenceExtractInput>;

export const EvidenceVerifyInput = z.object({ ids: z.array(Id).max(100_000).optional() }).strict();
export type EvidenceVerifyInput = z.infer<typeof EvidenceVerifyInput>;

export const EvidenceCheckInput = z.object({ repair: z.boolean().default(false) }).strict();
export type EvidenceCheckInput = z.input<typeof EvidenceCheckInput>;
export const EvidenceCheckReport = z.object({
  ok: z.boolean(),
  items: z.number().int(),
  failed: z.array(VerifyResult),
  /** Blob files no row refers to (interrupted intakes); names only, they hold ciphertext. */
  orphans: z.array(z.string()),
  removedOrphans: z.array(z.string()),
});
export type EvidenceCheckReport = z.infer<typeof EvidenceCheckReport>;

/** Every service-level operation and the schema of its input. */
export const EVIDENCE_OP_INPUTS = {
  add: EvidenceAddInput,
  list: EvidenceListInput,
  get: EvidenceIdInput,
  custody: EvidenceIdInput,
  'view-start': EvidenceIdInput,
  'read-range': EvidenceReadRangeInput,
  extract: EvidenceExtractInput,
  verify: EvidenceVerifyInput,
  redact: RedactionRequest,
  delete: EvidenceIdInput,
  check: EvidenceCheckInput,
} as const;
export type EvidenceOp = keyof typeof EVIDENCE_OP_INPUTS;
export const EVIDENCE_OPS = Object.keys(EVIDENCE_OP_INPUTS) as EvidenceOp[];
