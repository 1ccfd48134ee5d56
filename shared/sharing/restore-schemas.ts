/**
 * Restoring a backup in the app (docs/sharing.md §Backup): what the vault service takes and gives.
 * The app restores into ITS vault folder (main's, as for `create`); the CLI into any new folder
 * (RestoreInput in schemas.ts). Inputs carry real paths resolved by main, never by the renderer.
 */
import { z } from 'zod';

const FsPath = z.string().min(1).max(4096);
const Secret = z.string().min(1).max(1024);

export const InspectBackupInput = z.strictObject({ path: FsPath, backupPassphrase: Secret });
export type InspectBackupInput = z.input<typeof InspectBackupInput>;

export const RestoreHereInput = z.strictObject({
  path: FsPath,
  backupPassphrase: Secret,
  newPassphrase: Secret,
  kdf: z.enum(['moderate', 'sensitive']),
});
export type RestoreHereInput = z.input<typeof RestoreHereInput>;

const Counts = z.record(z.string(), z.number().int().min(0));

/** A backup verified (header, every chunk, signature, hashes) before anything is written. */
export const BackupInspection = z.strictObject({
  backupId: z.string(),
  createdAt: z.string(),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileLength: z.number().int().min(0),
  /** The vault identity that signed it: fingerprint over the signed keys; the name is only a claim. */
  signer: z.strictObject({
    fingerprintId: z.string(),
    fingerprintDigits: z.array(z.string()),
    name: z.string().optional(),
  }),
  records: Counts,
  files: z.number().int().min(0),
  bytes: z.number().int().min(0),
  /** Whether the backup carries the audit history (older backups do not). */
  history: z.boolean(),
});
export type BackupInspection = z.output<typeof BackupInspection>;

export const RestoreOutcome = z.strictObject({
  /** The new vault's recovery key, shown once (as after `create`). */
  recoveryKey: z.string(),
  backupId: z.string(),
  records: Counts,
  files: z.number().int().min(0),
  /** The audit history restored and verified, or null when the backup did not carry it. */
  history: z.strictObject({ segments: z.number().int(), entries: z.number().int() }).nullable(),
});
export type RestoreOutcome = z.output<typeof RestoreOutcome>;
