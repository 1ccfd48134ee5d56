/**
 * Service-level schemas for previewing received files (docs/sharing.md §Previewing received files):
 * what a received file is (type read from its decrypted content, never from the sender's
 * `mediaType` alone; the location and device metadata it carries) and bounded range reads for the
 * `/__received__/<id>` preview route. Kept apart from schemas.ts so the Received preview is one
 * additive piece.
 */
import { z } from 'zod';
import { DetectedType, EvidenceMetadata, EvidenceReadRangeInput } from '../evidence/schemas.ts';
import { Id } from '../records/schemas.ts';

/** A received file by its row id (`ReceivedDetail.fileList[].id`). */
export const ReceivedFileIdInput = z.strictObject({ id: Id });

/** Same shape and bound as evidence range reads (at most MAX_RANGE_BYTES per call). */
export const ReceivedFileRangeInput = EvidenceReadRangeInput;

export const ReceivedFileInfo = z.object({
  id: Id,
  /** The received export this file belongs to. */
  receivedId: Id,
  name: z.string(),
  size: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What the sender's manifest said, for information only. */
  mediaType: z.string().optional(),
  /** From the decrypted content, like an evidence item's. */
  detectedType: DetectedType,
  /** Read from the decrypted first MiB (EXIF/GPS/device) and last 64 KiB (PDF fields). */
  metadata: EvidenceMetadata,
});
export type ReceivedFileInfo = z.infer<typeof ReceivedFileInfo>;
