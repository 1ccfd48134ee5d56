/**
 * The case-records service: every read and write the UI and the CLI make on records, on one
 * unlocked vault session. Writes run in one transaction each and validate with the shared schemas;
 * reveals of identifying data are audited.
 */
import { randomUUID } from 'node:crypto';
import { CaseVaultError } from '../../../shared/errors.ts';
import { CustomKindInput } from '../../../shared/records/schemas.ts';
import { codesOf } from '../../../shared/records/taxonomies.ts';
import { plucked, prepared } from '../db/statements.ts';
import type { VaultSession } from '../vault/session.ts';
import { type AuditVerification, appendAudit, listAudit, verifyAuditChain } from './audit.ts';
import { listAuditHistory, verifyAuditHistory } from './audit-history.ts';
import { ENTITIES, type EntityName } from './entities.ts';
import {
  type CaseListFilter,
  type CaseListOptions,
  caseDetail,
  listCases,
  listPeople,
  overdue,
  riskTrend,
} from './queries.ts';
import { type SearchFilters, searchRecords } from './search.ts';
import {
  createRecord,
  deleteRecord,
  getRecord,
  type RecordContext,
  recordHistory,
  updateRecord,
  validate,
} from './store.ts';

export interface RecordsServiceOptions {
  now?: () => Date;
  newId?: () => string;
  actor?: string;
}

const PERSON_ROLES = codesOf('personRole') as readonly string[];

export class RecordsService {
  readonly #session: VaultSession;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #actor: string;

  constructor(session: VaultSession, options: RecordsServiceOptions = {}) {
    this.#session = session;
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    this.#actor = options.actor ?? 'owner';
  }

  get #ctx(): RecordContext {
    return {
      db: this.#session.db,
      mac: this.#session.auditMac,
      now: this.#now,
      newId: this.#newId,
      actor: this.#actor,
    };
  }

  #write<T>(work: (ctx: RecordContext) => T): T {
    const ctx = this.#ctx;
    return ctx.db.transaction(() => work(ctx))();
  }

  create(entity: EntityName, data: unknown) {
    return this.#write((ctx) => createRecord(ctx, entity, data));
  }

  update(entity: EntityName, id: string, patch: Record<string, unknown>) {
    return this.#write((ctx) => updateRecord(ctx, entity, id, patch));
  }

  delete(entity: EntityName, id: string): void {
    this.#write((ctx) => deleteRecord(ctx, entity, id));
  }

  get(entity: EntityName, id: string) {
    return getRecord(this.#session.db, entity, id);
  }

  linkPerson(caseId: string, personId: string, role: string): void {
    if (!PERSON_ROLES.includes(role)) throw new CaseVaultError('RECORD_INVALID', 'role');
    this.#write((ctx) => {
      getRecord(ctx.db, 'case', caseId);
      getRecord(ctx.db, 'person', personId);
      const info = prepared(
        ctx.db,
        'INSERT OR IGNORE INTO case_people (case_id, person_id, role) VALUES (?, ?, ?)',
      ).run(caseId, personId, role);
      if (info.changes > 0) {
        appendAudit(ctx.db, ctx.mac, {
          at: this.#now().toISOString(),
          actor: ctx.actor,
          action: 'record.update',
          entity: 'case',
          recordId: caseId,
          detail: { linked: personId, role },
        });
      }
    });
  }

  unlinkPerson(caseId: string, personId: string, role: string): void {
    this.#write((ctx) => {
      const info = prepared(
        ctx.db,
        'DELETE FROM case_people WHERE case_id = ? AND person_id = ? AND role = ?',
      ).run(caseId, personId, role);
      if (info.changes === 0) throw new CaseVaultError('RECORD_NOT_FOUND', 'link');
      appendAudit(ctx.db, ctx.mac, {
        at: this.#now().toISOString(),
        actor: ctx.actor,
        action: 'record.update',
        entity: 'case',
        recordId: caseId,
        detail: { unlinked: personId, role },
      });
    });
  }

  /** Returns a person's real name, if one is kept, and records that it was shown. */
  revealIdentity(personId: string): { realName: string | null } {
    return this.#write((ctx) => {
      getRecord(ctx.db, 'person', personId);
      const realName =
        (plucked(ctx.db, 'SELECT real_name FROM person_identities WHERE person_id = ?').get(personId) as
          | string
          | undefined) ?? null;
      appendAudit(ctx.db, ctx.mac, {
        at: this.#now().toISOString(),
        actor: ctx.actor,
        action: 'person.reveal-identity',
        entity: 'person',
        recordId: personId,
        detail: { found: realName !== null },
      });
      return { realName };
    });
  }

  history(recordId: string) {
    return recordHistory(this.#session.db, recordId);
  }

  /** Audit entries, newest first; with `caseId`, those of the case and everything in it. */
  audit(options: { caseId?: string; limit?: number; beforeSeq?: number } = {}) {
    const recordIds = this.#caseRecordIds(options.caseId);
    return listAudit(this.#session.db, { recordIds, limit: options.limit, beforeSeq: options.beforeSeq });
  }

  /** The same over the history a restore carried (records/audit-history.ts), newest first. */
  auditHistory(options: { caseId?: string; limit?: number } = {}) {
    const recordIds = this.#caseRecordIds(options.caseId);
    return listAuditHistory(this.#session.db, { recordIds, limit: options.limit });
  }

  #caseRecordIds(caseId: string | undefined): string[] | undefined {
    if (!caseId) return undefined;
    const db = this.#session.db;
    return [
      caseId,
      ...(plucked(db, 'SELECT record_id FROM search_docs WHERE case_id = ?').all(caseId) as string[]),
    ];
  }

  /** The current chain, then the history a restore carried (records/audit-history.ts). */
  verifyAudit(): AuditVerification {
    const session = this.#session;
    const chain = verifyAuditChain(session.db, session.auditMac);
    if (!chain.ok) return chain;
    const history = verifyAuditHistory(session.db, (key) => session.historyMac(key));
    if (history.ok && history.segments === 0) return chain;
    const summary = { segments: history.segments, entries: history.entries };
    if (!history.ok) {
      const seq = history.broken?.seq ?? 0;
      return { ok: false, entries: chain.entries, broken: { seq, reason: 'history' }, history: summary };
    }
    return { ...chain, history: summary };
  }

  search(query: string, filters: SearchFilters = {}) {
    return searchRecords(this.#session.db, query, filters);
  }

  listCases(filter: CaseListFilter = {}, offset = 0, limit = 100, options: CaseListOptions = {}) {
    return listCases(this.#session.db, filter, offset, limit, options);
  }

  caseDetail(caseId: string) {
    return caseDetail(this.#session.db, caseId);
  }

  caseByCode(code: string) {
    const id = plucked(this.#session.db, 'SELECT id FROM cases WHERE code = ?').get(code) as
      | string
      | undefined;
    if (!id) throw new CaseVaultError('RECORD_NOT_FOUND', 'case');
    return caseDetail(this.#session.db, id);
  }

  riskTrend(caseId: string) {
    getRecord(this.#session.db, 'case', caseId);
    return riskTrend(this.#session.db, caseId);
  }

  overdue(today: string = this.#now().toISOString().slice(0, 10)) {
    return overdue(this.#session.db, today);
  }

  listPeople(aliasPrefix?: string, limit = 200) {
    return listPeople(this.#session.db, aliasPrefix, Math.min(Math.max(limit, 1), 1000));
  }

  addCustomKind(input: unknown) {
    const kind = validate(CustomKindInput, input);
    return this.#write((ctx) => {
      const at = this.#now().toISOString();
      const info = prepared(
        ctx.db,
        'INSERT OR IGNORE INTO custom_kinds (code, label_fr, label_en, created_at) VALUES (?, ?, ?, ?)',
      ).run(kind.code, kind.fr, kind.en, at);
      if (info.changes === 0) throw new CaseVaultError('RECORD_CONFLICT', 'code');
      appendAudit(ctx.db, ctx.mac, {
        at,
        actor: ctx.actor,
        action: 'kind.create',
        detail: { code: kind.code },
      });
      return kind;
    });
  }

  listCustomKinds(): Array<{ code: string; fr: string; en: string }> {
    return prepared(
      this.#session.db,
      'SELECT code, label_fr AS fr, label_en AS en FROM custom_kinds ORDER BY code',
    ).all() as Array<{ code: string; fr: string; en: string }>;
  }

  /** Exposed for import/export, which run their own transaction over many records. */
  context(): RecordContext {
    return this.#ctx;
  }

  static entities = ENTITIES;
}
