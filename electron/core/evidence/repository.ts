/** Evidence rows: the only SQL on `evidence_items` and `evidence_shred_queue`. */
import { CaseVaultError } from '../../../shared/errors.ts';
import type {
  DetectedType,
  EvidenceCategory,
  EvidenceItem,
  EvidenceMetadata,
  EvidenceSource,
} from '../../../shared/evidence/schemas.ts';
import type { VaultDatabase } from '../db/open.ts';

export interface EvidenceRow {
  id: string;
  case_id: string;
  incident_id: string | null;
  risk_entry_id: string | null;
  redacted_of: string | null;
  blob_name: string;
  wrapped_key: Uint8Array;
  size: number;
  sha256: string;
  mime: string;
  ext: string;
  category: string;
  original_name: string;
  captured_at: string | null;
  added_at: string;
  added_by: string;
  source: string;
  metadata: string;
  has_location: number;
}

export interface NewEvidence {
  id: string;
  caseId: string;
  incidentId?: string | undefined;
  riskEntryId?: string | undefined;
  redactedOf?: string | undefined;
  blobName: string;
  wrappedKey: Uint8Array;
  size: number;
  sha256: string;
  type: DetectedType;
  originalName: string;
  capturedAt?: string | undefined;
  addedAt: string;
  addedBy: string;
  source: EvidenceSource;
  metadata: EvidenceMetadata;
  hasLocation: boolean;
}

export function insertEvidence(db: VaultDatabase, e: NewEvidence): void {
  db.prepare(
    `INSERT INTO evidence_items (id, case_id, incident_id, risk_entry_id, redacted_of, blob_name, wrapped_key,
       size, sha256, mime, ext, category, original_name, captured_at, added_at, added_by, source, metadata, has_location)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.caseId,
    e.incidentId ?? null,
    e.riskEntryId ?? null,
    e.redactedOf ?? null,
    e.blobName,
    e.wrappedKey,
    e.size,
    e.sha256,
    e.type.mime,
    e.type.ext,
    e.type.category,
    e.originalName,
    e.capturedAt ?? null,
    e.addedAt,
    e.addedBy,
    JSON.stringify(e.source),
    JSON.stringify(e.metadata),
    e.hasLocation ? 1 : 0,
  );
}

export function findEvidence(db: VaultDatabase, id: string): EvidenceRow | undefined {
  return db.prepare('SELECT * FROM evidence_items WHERE id = ?').get(id) as EvidenceRow | undefined;
}

export function getEvidenceRow(db: VaultDatabase, id: string): EvidenceRow {
  const row = findEvidence(db, id);
  if (!row) throw new CaseVaultError('EVIDENCE_NOT_FOUND');
  return row;
}

export function toItem(db: VaultDatabase, row: EvidenceRow): EvidenceItem {
  const copies = db
    .prepare('SELECT id FROM evidence_items WHERE redacted_of = ? ORDER BY added_at, id')
    .pluck()
    .all(row.id) as string[];
  const item: EvidenceItem = {
    id: row.id,
    caseId: row.case_id,
    originalName: row.original_name,
    detectedType: { mime: row.mime, ext: row.ext, category: row.category as EvidenceCategory },
    size: row.size,
    sha256: row.sha256,
    addedAt: row.added_at,
    addedBy: row.added_by,
    source: JSON.parse(row.source) as EvidenceSource,
    hasLocation: row.has_location === 1,
    redactedCopies: copies,
  };
  if (row.incident_id) item.incidentId = row.incident_id;
  if (row.risk_entry_id) item.riskEntryId = row.risk_entry_id;
  if (row.captured_at) item.capturedAt = row.captured_at;
  if (row.redacted_of) {
    item.redactedOf = row.redacted_of;
    item.originalDeleted = findEvidence(db, row.redacted_of) === undefined;
  }
  return item;
}

export function listEvidence(
  db: VaultDatabase,
  filter: { caseId?: string | undefined; incidentId?: string | undefined; offset?: number; limit?: number },
): { items: EvidenceItem[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.caseId) {
    where.push('case_id = ?');
    args.push(filter.caseId);
  }
  if (filter.incidentId) {
    where.push('incident_id = ?');
    args.push(filter.incidentId);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM evidence_items ${clause}`)
    .pluck()
    .get(...args) as number;
  const rows = db
    .prepare(`SELECT * FROM evidence_items ${clause} ORDER BY added_at, id LIMIT ? OFFSET ?`)
    .all(...args, filter.limit ?? 200, filter.offset ?? 0) as EvidenceRow[];
  return { items: rows.map((row) => toItem(db, row)), total };
}

/** Rows of every item, for verify and check (id, blob name, size, hash, wrapped key). */
export function iterateEvidence(db: VaultDatabase, ids?: readonly string[]): EvidenceRow[] {
  if (ids) return ids.map((id) => getEvidenceRow(db, id));
  return db.prepare('SELECT * FROM evidence_items ORDER BY added_at, id').all() as EvidenceRow[];
}

export function deleteEvidenceRow(db: VaultDatabase, id: string): void {
  db.prepare('DELETE FROM evidence_items WHERE id = ?').run(id);
}

export function referencedBlobNames(db: VaultDatabase): Set<string> {
  const live = db.prepare('SELECT blob_name FROM evidence_items').pluck().all() as string[];
  const queued = db.prepare('SELECT blob_name FROM evidence_shred_queue').pluck().all() as string[];
  // Files received in sealed exports live in the same folder (electron/core/sharing/received-store.ts).
  const received = db.prepare('SELECT blob_name FROM received_files').pluck().all() as string[];
  return new Set([...live, ...queued, ...received]);
}

export function shredQueue(db: VaultDatabase): string[] {
  return db
    .prepare('SELECT blob_name FROM evidence_shred_queue ORDER BY queued_at')
    .pluck()
    .all() as string[];
}

export function dequeueShred(db: VaultDatabase, name: string): void {
  db.prepare('DELETE FROM evidence_shred_queue WHERE blob_name = ?').run(name);
}

/** Items of a case, for the custody entries a case deletion owes (called by the records store). */
export function evidenceOfCase(db: VaultDatabase, caseId: string): Array<{ id: string; sha256: string }> {
  return db.prepare('SELECT id, sha256 FROM evidence_items WHERE case_id = ?').all(caseId) as Array<{
    id: string;
    sha256: string;
  }>;
}
