/**
 * Splits the decrypted payload into its sections (docs/export-format.md §6): u32 manifest length,
 * manifest, signature, then — once the manifest is checked — the records JSON and every file, each
 * exactly as long as the manifest declares, each hashed with SHA-256 and compared at its end.
 */
import { createHash, type Hash } from 'node:crypto';
import { CaseVaultError } from '../../../shared/errors.ts';
import { LIMITS, MANIFEST_LENGTH_BYTES, SIGNATURE_BYTES } from './format-constants.ts';
import type { ExportManifest, ManifestFile } from './manifest.ts';

export interface SectionHandlers {
  /** Checks the manifest (signature, lengths, recipients) and returns it parsed; throws to refuse. */
  manifest(manifestBytes: Uint8Array, signature: Uint8Array): ExportManifest;
  /** Called with each slice of the records JSON, in order (after the manifest was accepted). */
  records?(slice: Uint8Array): void;
  fileStart?(entry: ManifestFile): Promise<void>;
  fileData?(slice: Uint8Array): Promise<void>;
  fileEnd?(entry: ManifestFile): Promise<void>;
}

type Section = { kind: 'records'; size: number; sha256: string } | { kind: 'file'; entry: ManifestFile };

export class PayloadSections {
  #handlers: SectionHandlers;
  #payloadLength: number;
  #prefix = new Uint8Array(MANIFEST_LENGTH_BYTES);
  #prefixFilled = 0;
  #manifest: Uint8Array | undefined;
  #manifestFilled = 0;
  #signature = new Uint8Array(SIGNATURE_BYTES);
  #signatureFilled = 0;
  #sections: Section[] | undefined;
  #index = 0;
  #remaining = 0;
  #hash: Hash | undefined;
  #started = false;

  constructor(payloadLength: number, handlers: SectionHandlers) {
    this.#payloadLength = payloadLength;
    this.#handlers = handlers;
  }

  async push(plain: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < plain.length) {
      if (!this.#sections) {
        offset = this.#fillHead(plain, offset);
        if (this.#sections) await this.#advance();
        continue;
      }
      if (this.#index >= this.#sections.length)
        throw new CaseVaultError('EXPORT_MALFORMED', 'data after the last section');
      const take = Math.min(this.#remaining, plain.length - offset);
      const slice = plain.subarray(offset, offset + take);
      this.#hash!.update(slice);
      const section = this.#sections[this.#index]!;
      if (section.kind === 'records') this.#handlers.records?.(slice);
      else await this.#handlers.fileData?.(slice);
      this.#remaining -= take;
      offset += take;
      if (this.#remaining === 0) await this.#endSection();
    }
  }

  /** Length prefix, manifest, signature; then the manifest handler decides what follows. */
  #fillHead(plain: Uint8Array, offset: number): number {
    if (this.#prefixFilled < MANIFEST_LENGTH_BYTES) {
      const take = Math.min(MANIFEST_LENGTH_BYTES - this.#prefixFilled, plain.length - offset);
      this.#prefix.set(plain.subarray(offset, offset + take), this.#prefixFilled);
      this.#prefixFilled += take;
      offset += take;
      if (this.#prefixFilled < MANIFEST_LENGTH_BYTES) return offset;
      const length = new DataView(this.#prefix.buffer).getUint32(0);
      const room = this.#payloadLength - MANIFEST_LENGTH_BYTES - SIGNATURE_BYTES;
      if (length < 2 || length > LIMITS.maxManifestBytes || length > room) {
        throw new CaseVaultError('EXPORT_MALFORMED', 'manifest length');
      }
      this.#manifest = new Uint8Array(length);
    }
    const manifest = this.#manifest!;
    if (this.#manifestFilled < manifest.length) {
      const take = Math.min(manifest.length - this.#manifestFilled, plain.length - offset);
      manifest.set(plain.subarray(offset, offset + take), this.#manifestFilled);
      this.#manifestFilled += take;
      offset += take;
      if (this.#manifestFilled < manifest.length) return offset;
    }
    const take = Math.min(SIGNATURE_BYTES - this.#signatureFilled, plain.length - offset);
    this.#signature.set(plain.subarray(offset, offset + take), this.#signatureFilled);
    this.#signatureFilled += take;
    offset += take;
    if (this.#signatureFilled === SIGNATURE_BYTES) {
      const parsed = this.#handlers.manifest(manifest, this.#signature);
      this.#sections = [
        ...(parsed.records
          ? [{ kind: 'records' as const, size: parsed.records.size, sha256: parsed.records.sha256 }]
          : []),
        ...parsed.files.map((entry) => ({ kind: 'file' as const, entry })),
      ];
    }
    return offset;
  }

  /** Opens the next section; zero-length sections are completed at once. */
  async #advance(): Promise<void> {
    while (this.#sections && this.#index < this.#sections.length) {
      const section = this.#sections[this.#index]!;
      if (!this.#started) {
        this.#started = true;
        this.#hash = createHash('sha256');
        this.#remaining = section.kind === 'records' ? section.size : section.entry.size;
        if (section.kind === 'file') await this.#handlers.fileStart?.(section.entry);
      }
      if (this.#remaining > 0) return;
      await this.#endSection();
    }
  }

  async #endSection(): Promise<void> {
    const section = this.#sections![this.#index]!;
    const digest = this.#hash!.digest('hex');
    const expected = section.kind === 'records' ? section.sha256 : section.entry.sha256;
    if (digest !== expected) {
      throw new CaseVaultError(
        'EXPORT_FILE_HASH_MISMATCH',
        section.kind === 'records' ? 'records' : section.entry.id,
      );
    }
    if (section.kind === 'file') await this.#handlers.fileEnd?.(section.entry);
    this.#index++;
    this.#started = false;
    await this.#advance();
  }

  /** Every section was read in full (the payload length guarantees it; checked all the same). */
  finish(): void {
    if (!this.#sections || this.#index !== this.#sections.length) {
      throw new CaseVaultError('EXPORT_MALFORMED', 'payload ended inside a section');
    }
  }
}
