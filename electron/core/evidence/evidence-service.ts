/**
 * The evidence locker on one unlocked vault session: intake, listing, custody, range reads for
 * previews, decrypted copies, verification, redacted copies, deletion and the folder check.
 * Every file key is unwrapped for one operation and wiped after it, except the few kept for open
 * previews (`view-start`), which `close()` wipes on lock.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CaseVaultError } from '../../../shared/errors.ts';
import {
  EvidenceAddInput as AddSchema,
  type CustodyEntry,
  type EvidenceAddInput,
  type EvidenceCheckReport,
  type EvidenceDetail,
  type EvidenceItem,
  type EvidenceList,
  type EvidenceListInput,
  type EvidenceMetadata,
  type EvidenceViewInfo,
  type RedactionRegion,
  type VerifyResult,
} from '../../../shared/evidence/schemas.ts';
import { loadSodium, type Sodium, wipe } from '../crypto/sodium.ts';
import { ioError, shredFile } from '../vault/files.ts';
import type { VaultSession } from '../vault/session.ts';
import { blobPath, evidenceDir, listEvidenceFiles } from './blob-files.ts';
import { blobPlaintext, readBlobRange, verifyBlob } from './blob-reader.ts';
import { bufferSource, type PlainSource, writeBlob } from './blob-writer.ts';
import { detectType } from './content-type.ts';
import { appendCustody, type CustodyContext, custodyTimeline } from './custody.ts';
import { checkLinks } from './links.ts';
import { extractMetadata } from './metadata.ts';
import { redactImage } from './redact.ts';
import {
  deleteEvidenceRow,
  dequeueShred,
  type EvidenceRow,
  getEvidenceRow,
  insertEvidence,
  iterateEvidence,
  listEvidence,
  referencedBlobNames,
  shredQueue,
  toItem,
} from './repository.ts';

export interface EvidenceServiceOptions {
  now?: () => Date;
  newId?: () => string;
  actor?: string;
}

export interface TaskOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number, item?: string) => void) | undefined;
}

const VIEW_KEYS = 8;

export class EvidenceService {
  readonly #session: VaultSession;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #actor: string;
  /** File keys of items open in a preview, most recent last; wiped on eviction and on close. */
  readonly #viewKeys = new Map<string, Uint8Array>();
  #sodium: Sodium | undefined;

  constructor(session: VaultSession, options: EvidenceServiceOptions = {}) {
    this.#session = session;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#actor = options.actor ?? 'owner';
  }

  async #sodiumReady(): Promise<Sodium> {
    this.#sodium ??= await loadSodium();
    return this.#sodium;
  }

  get #ctx(): CustodyContext {
    return { db: this.#session.db, mac: this.#session.auditMac, now: this.#now, actor: this.#actor };
  }

  /** Adds one file (a real path). One pass: hash, type, metadata and encryption; then one transaction. */
  async add(raw: EvidenceAddInput, task: TaskOptions = {}): Promise<EvidenceItem> {
    const input = AddSchema.parse(raw);
    const db = this.#session.db;
    const caseKind = checkLinks(db, input);
    let handle: fs.FileHandle;
    let size: number;
    try {
      handle = await fs.open(input.path, 'r');
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        throw new CaseVaultError('FILE_NOT_READABLE');
      }
      size = stat.size;
    } catch (error) {
      if (error instanceof CaseVaultError) throw error;
      throw new CaseVaultError('FILE_NOT_READABLE', (error as NodeJS.ErrnoException).code);
    }
    const source: PlainSource = {
      size,
      read: async (into, position) => (await handle.read(into, 0, into.length, position)).bytesRead,
    };
    try {
      return await this.#store(source, {
        caseId: input.caseId,
        incidentId: input.incidentId,
        riskEntryId: input.riskEntryId,
        originalName: input.originalName ?? path.basename(input.path),
        capturedAt: input.capturedAt,
        source: input.source,
        ocsea: caseKind === 'ocsea-report' && input.ocseaAcknowledged !== true,
        task,
      });
    } finally {
      await handle.close().catch(() => undefined);
    }
  }

  async #store(
    source: PlainSource,
    info: {
      caseId: string;
      incidentId?: string | undefined;
      riskEntryId?: string | undefined;
      redactedOf?: string | undefined;
      originalName: string;
      capturedAt?: string | undefined;
      source: EvidenceItem['source'];
      ocsea: boolean;
      task: TaskOptions;
      custody?: { action: 'acquire'; detail: Record<string, unknown> };
    },
  ): Promise<EvidenceItem> {
    const sodium = await this.#sodiumReady();
    const id = this.#newId();
    const fileKey = sodium.randombytes_buf(32);
    let written: Awaited<ReturnType<typeof writeBlob>> | undefined;
    try {
      written = await writeBlob(sodium, this.#session.dir, fileKey, source, {
        signal: info.task.signal,
        onProgress: info.task.onProgress && ((done, total) => info.task.onProgress!(done, total, id)),
        beforeWrite: async (head) => {
          const type = await detectType(head);
          if (info.ocsea && (type.category === 'image' || type.category === 'video'))
            throw new CaseVaultError('EVIDENCE_OCSEA_WARNING');
        },
      });
      const type = await detectType(written.prefix);
      const metadata: EvidenceMetadata = await extractMetadata(type, written.prefix, written.tail);
      const wrappedKey = this.#session.wrapEvidenceKey(fileKey, id);
      const addedAt = this.#now().toISOString();
      if (info.task.signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
      const ctx = this.#ctx;
      const blob = written;
      ctx.db.transaction(() => {
        // Links are checked again inside the transaction: the case may have gone meanwhile.
        checkLinks(ctx.db, info);
        insertEvidence(ctx.db, {
          id,
          caseId: info.caseId,
          incidentId: info.incidentId,
          riskEntryId: info.riskEntryId,
          redactedOf: info.redactedOf,
          blobName: blob.blobName,
          wrappedKey,
          size: blob.size,
          sha256: blob.sha256,
          type,
          originalName: info.originalName,
          capturedAt: info.capturedAt,
          addedAt,
          addedBy: this.#actor,
          source: info.source,
          metadata,
          hasLocation: metadata.gps !== undefined,
        });
        if (info.redactedOf) {
          const original = getEvidenceRow(ctx.db, info.redactedOf);
          appendCustody(ctx, 'redact', original.id, original.sha256, { copy: id, copySha256: blob.sha256 });
          appendCustody(ctx, 'acquire', id, blob.sha256, {
            size: blob.size,
            mime: type.mime,
            redactedOf: original.id,
          });
        } else {
          appendCustody(ctx, 'acquire', id, blob.sha256, { size: blob.size, mime: type.mime });
        }
      })();
      return toItem(ctx.db, getEvidenceRow(ctx.db, id));
    } catch (error) {
      if (written)
        await fs.rm(blobPath(this.#session.dir, written.blobName), { force: true }).catch(() => undefined);
      throw error;
    } finally {
      written?.prefix.fill(0);
      written?.tail.fill(0);
      wipe(sodium, fileKey);
    }
  }

  list(filter: EvidenceListInput): EvidenceList {
    return listEvidence(this.#session.db, filter);
  }

  get(id: string): EvidenceDetail {
    const db = this.#session.db;
    const row = getEvidenceRow(db, id);
    return {
      item: toItem(db, row),
      metadata: JSON.parse(row.metadata) as EvidenceMetadata,
      custody: custodyTimeline(db, id),
    };
  }

  custody(id: string): CustodyEntry[] {
    getEvidenceRow(this.#session.db, id);
    return custodyTimeline(this.#session.db, id);
  }

  #unwrap(row: EvidenceRow): Uint8Array {
    return this.#session.unwrapEvidenceKey(row.wrapped_key, row.id);
  }

  /** One custody `view` entry per opened preview; the range reads that follow are not logged. */
  viewStart(id: string): EvidenceViewInfo {
    const ctx = this.#ctx;
    const row = getEvidenceRow(ctx.db, id);
    const key = this.#unwrap(row);
    this.#forgetViewKey(id);
    this.#viewKeys.set(id, key);
    while (this.#viewKeys.size > VIEW_KEYS) this.#forgetViewKey(this.#viewKeys.keys().next().value!);
    ctx.db.transaction(() => appendCustody(ctx, 'view', id, row.sha256))();
    return { id, size: row.size, mime: row.mime };
  }

  #forgetViewKey(id: string): void {
    const key = this.#viewKeys.get(id);
    if (key) key.fill(0);
    this.#viewKeys.delete(id);
  }

  async readRange(id: string, start: number, end: number): Promise<{ bytes: Uint8Array; size: number }> {
    const sodium = await this.#sodiumReady();
    const row = getEvidenceRow(this.#session.db, id);
    const cached = this.#viewKeys.get(id);
    const key = cached ?? this.#unwrap(row);
    try {
      const bytes = await readBlobRange(sodium, this.#session.dir, this.#ref(row), key, start, end);
      return { bytes, size: row.size };
    } finally {
      if (!cached) wipe(sodium, key);
    }
  }

  #ref(row: EvidenceRow) {
    return { id: row.id, blobName: row.blob_name, size: row.size, sha256: row.sha256 };
  }

  /**
   * The item's plaintext as a stream of buffers (wiped after each step: copy what you keep), for
   * sealed exports. Logs one custody `export` entry when the stream starts.
   */
  async *openPlaintextStream(id: string, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
    const sodium = await this.#sodiumReady();
    const ctx = this.#ctx;
    const row = getEvidenceRow(ctx.db, id);
    const key = this.#unwrap(row);
    try {
      ctx.db.transaction(() => appendCustody(ctx, 'export', id, row.sha256))();
      yield* blobPlaintext(sodium, this.#session.dir, this.#ref(row), key, signal);
    } finally {
      wipe(sodium, key);
    }
  }

  blobInfo(id: string): { id: string; size: number; sha256: string; mime: string; originalName: string } {
    const row = getEvidenceRow(this.#session.db, id);
    return { id, size: row.size, sha256: row.sha256, mime: row.mime, originalName: row.original_name };
  }

  /**
   * Writes a decrypted copy to `outPath` (exclusive create: never overwrites), checking the hash
   * on the way; a failure removes the partial copy. Custody: `extract` (or `export`).
   */
  async extract(
    id: string,
    outPath: string,
    purpose: 'extract' | 'export',
    task: TaskOptions = {},
  ): Promise<{ size: number; sha256: string }> {
    const sodium = await this.#sodiumReady();
    const ctx = this.#ctx;
    const row = getEvidenceRow(ctx.db, id);
    let out: fs.FileHandle;
    try {
      out = await fs.open(outPath, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new CaseVaultError('FILE_EXISTS');
      throw ioError(error);
    }
    const key = this.#unwrap(row);
    const hash = createHash('sha256');
    let done = 0;
    try {
      for await (const plain of blobPlaintext(sodium, this.#session.dir, this.#ref(row), key, task.signal)) {
        hash.update(plain);
        await out.write(plain);
        done += plain.length;
        task.onProgress?.(done, row.size, id);
      }
      if (hash.digest('hex') !== row.sha256) throw new CaseVaultError('EVIDENCE_DAMAGED', 'hash');
      await out.sync();
      await out.close();
    } catch (error) {
      await out.close().catch(() => undefined);
      await fs.rm(outPath, { force: true }).catch(() => undefined);
      throw error;
    } finally {
      wipe(sodium, key);
    }
    ctx.db.transaction(() => appendCustody(ctx, purpose, id, row.sha256, { size: row.size }))();
    return { size: row.size, sha256: row.sha256 };
  }

  /** Re-decrypts and re-hashes every item (or the ids given); one custody `verify` entry each. */
  async verify(ids?: readonly string[], task: TaskOptions = {}): Promise<VerifyResult[]> {
    const sodium = await this.#sodiumReady();
    const rows = iterateEvidence(this.#session.db, ids);
    const results: VerifyResult[] = [];
    for (const [index, row] of rows.entries()) {
      if (task.signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
      let result: VerifyResult;
      let key: Uint8Array | undefined;
      try {
        key = this.#unwrap(row);
        result = await verifyBlob(sodium, this.#session.dir, this.#ref(row), key, task.signal);
      } catch (error) {
        if (!(error instanceof CaseVaultError && error.code === 'EVIDENCE_DAMAGED')) throw error;
        result = { id: row.id, ok: false, reason: 'auth' };
      } finally {
        wipe(sodium, key);
      }
      const ctx = this.#ctx;
      ctx.db.transaction(() =>
        appendCustody(
          ctx,
          'verify',
          row.id,
          row.sha256,
          result.ok ? { ok: true } : { ok: false, reason: result.reason },
        ),
      )();
      results.push(result);
      task.onProgress?.(index + 1, rows.length, row.id);
    }
    return results;
  }

  /** A redacted copy of an image: regions blacked out, no metadata, stored as a new linked item. */
  async redact(
    id: string,
    regions: readonly RedactionRegion[],
    task: TaskOptions = {},
  ): Promise<EvidenceItem> {
    const sodium = await this.#sodiumReady();
    const row = getEvidenceRow(this.#session.db, id);
    const key = this.#unwrap(row);
    let result: { bytes: Uint8Array; ext: string } | undefined;
    try {
      result = await redactImage(
        row.mime,
        row.size,
        () => blobPlaintext(sodium, this.#session.dir, this.#ref(row), key, task.signal),
        regions,
      );
    } finally {
      wipe(sodium, key);
    }
    try {
      const base = row.original_name.replace(/\.[^.]*$/, '');
      return await this.#store(bufferSource(result.bytes), {
        caseId: row.case_id,
        incidentId: row.incident_id ?? undefined,
        riskEntryId: row.risk_entry_id ?? undefined,
        redactedOf: row.id,
        originalName: `${base}-redacted.${result.ext}`,
        source: JSON.parse(row.source),
        ocsea: false,
        task,
      });
    } finally {
      result.bytes.fill(0);
    }
  }

  /**
   * Deletes an item: its row goes (the trigger queues the blob), a custody `delete` entry stays,
   * then the blob is overwritten and removed. Redacted copies of it are kept and show
   * `originalDeleted` (a survivor may want only the redacted copy kept).
   */
  async delete(id: string): Promise<void> {
    const ctx = this.#ctx;
    ctx.db.transaction(() => {
      const row = getEvidenceRow(ctx.db, id);
      deleteEvidenceRow(ctx.db, id);
      appendCustody(ctx, 'delete', id, row.sha256, { size: row.size });
    })();
    this.#forgetViewKey(id);
    await this.drainShredQueue();
  }

  /** Overwrites and removes every blob whose row is gone. Safe to repeat after a crash. */
  async drainShredQueue(): Promise<number> {
    const db = this.#session.db;
    const names = shredQueue(db);
    for (const name of names) {
      await shredFile(blobPath(this.#session.dir, name));
      dequeueShred(db, name);
    }
    return names.length;
  }

  /**
   * Verifies every item and lists files in the evidence folder no row refers to (interrupted
   * intakes). With `repair`, removes those orphans (overwriting them first); items are never touched.
   */
  async check(repair: boolean, task: TaskOptions = {}): Promise<EvidenceCheckReport> {
    await this.drainShredQueue();
    const referenced = referencedBlobNames(this.#session.db);
    const orphans = (await listEvidenceFiles(this.#session.dir)).filter((name) => !referenced.has(name));
    const removed: string[] = [];
    if (repair) {
      for (const name of orphans) {
        await shredFile(path.join(evidenceDir(this.#session.dir), name));
        removed.push(name);
      }
    }
    const results = await this.verify(undefined, task);
    const failed = results.filter((r) => !r.ok);
    return {
      ok: failed.length === 0 && orphans.length === removed.length,
      items: results.length,
      failed,
      orphans,
      removedOrphans: removed,
    };
  }

  /** Wipes the keys kept for previews. Called on lock. */
  close(): void {
    for (const id of [...this.#viewKeys.keys()]) this.#forgetViewKey(id);
  }
}
