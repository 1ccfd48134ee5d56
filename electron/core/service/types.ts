/**
 * The async service interface every front end (Electron main, the e2e harness, later the CLI's
 * long-running commands) uses to drive one vault folder. It is async from the start so that the
 * implementation can live off the UI thread: `LocalVaultService` runs the core in the calling
 * thread (tests, CLI), `electron/host/worker-vault-service.ts` runs the same class in a
 * worker thread and proxies every call.
 *
 * Secrets (passphrases, recovery keys) arrive as strings because that is what a text field gives;
 * they are never logged and never put in an error.
 */
import type { TaskProgress } from '../../../shared/evidence/schemas.ts';
import type { KdfPreset, LockReasonName, VaultStatus } from '../../../shared/ipc/contract.ts';
import type { BackupInspection, RestoreOutcome } from '../../../shared/sharing/restore-schemas.ts';

export interface VaultService {
  /** State of the configured vault folder: none, locked or unlocked, with keyless header facts. */
  status(): Promise<VaultStatus>;
  /** Creates the vault (fails with VAULT_ALREADY_EXISTS if one is there) and leaves it unlocked. */
  create(passphrase: string, kdf: KdfPreset): Promise<{ recoveryKey: string }>;
  /** WRONG_PASSPHRASE, HEADER_DAMAGED, HEADER_ALTERED, DATABASE_* … as CaseVaultError codes. */
  unlock(passphrase: string): Promise<void>;
  /** Closes the database (truncating checkpoint) and wipes every key. Idempotent. */
  lock(reason?: LockReasonName): Promise<void>;
  /** Requires the vault unlocked and the current passphrase; rewraps the master key only. */
  changePassphrase(current: string, next: string): Promise<void>;
  /** Works from the locked state: opens with the recovery key, sets a new passphrase, stays unlocked. */
  recover(recoveryKey: string, newPassphrase: string): Promise<void>;
  /**
   * Runs one case-records operation (the `records:*` IPC channels, without the prefix) on the
   * unlocked vault; VAULT_LOCKED otherwise. The input has passed the contract's schema in main.
   */
  records(op: string, input: unknown): Promise<unknown>;
  /**
   * Runs one evidence operation (shared/evidence/schemas.ts EVIDENCE_OP_INPUTS: add, list, get,
   * custody, view-start, read-range, extract, verify, redact, delete, check) on the unlocked vault.
   * Inputs carry real paths resolved by main. With `task`, long operations (add, verify, check,
   * extract) report progress through `onProgress` and can be stopped with `cancel(taskId)`
   * (TASK_CANCELLED; a cancelled add writes nothing).
   */
  evidence(op: string, input: unknown, task?: { taskId: string }): Promise<unknown>;
  /** Cancels a running task; unknown or finished task ids are ignored. */
  cancel(taskId: string): Promise<void>;
  /** Progress of tasks started with a task id. Returns an unsubscribe. */
  onProgress(listener: (progress: TaskProgress) => void): () => void;
  /**
   * Runs one identity or contacts operation (electron/core/identity/identity-ops.ts: `get`,
   * `update`, `card-file`, `contacts-*`) on the unlocked vault; VAULT_LOCKED otherwise. Results
   * are public views: no secret key ever comes out of here.
   */
  identity(op: string, input: unknown): Promise<unknown>;
  /**
   * Runs one reports operation (electron/core/reports/reports-ops.ts: list, build, render,
   * record-export) on the unlocked vault; VAULT_LOCKED otherwise.
   */
  reports(op: string, input: unknown): Promise<unknown>;
  /**
   * Runs one sharing operation (shared/sharing/schemas.ts SHARING_OP_INPUTS: export-plan, export,
   * exports-list, open-verify, open-import, extract-to, received-list, received-get, receipt-create,
   * receipt-import, backup, backup-status) on the unlocked vault; VAULT_LOCKED otherwise. Inputs
   * carry real paths resolved by main. With `task`, long operations (export, open-verify,
   * open-import, extract-to, backup) report progress and can be cancelled like evidence tasks.
   * Results never carry a secret key or a passphrase. Restore is not here: it needs no open vault
   * (electron/core/sharing/restore.ts).
   */
  sharing(op: string, input: unknown, task?: { taskId: string }): Promise<unknown>;
  /**
   * Restores a backup file into a NEW vault in `input.newDir` (shared/sharing/schemas.ts
   * RestoreInput, validated here); works whatever the state of this service's own vault, which it
   * does not touch. Returns the new vault's recovery key (shown once, as `create` does) and counts.
   */
  restoreBackup(input: unknown): Promise<{
    dir: string;
    recoveryKey: string;
    backupId: string;
    records: Record<string, number>;
    files: number;
  }>;
  /**
   * Verifies a backup file with its passphrase (shared/sharing/restore-schemas.ts InspectBackupInput)
   * and says who signed it, when, and what it holds; writes nothing; works with no vault. With
   * `task`, reports bytes read and can be cancelled.
   */
  inspectBackup(input: unknown, task?: { taskId: string }): Promise<BackupInspection>;
  /**
   * Restores a backup into THIS service's vault folder (RestoreHereInput; VAULT_ALREADY_EXISTS if a
   * vault is there) with the restore's guarantees (nothing left on failure), and leaves the new
   * vault unlocked. With `task`, reports progress and can be cancelled (TASK_CANCELLED).
   */
  restoreHere(input: unknown, task?: { taskId: string }): Promise<RestoreOutcome>;
  /** Called with the reason every time the vault goes from unlocked to locked. Returns an unsubscribe. */
  onLocked(listener: (reason: LockReasonName) => void): () => void;
  /** Locks and releases resources (the worker thread, if any). */
  dispose(): Promise<void>;
}
