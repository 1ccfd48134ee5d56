/**
 * A push-fed evidence blob: plaintext handed over by the export opener (a FileSink) is encrypted
 * as it arrives, in the evidence blob format (docs/evidence-format.md), into `<name>.part` in the
 * evidence folder — never written in clear. `close()` finishes, fsyncs and renames the blob;
 * `abort()` removes it. The file key is random per blob; the caller wraps it (session) and wipes it.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { CaseVaultError } from '../../../shared/errors.ts';
import type { Sodium } from '../crypto/sodium.ts';
import { blobPath, ensureEvidenceDir, fsyncDir, newBlobName, PART_SUFFIX } from '../evidence/blob-files.ts';
import { BlobEncryptor } from '../evidence/blob-format.ts';
import type { FileSink } from '../export/index.ts';
import { ioError } from '../vault/files.ts';

export class BlobSink implements FileSink {
  readonly blobName = newBlobName();
  readonly #vaultDir: string;
  readonly #encryptor: BlobEncryptor;
  readonly #hash = createHash('sha256');
  #handle: fs.FileHandle | undefined;
  #size = 0;
  #state: 'open' | 'committed' | 'aborted' = 'open';
  sha256 = '';

  constructor(sodium: Sodium, vaultDir: string, fileKey: Uint8Array) {
    this.#vaultDir = vaultDir;
    this.#encryptor = new BlobEncryptor(sodium, fileKey);
  }

  get size(): number {
    return this.#size;
  }

  get #final(): string {
    return blobPath(this.#vaultDir, this.blobName);
  }

  async #out(): Promise<fs.FileHandle> {
    if (!this.#handle) {
      await ensureEvidenceDir(this.#vaultDir);
      try {
        this.#handle = await fs.open(`${this.#final}${PART_SUFFIX}`, 'wx', 0o600);
      } catch (error) {
        throw ioError(error);
      }
    }
    return this.#handle;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.#state !== 'open') throw new CaseVaultError('INTERNAL', 'blob sink closed');
    const out = await this.#out();
    this.#hash.update(bytes);
    this.#size += bytes.length;
    const pieces = this.#encryptor.push(bytes);
    if (pieces.length > 0) await out.writev(pieces);
  }

  async close(): Promise<void> {
    const out = await this.#out();
    await out.writev(this.#encryptor.finish());
    await out.sync();
    await out.close();
    this.#handle = undefined;
    await fs.rename(`${this.#final}${PART_SUFFIX}`, this.#final);
    await fsyncDir(await ensureEvidenceDir(this.#vaultDir));
    this.sha256 = this.#hash.digest('hex');
    this.#state = 'committed';
  }

  /** Removes whatever was written (the part file, or the committed blob when rolling back). */
  async abort(): Promise<void> {
    if (this.#state === 'open') this.#encryptor.dispose();
    this.#state = 'aborted';
    await this.#handle?.close().catch(() => undefined);
    this.#handle = undefined;
    await fs.rm(`${this.#final}${PART_SUFFIX}`, { force: true }).catch(() => undefined);
    await fs.rm(this.#final, { force: true }).catch(() => undefined);
  }
}
