import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardToText } from '../../../../electron/core/identity/card.ts';
import { verifyAuditChain } from '../../../../electron/core/records/audit.ts';
import { makeCard } from '../../../unit/core/identity/card-helpers.ts';
import { type IdentityFixture, openIdentityFixture } from './fixture.ts';

let me: IdentityFixture;
let lawyer: IdentityFixture;
beforeEach(async () => {
  me = await openIdentityFixture('Awa Ndiaye');
  lawyer = await openIdentityFixture('Maître Fatou Sow');
});
afterEach(() => {
  me.cleanup();
  lawyer.cleanup();
});

const contactActions = (f: IdentityFixture) =>
  (f.session.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[]).filter((a) =>
    a.startsWith('contact.'),
  );

describe('contacts', () => {
  it('imports a card from another vault, verifies it, and lists it with its fingerprint', () => {
    const text = lawyer.identity.ownCardText();
    const imported = me.identity.importCard({ card: text, role: 'legal' });
    expect(imported.outcome).toBe('added');
    expect(imported.contact).toMatchObject({
      name: 'Maître Fatou Sow',
      organisation: 'Réseau des défenseures',
      cardRole: 'Coordinatrice',
      role: 'legal',
      verification: 'unverified',
      keyChanged: false,
    });
    expect(imported.contact.fingerprint.digits).toEqual(lawyer.identity.ownPublic().fingerprint.digits);

    // The same card again (or its file form) changes nothing.
    expect(me.identity.importCard({ card: lawyer.identity.ownCardFile(), role: 'other' }).outcome).toBe(
      'unchanged',
    );
    expect(me.identity.listContacts()).toHaveLength(1);

    const verified = me.identity.setVerification(imported.contact.id, 'in-person');
    expect(verified.verification).toBe('in-person');
    expect(verified.verifiedAt).toMatch(/^2026-/);
    expect(me.identity.setRole(imported.contact.id, 'psychosocial').role).toBe('psychosocial');
    expect(me.identity.checkSendable([imported.contact.id])).toMatchObject({ ok: true, allVerified: true });
    expect(me.identity.recipientKeys([imported.contact.id])[0]!.boxPublicKey).toEqual(
      lawyer.identity.ownPublic().boxPublicKey,
    );
    expect(
      me.identity.findContactByKey({ signPublicKey: lawyer.identity.ownPublic().signPublicKey })?.contact.id,
    ).toBe(imported.contact.id);
    expect(contactActions(me)).toEqual(['contact.add', 'contact.verify', 'contact.update']);
  });

  it('refuses its own card and altered cards, writing nothing', () => {
    expect(() => me.identity.importCard({ card: me.identity.ownCardText(), role: 'legal' })).toThrow(
      expect.objectContaining({ code: 'CARD_IS_OWN' }),
    );
    const text = lawyer.identity.ownCardText();
    const bytes = Buffer.from(text.slice('casevault-card:1:'.length), 'base64url');
    bytes[80]! ^= 1;
    expect(() =>
      me.identity.importCard({ card: `casevault-card:1:${bytes.toString('base64url')}`, role: 'legal' }),
    ).toThrow(expect.objectContaining({ code: 'CARD_SIGNATURE_INVALID' }));
    expect(me.identity.listContacts()).toEqual([]);
    expect(contactActions(me)).toEqual([]);
  });

  it('flags a changed key for the same name and organisation, keeps the old key, until accepted', () => {
    const first = makeCard(me.sodium, 21, { name: 'Dr Koné', organisation: 'Centre Espoir' });
    const { contact } = me.identity.importCard({ card: cardToText(first), role: 'medical' });
    me.identity.setVerification(contact.id, 'phone');

    // Same person by name and organisation (spelled differently), new keys.
    const second = makeCard(me.sodium, 22, {
      name: 'DR  KONÉ'.replace('  ', ' '),
      organisation: 'centre espoir',
      issuedAt: '2026-11-21T10:00:00.000Z',
    });
    // The preview says what would happen, and writes nothing.
    const auditBefore = contactActions(me).length;
    expect(me.identity.previewImport(cardToText(second))).toMatchObject({
      outcome: 'key-changed',
      contact: { id: contact.id },
    });
    expect(me.identity.previewImport(cardToText(makeCard(me.sodium, 23, { name: 'Nouveau' })))).toMatchObject(
      {
        outcome: 'added',
        contact: null,
      },
    );
    expect(contactActions(me)).toHaveLength(auditBefore);
    expect(me.identity.getContact(contact.id).pending).toBeNull();
    const changed = me.identity.importCard({ card: cardToText(second), role: 'other' });
    expect(changed.outcome).toBe('key-changed');
    expect(changed.contact.id).toBe(contact.id);
    expect(changed.contact.keyChanged).toBe(true);
    // Until the user decides: the OLD key is still the one exports would use, and sending is blocked.
    expect(changed.contact.fingerprint.id).toBe(contact.fingerprint.id);
    expect(me.identity.checkSendable([contact.id])).toMatchObject({
      ok: false,
      contacts: [{ issues: ['key-changed'] }],
    });
    expect(() => me.identity.recipientKeys([contact.id])).toThrow(
      expect.objectContaining({ code: 'CONTACT_KEY_CHANGED' }),
    );
    expect(() => me.identity.setVerification(contact.id, 'in-person')).toThrow(
      expect.objectContaining({ code: 'CONTACT_KEY_CHANGED' }),
    );
    const detail = me.identity.getContact(contact.id);
    expect(detail.pending?.fingerprint.id).not.toBe(detail.current.fingerprint.id);
    expect(detail.history.map((k) => k.status)).toEqual(['pending', 'current']);

    const accepted = me.identity.acceptKey(contact.id);
    expect(accepted).toMatchObject({
      keyChanged: false,
      verification: 'unverified',
      verifiedAt: null,
      name: 'DR KONÉ',
      organisation: 'centre espoir',
    });
    expect(accepted.fingerprint.id).toBe(detail.pending!.fingerprint.id);
    expect(me.identity.getContact(contact.id).history.map((k) => k.status)).toEqual(['current', 'previous']);
    expect(me.identity.findContactByKey({ fingerprintId: contact.fingerprint.id })).toMatchObject({
      keyStatus: 'previous',
    });
    expect(me.identity.checkSendable([contact.id])).toMatchObject({
      ok: true,
      allVerified: false,
      contacts: [{ issues: ['unverified'] }],
    });
    expect(() => me.identity.acceptKey(contact.id)).toThrow(
      expect.objectContaining({ code: 'CONTACT_NO_KEY_CHANGE' }),
    );
    expect(contactActions(me)).toEqual([
      'contact.add',
      'contact.verify',
      'contact.key-changed',
      'contact.key-accepted',
    ]);
  });

  it('flags a key change on the contact the user named, and a key that comes back; rejecting keeps the old', () => {
    const a = makeCard(me.sodium, 31, { name: 'Juriste A' });
    const { contact } = me.identity.importCard({ card: cardToText(a), role: 'legal' });
    const b = makeCard(me.sodium, 32, {
      name: 'Someone else entirely',
      issuedAt: '2026-11-22T00:00:00.000Z',
    });
    const flagged = me.identity.importCard({ card: cardToText(b), role: 'legal', contactId: contact.id });
    expect(flagged).toMatchObject({ outcome: 'key-changed', contact: { id: contact.id, name: 'Juriste A' } });
    const kept = me.identity.rejectKey(contact.id);
    expect(kept).toMatchObject({ keyChanged: false, fingerprint: { id: contact.fingerprint.id } });
    // The rejected key turns up again without naming the contact: still a change for this contact.
    expect(me.identity.importCard({ card: cardToText(b), role: 'legal' })).toMatchObject({
      outcome: 'key-changed',
      contact: { id: contact.id },
    });
    expect(me.identity.getContact(contact.id).history.map((k) => k.status)).toEqual([
      'pending',
      'rejected',
      'current',
    ]);
    // A card with unrelated keys and another name is simply a new contact.
    expect(
      me.identity.importCard({ card: cardToText(makeCard(me.sodium, 33, { name: 'Other' })), role: 'other' })
        .outcome,
    ).toBe('added');
    // Keys of one contact cannot be attached to another.
    expect(() =>
      me.identity.importCard({
        card: cardToText(a),
        role: 'legal',
        contactId: me.identity.listContacts().find((c) => c.name === 'Other')!.id,
      }),
    ).toThrow(expect.objectContaining({ code: 'RECORD_CONFLICT' }));
  });

  it('updates the profile from a newer card with the same keys (the keys vouch for it)', () => {
    const old = makeCard(me.sodium, 41, { name: 'Psy A', organisation: 'Org 1' });
    const { contact } = me.identity.importCard({ card: cardToText(old), role: 'psychosocial' });
    me.identity.setVerification(contact.id, 'in-person');
    const newer = makeCard(me.sodium, 41, {
      name: 'Psy A',
      organisation: 'Org 2',
      issuedAt: '2026-12-01T00:00:00.000Z',
    });
    const result = me.identity.importCard({ card: cardToText(newer), role: 'other' });
    expect(result).toMatchObject({
      outcome: 'updated',
      contact: { organisation: 'Org 2', verification: 'in-person', keyChanged: false, role: 'psychosocial' },
    });
    // The older card again does not roll it back.
    expect(me.identity.importCard({ card: cardToText(old), role: 'other' }).outcome).toBe('unchanged');
    expect(me.identity.getContact(contact.id).organisation).toBe('Org 2');
  });

  it('deletes a contact with all its keys, leaving only the audit entry; the chain verifies', () => {
    const { contact } = me.identity.importCard({ card: lawyer.identity.ownCardText(), role: 'legal' });
    me.identity.importCard({
      card: cardToText(
        makeCard(me.sodium, 51, { name: 'Maître Fatou Sow', organisation: 'Réseau des défenseures' }),
      ),
      role: 'legal',
    });
    me.identity.deleteContact(contact.id);
    expect(me.identity.listContacts()).toEqual([]);
    expect(me.session.db.prepare('SELECT count(*) FROM contact_keys').pluck().get()).toBe(0);
    expect(() => me.identity.getContact(contact.id)).toThrow(
      expect.objectContaining({ code: 'CONTACT_NOT_FOUND' }),
    );
    expect(me.identity.checkSendable([contact.id])).toMatchObject({ ok: false, missing: [contact.id] });
    expect(contactActions(me)).toEqual(['contact.add', 'contact.key-changed', 'contact.delete']);
    expect(verifyAuditChain(me.session.db, me.session.auditMac).ok).toBe(true);
    // Audit entries name no one.
    const details = me.session.db.prepare('SELECT detail FROM audit_log').pluck().all().join('\n');
    expect(details).not.toContain('Fatou');
  });
});
