/**
 * IPC channels for restoring a backup from the first-run screen (`vault:restore-*`). The renderer
 * never sends a path: `vault:restore-pick` opens main's own dialog (or spends a `files:*` token) and
 * answers with an opaque `pickId`; verify and restore name that id. The backup is restored into the
 * app's vault folder (main's choice, as for `vault:create`), only when there is no vault there.
 * Passphrases cross as bounded strings and are never logged.
 */
import { z } from 'zod';
import { Id } from '../records/schemas.ts';
import { BackupInspection, RestoreOutcome } from '../sharing/restore-schemas.ts';
import { TaskId } from './evidence-contract.ts';
import { FileToken } from './files-contract.ts';

const Passphrase = z.string().min(1).max(1024);

export const restoreContract = {
  'vault:restore-pick': {
    input: z.object({ token: FileToken.optional() }).strict(),
    output: z.union([
      z.object({ cancelled: z.literal(true) }).strict(),
      z.object({ cancelled: z.literal(false), pickId: Id, fileName: z.string() }).strict(),
    ]),
  },
  /** The whole file verified with the backup passphrase; nothing is written. */
  'vault:restore-verify': {
    input: z.object({ pickId: Id, backupPassphrase: Passphrase, taskId: TaskId }).strict(),
    output: BackupInspection,
  },
  /** Restores into the app's vault folder and leaves the new vault unlocked. */
  'vault:restore': {
    input: z
      .object({
        pickId: Id,
        backupPassphrase: Passphrase,
        newPassphrase: Passphrase,
        kdf: z.enum(['moderate', 'sensitive']),
        taskId: TaskId,
      })
      .strict(),
    output: RestoreOutcome,
  },
} as const;
