/**
 * IPC channels for files the user chooses (`files:*`). The renderer never sends a path it made up:
 * `files:pick` opens the OS dialog in main, and a drop goes through the preload's `files.drop(File[])`,
 * which resolves each dropped File to its path with Electron's webUtils and sends the paths on
 * `files:dropped`, a channel the preload API does NOT expose as a method (PRELOAD_ONLY_CHANNELS).
 * Main checks every path (existing regular file) and answers with opaque single-use tokens that
 * `evidence:add` spends.
 */
import { z } from 'zod';

export const FileToken = z.string().regex(/^[0-9a-f]{64}$/);

const ChosenFileSchema = z
  .object({ token: FileToken, name: z.string(), size: z.number().int().min(0) })
  .strict();
const RefusedFileSchema = z.object({ name: z.string(), reason: z.enum(['not-a-file', 'missing']) }).strict();
export const ChosenFilesSchema = z
  .object({ files: z.array(ChosenFileSchema), refused: z.array(RefusedFileSchema) })
  .strict();

/** At most this many files per pick or drop (and per `evidence:add`). */
export const MAX_FILES_PER_BATCH = 100;

export const filesContract = {
  'files:pick': {
    input: z.object({ multiple: z.boolean().default(true) }).strict(),
    output: ChosenFilesSchema,
  },
  /** Preload only: paths from webUtils.getPathForFile for dropped File objects. */
  'files:dropped': {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(MAX_FILES_PER_BATCH) }).strict(),
    output: ChosenFilesSchema,
  },
} as const;

/** Contract channels the preload keeps for itself instead of exposing them to page scripts. */
export const PRELOAD_ONLY_CHANNELS = ['files:dropped'] as const;
export type PreloadOnlyChannel = (typeof PRELOAD_ONLY_CHANNELS)[number];

export type ChosenFiles = z.output<typeof ChosenFilesSchema>;
export type ChosenFileInfo = ChosenFiles['files'][number];
