/**
 * Threat: a survivor asks for their record to be deleted, or a defender deletes a record before
 * crossing a border; later the device is seized and the database examined with the key. Deletion
 * must be real: after lock (checkpoint), no trace of the deleted text remains anywhere in the
 * database — not in the table, the history, the search index, free pages or the WAL.
 */
import { createDecipheriv } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { passphraseBytes } from '../../../../electron/core/crypto/kdf.ts';
import { loadSodium } from '../../../../electron/core/crypto/sodium.ts';
import { deriveSubkey } from '../../../../electron/core/crypto/subkeys.ts';
import { openKeyslot } from '../../../../electron/core/vault/keyslots.ts';
import { readHeaderFile } from '../../../../electron/core/vault/vault.ts';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { openRecordsFixture, type RecordsFixture, seedDefenderCase } from './fixture.ts';

let fx: RecordsFixture;
beforeEach(async () => {
  fx = await openRecordsFixture();
});
afterEach(() => fx.cleanup());

const SENTINEL = 'zqxsentinelwq';

/**
 * Decrypts every page of the database file, free pages included, the way an examiner holding the
 * key would: SQLCipher 4 pages are AES-256-CBC under the raw key, with a 16-byte IV and a 64-byte
 * HMAC reserved at the end of each 4096-byte page, and page 1's first 16 bytes are the salt.
 * Written independently of SQLCipher, from its documented format.
 */
async function decryptedPages(dir: string): Promise<Buffer> {
  const sodium = await loadSodium();
  const header = await readHeaderFile(dir);
  const master = openKeyslot(
    sodium,
    header.body.keyslots[0]!,
    passphraseBytes(PASSPHRASE),
    header.body.vaultId,
    'WRONG_PASSPHRASE',
  );
  const key = deriveSubkey(sodium, master, 'database');
  const bytes = readFileSync(path.join(dir, 'vault.db'));
  const PAGE = 4096;
  const RESERVE = 80;
  const out: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += PAGE) {
    const page = bytes.subarray(offset, offset + PAGE);
    const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    out.push(decipher.update(page.subarray(offset === 0 ? 16 : 0, PAGE - RESERVE)), decipher.final());
  }
  // Sanity: page 1 decrypts to the SQLite header from byte 16 on (page size 4096, big-endian).
  expect(out[0]!.readUInt16BE(0)).toBe(4096);
  return Buffer.concat(out);
}

function rawFilesContain(dir: string, needle: string): string[] {
  return readdirSync(dir).filter((name) => readFileSync(path.join(dir, name)).includes(Buffer.from(needle)));
}

/** Tables (history aside) with a value containing `needle`, blobs read as bytes. */
function tablesHolding(needle: string): string[] {
  const db = fx.session.db;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'record_history'")
    .pluck()
    .all() as string[];
  return tables.filter((table) =>
    (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][])
      .flat()
      .some((v) => (Buffer.isBuffer(v) ? v.includes(Buffer.from(needle)) : String(v).includes(needle))),
  );
}

describe('deletion is real', () => {
  it('leaves no trace of a deleted case’s text in any page of the database after lock', async () => {
    const { kase, incident } = seedDefenderCase(fx.records);
    fx.records.update('incident', incident.id, { description: `Description ${SENTINEL} avant modification` });
    fx.records.update('incident', incident.id, { description: `Description ${SENTINEL} après modification` });
    fx.records.create('note', { caseId: kase.id, body: `Note ${SENTINEL} confidentielle` });
    expect(fx.records.search(SENTINEL).length).toBeGreaterThan(0);
    await fx.reopen();
    expect((await decryptedPages(fx.dir)).includes(Buffer.from(SENTINEL))).toBe(true); // the probe works

    fx.records.delete('case', kase.id);
    expect(fx.records.search(SENTINEL)).toEqual([]);
    expect(fx.records.history(incident.id)).toEqual([]);
    const audit = fx.records.audit({ limit: 1 })[0]!;
    expect(audit).toMatchObject({ action: 'record.delete', entity: 'case', recordId: kase.id });
    fx.session.lock();

    expect(rawFilesContain(fx.dir, SENTINEL)).toEqual([]);
    expect((await decryptedPages(fx.dir)).includes(Buffer.from(SENTINEL))).toBe(false);
  });

  it('removes a single deleted record’s words from the search index and its history', async () => {
    const { kase } = seedDefenderCase(fx.records);
    const note = fx.records.create('note', { caseId: kase.id, body: `Première version ${SENTINEL}` });
    fx.records.update('note', note.id, { body: 'Deuxième version' });
    fx.records.delete('note', note.id);
    expect(fx.records.search(SENTINEL)).toEqual([]);
    expect(() => fx.records.get('note', note.id)).toThrow(
      expect.objectContaining({ code: 'RECORD_NOT_FOUND' }),
    );
    fx.session.lock();
    expect((await decryptedPages(fx.dir)).includes(Buffer.from(SENTINEL))).toBe(false);
  });

  it('drops a deleted or edited record’s words from the search terms table and every other table', async () => {
    const { kase } = seedDefenderCase(fx.records);
    const word = `${SENTINEL}terme`;
    const edited = fx.records.create('note', { caseId: kase.id, body: `Avant ${word}x modification` });
    const note = fx.records.create('note', { caseId: kase.id, body: `Seul mot rare : ${word}` });
    const terms = () => fx.session.db.prepare('SELECT term FROM search_terms').pluck().all() as string[];
    expect(terms()).toEqual(expect.arrayContaining([word, `${word}x`]));
    expect(tablesHolding(word)).toContain('search_terms'); // the probe works

    fx.records.update('note', edited.id, { body: 'Après modification' });
    expect(terms()).not.toContain(`${word}x`);
    expect(terms()).toContain(word);
    fx.records.delete('note', note.id);
    expect(terms().filter((t) => t.includes(SENTINEL))).toEqual([]);
    expect(fx.records.search(SENTINEL)).toEqual([]);
    // No table holds the word any more (the edited note's old text stays in its own history only).
    expect(tablesHolding(word)).toEqual([]);
    fx.records.delete('note', edited.id); // and its history with it
    fx.session.lock();
    expect((await decryptedPages(fx.dir)).includes(Buffer.from(word))).toBe(false);
  });
});
