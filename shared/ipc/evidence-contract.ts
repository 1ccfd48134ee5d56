/**
 * IPC channels for the evidence locker (`evidence:*`) and long tasks (`task:*`). The renderer names
 * items by id and files by the opaque tokens `files:*` issued; it never sends a path. Main turns
 * tokens into paths, and asks the OS save dialog where a decrypted copy goes, before calling the
 * vault service (shared/evidence/schemas.ts, service-level inputs with real paths).
 *
 * Previews do not go through IPC: `<img>`/`<video>`/`<audio>` load `/__evidence__/<id>` from the
 * app's own origin (electron/main/evidence-protocol.ts). Text comes here, bounded.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';
import {
  EvidenceDetail,
  EvidenceItem,
  EvidenceList,
  EvidenceListInput,
  EvidenceSource,
  RedactionRequest,
  VerifyResult,
} from '../evidence/schemas.ts';
import { Id, IsoDateTime } from '../records/schemas.ts';
import { FileToken, MAX_FILES_PER_BATCH } from './files-contract.ts';

const Ok = z.object({ ok: z.literal(true) }).strict();
const ById = z.object({ id: Id }).strict();

/** The renderer names its task (a random UUID) so it can listen for progress and cancel it. */
export const TaskId = Id;

/** At most this much text is previewed over IPC (the rest is said to be cut). */
export const TEXT_PREVIEW_BYTES = 256 * 1024;

export const EvidenceAddRequest = z
  .object({
    taskId: TaskId,
    caseId: Id,
    incidentId: Id.optional(),
    riskEntryId: Id.optional(),
    tokens: z.array(FileToken).min(1).max(MAX_FILES_PER_BATCH),
    source: EvidenceSource.default({ kind: 'device' }),
    capturedAt: IsoDateTime.optional(),
    /** The user read the OCSEA warning and still adds these files to an OCSEA case. */
    ocseaAcknowledged: z.boolean().optional(),
  })
  .strict();

export const EvidenceAddOutcome = z
  .object({
    items: z.array(EvidenceItem),
    /** Files not added, by name, with the error code (the rest of the batch went on). */
    failed: z.array(z.object({ name: z.string(), code: z.enum(ERROR_CODES) }).strict()),
    /** The user cancelled: the file in progress and the ones after it were not added. */
    cancelled: z.boolean(),
  })
  .strict();

export const evidenceContract = {
  'evidence:add': { input: EvidenceAddRequest, output: EvidenceAddOutcome },
  'evidence:list': { input: EvidenceListInput, output: EvidenceList },
  'evidence:get': { input: ById, output: EvidenceDetail },
  'evidence:verify': {
    input: z.object({ ids: z.array(Id).min(1).max(1000) }).strict(),
    output: z.array(VerifyResult),
  },
  'evidence:redact': { input: RedactionRequest, output: EvidenceItem },
  'evidence:delete': { input: ById, output: Ok },
  /** After the UI's warning: main asks the OS where to save, then writes a decrypted copy (custody). */
  'evidence:save-copy': { input: ById, output: z.object({ saved: z.boolean() }).strict() },
  /** The first TEXT_PREVIEW_BYTES of a text item, decoded as UTF-8 (one custody `view`). */
  'evidence:read-text': {
    input: ById,
    output: z.object({ text: z.string(), truncated: z.boolean(), size: z.number().int() }).strict(),
  },
  'task:cancel': { input: z.object({ taskId: TaskId }).strict(), output: Ok },
} as const;

/** Main → renderer: progress of one file of a running task. */
export const TaskProgressEvent = z
  .object({
    taskId: z.string(),
    /** Which file of the batch (0-based) and how many there are. */
    index: z.number().int(),
    count: z.number().int(),
    name: z.string(),
    /** Bytes done of total for this file. */
    done: z.number(),
    total: z.number(),
  })
  .strict();

export type EvidenceChannel = keyof typeof evidenceContract;
export type EvidenceOutput<C extends EvidenceChannel> = z.output<(typeof evidenceContract)[C]['output']>;
export type EvidenceInput<C extends EvidenceChannel> = z.input<(typeof evidenceContract)[C]['input']>;
export type TaskProgressPayload = z.output<typeof TaskProgressEvent>;
