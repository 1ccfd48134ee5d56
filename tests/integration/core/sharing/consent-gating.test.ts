/**
 * Consent gating and the redacted mode: a full export to a role the consent does not cover is
 * refused with the reason (nothing written, nothing logged); the redacted mode goes, and exactly
 * what the plan says leaves: aliases, age groups, regions, no contact details, redacted copies only.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { addContact, type SharingFixture, seedCase, sharingFixture } from './fixture.ts';

let fx: SharingFixture;
beforeEach(() => {
  fx = sharingFixture();
});
afterEach(() => fx.cleanup());

const base = { caseIds: [] as string[], includeEvidence: true };

describe('consent gating', () => {
  it('refuses a full export to a role the consent does not allow, and lets the redacted mode through', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const medic = addContact(a, b, 'medical');
    const seeded = await seedCase(a, fx, 'CG-1', { dataLevel: 'identifying', recipientKinds: ['legal'] });

    const full = a.sharing.plan({ ...base, caseCodes: ['CG-1'], recipientContactIds: [medic], mode: 'full' });
    expect(full.canExport).toBe(false);
    expect(full.blockers).toEqual(['consent-refused']);
    expect(full.recipients[0]).toMatchObject({
      allowed: false,
      redactedAllowed: true,
      refusals: [{ caseCode: 'CG-1', reason: 'role-not-consented' }],
    });
    const outPath = path.join(fx.out, 'refused.cvexport');
    const auditBefore = a.session.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    await expect(
      a.sharing.export({
        ...base,
        caseCodes: ['CG-1'],
        recipientContactIds: [medic],
        mode: 'full',
        purpose: '',
        outPath,
        passphrase: PASSPHRASE,
      }),
    ).rejects.toMatchObject({ code: 'SHARING_CONSENT_REFUSED', detail: 'CG-1: role-not-consented' });
    expect(existsSync(outPath)).toBe(false);
    expect(readdirSync(fx.out)).toEqual([]);
    expect(a.session.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(auditBefore);

    const redacted = a.sharing.plan({
      ...base,
      caseCodes: ['CG-1'],
      recipientContactIds: [medic],
      mode: 'redacted',
    });
    expect(redacted.canExport).toBe(true);
    expect(redacted.leaves.identifying).toBe(false);
    expect(redacted.leaves.evidence.map((e) => [e.id, e.copy])).toEqual([
      [seeded.redactedId, 'redacted-copy'],
    ]);
    // The text file has no redacted copy: left out and listed; the original photo is not listed
    // as left out because its redacted copy goes instead.
    expect(redacted.evidenceLeftOut.map((e) => [e.id, e.reason])).toEqual([
      [seeded.docId, 'no-redacted-copy'],
    ]);

    const redactedPath = path.join(fx.out, 'redacted.cvexport');
    await a.sharing.export({
      ...base,
      caseCodes: ['CG-1'],
      recipientContactIds: [medic],
      mode: 'redacted',
      purpose: 'Suivi médical',
      outPath: redactedPath,
      passphrase: PASSPHRASE,
    });
    addContact(b, a, 'coordination');
    const received = await b.sharing.import(redactedPath);
    expect(received.fileList.map((f) => f.exportFileId)).toEqual([seeded.redactedId]);
    const text = received.recordsJson!;
    const doc = JSON.parse(text);
    expect(doc.identities).toBe('omitted');
    expect(text).not.toContain('Aminata');
    expect(text).not.toContain('Médina');
    expect(text).not.toContain('+221');
    expect(doc.people[0]).toMatchObject({
      alias: 'Rose',
      ageGroup: '18-25',
      location: { country: 'SN', region: 'Dakar' },
    });
    expect(doc.people[0].ageYears).toBeUndefined();
    expect(doc.cases[0].location).toEqual({ country: 'SN', region: 'Dakar' });
    expect(doc.incidents[0].location).toEqual({ country: 'SN', region: 'Dakar' });
    expect(a.sharing.exportsList()[0]).toMatchObject({ mode: 'redacted', records: redacted.leaves.records });
  });

  it('explains each refusal: no consent, anonymised only, withdrawn (then not even redacted)', async () => {
    const a = await fx.vault('Alice');
    const b = await fx.vault('Bintou');
    const lawyer = addContact(a, b, 'legal', false);
    await seedCase(a, fx, 'CG-NONE', null);
    await seedCase(a, fx, 'CG-ANON', { dataLevel: 'anonymised', recipientKinds: ['legal'] });
    await seedCase(a, fx, 'CG-WD', {
      dataLevel: 'identifying',
      recipientKinds: ['legal'],
      withdrawnOn: '2026-04-01',
    });
    await seedCase(a, fx, 'CG-OK', { dataLevel: 'identifying', recipientKinds: ['legal', 'medical'] });
    const plan = a.sharing.plan({
      ...base,
      caseCodes: ['CG-NONE', 'CG-ANON', 'CG-WD', 'CG-OK'],
      recipientContactIds: [lawyer],
      mode: 'full',
    });
    expect(plan.recipients[0]!.issues).toEqual(['unverified']);
    expect(plan.recipients[0]!.refusals.map((r) => [r.caseCode, r.reason])).toEqual([
      ['CG-ANON', 'anonymised-only'],
      ['CG-NONE', 'no-consent'],
      ['CG-WD', 'consent-withdrawn'],
    ]);
    expect(plan.recipients[0]!.redactedAllowed).toBe(false);
    const redacted = a.sharing.plan({
      ...base,
      caseCodes: ['CG-NONE', 'CG-ANON', 'CG-OK'],
      recipientContactIds: [lawyer],
      mode: 'redacted',
    });
    expect(redacted.canExport).toBe(true);
    // Unverified warns but does not block.
    expect(redacted.recipients[0]!.issues).toEqual(['unverified']);
    const ok = a.sharing.plan({ ...base, caseCodes: ['CG-OK'], recipientContactIds: [lawyer], mode: 'full' });
    expect(ok.canExport).toBe(true);
    expect(ok.leaves.records.people).toBe(1);
  });
});
