/**
 * `casevault contact add|list|show|verify|accept-key|reject-key|delete <dir> …`: the responders
 * this vault seals exports to. A `<contact>` is its id, or its name when only one contact has it.
 *
 * - `add <dir> <card-file|-> [--role R] [--update CONTACT]`: import a key card (file, or its text
 *   form on standard input with "-"). A card with new keys for a known contact is FLAGGED, not
 *   accepted: the output says so and shows both fingerprints.
 * - `verify <dir> <contact> --method in-person|phone [--fingerprint DIGITS]`: record how the
 *   fingerprint was compared. With --fingerprint, the digits the other person read out are checked
 *   first and a mismatch records nothing. `--method none` clears it.
 * - `accept-key` / `reject-key`: decide on a flagged key change (accepting resets verification).
 */
import { open } from 'node:fs/promises';
import { CaseVaultError, type Language } from '../../../shared/errors.ts';
import { CARD_LIMITS, CONTACT_ROLES, type ContactRole } from '../../../shared/identity/constants.ts';
import { contactMatchKey } from '../../../shared/identity/fields.ts';
import { loadSodium } from '../../core/crypto/sodium.ts';
import { parseCard } from '../../core/identity/card.ts';
import type { ContactSummary } from '../../core/identity/contacts-store.ts';
import { type Fingerprint, fingerprintMatches, formatFingerprint } from '../../core/identity/fingerprint.ts';
import type { IdentityService } from '../../core/identity/identity-service.ts';
import { stringOption } from '../args.ts';
import type { CliIo } from '../io.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';
import { subcommand, subOperands, withIdentity } from './identity-session.ts';
import { choiceOption } from './records-session.ts';

const WORDS = {
  en: {
    outcome: {
      added:
        'Contact added. Compare the fingerprint with them (in person or by phone), then run contact verify.',
      unchanged: 'This card is already known; nothing changed.',
      updated: 'Contact updated from a newer card signed by the same keys.',
      'key-changed':
        'WARNING: this card carries NEW KEYS for a contact you already have. They were NOT accepted. Until you decide, nothing can be sent to this contact. Check with them (in person or by phone) that they really changed keys, then run contact accept-key (or contact reject-key).',
    },
    fingerprint: 'Fingerprint',
    newFingerprint: 'NEW fingerprint (not accepted)',
    verification: {
      unverified: 'not verified',
      'in-person': 'verified in person',
      phone: 'verified by phone',
    },
    keyChanged: 'KEY CHANGED',
    none: 'No contacts.',
    history: 'Key history',
    verified: 'Recorded: {state}. Fingerprint:',
    accepted: 'New keys accepted. The contact is now NOT VERIFIED: compare the new fingerprint with them.',
    rejected: 'New keys rejected; the previous keys stay in use.',
    deleted: 'Contact deleted with its keys.',
  },
  fr: {
    outcome: {
      added:
        'Contact ajouté. Comparez l’empreinte avec cette personne (en personne ou par téléphone), puis lancez contact verify.',
      unchanged: 'Cette carte est déjà connue ; rien n’a changé.',
      updated: 'Contact mis à jour d’après une carte plus récente signée par les mêmes clés.',
      'key-changed':
        'ATTENTION : cette carte porte de NOUVELLES CLÉS pour un contact que vous avez déjà. Elles n’ont PAS été acceptées. Tant que vous n’avez pas décidé, rien ne peut être envoyé à ce contact. Vérifiez avec cette personne (en personne ou par téléphone) qu’elle a réellement changé de clés, puis lancez contact accept-key (ou contact reject-key).',
    },
    fingerprint: 'Empreinte',
    newFingerprint: 'NOUVELLE empreinte (non acceptée)',
    verification: {
      unverified: 'non vérifié',
      'in-person': 'vérifié en personne',
      phone: 'vérifié par téléphone',
    },
    keyChanged: 'CLÉS CHANGÉES',
    none: 'Aucun contact.',
    history: 'Historique des clés',
    verified: 'Enregistré : {state}. Empreinte :',
    accepted:
      'Nouvelles clés acceptées. Le contact est maintenant NON VÉRIFIÉ : comparez la nouvelle empreinte avec cette personne.',
    rejected: 'Nouvelles clés refusées ; les clés précédentes restent en usage.',
    deleted: 'Contact supprimé avec ses clés.',
  },
} as const;

const SUBCOMMANDS = ['add', 'list', 'show', 'verify', 'accept-key', 'reject-key', 'delete'] as const;

async function readBounded(read: (buffer: Buffer, offset: number) => Promise<number>): Promise<string> {
  const buffer = Buffer.alloc(CARD_LIMITS.file + 1);
  let total = 0;
  while (total < buffer.length) {
    const n = await read(buffer, total);
    if (n === 0) break;
    total += n;
  }
  if (total > CARD_LIMITS.file) throw new UsageError('cardUnreadable');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, total));
  } catch {
    throw new UsageError('cardUnreadable');
  }
}

async function readCard(io: CliIo, source: string): Promise<string> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > CARD_LIMITS.file) throw new UsageError('cardUnreadable');
      chunks.push(bytes);
    }
    const all = Buffer.concat(chunks);
    return readBounded(async (buffer, offset) => {
      const n = Math.min(all.length - offset, buffer.length - offset);
      if (n <= 0) return 0;
      all.copy(buffer, offset, offset, offset + n);
      return n;
    });
  }
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(source, 'r');
  } catch {
    throw new UsageError('cardUnreadable');
  }
  try {
    const h = handle;
    return await readBounded(
      async (buffer, offset) => (await h.read(buffer, offset, buffer.length - offset)).bytesRead,
    );
  } finally {
    await handle.close();
  }
}

/** A contact by id, or by name (and organisation-insensitive) when exactly one has it. */
function resolve(identity: IdentityService, ref: string): ContactSummary {
  const all = identity.listContacts();
  const byId = all.find((c) => c.id === ref);
  if (byId) return byId;
  const key = contactMatchKey(ref, '').split('\u0000')[0];
  const byName = all.filter((c) => contactMatchKey(c.name, '').split('\u0000')[0] === key);
  if (byName.length > 1) throw new UsageError('contactAmbiguous');
  if (byName.length === 1) return byName[0]!;
  throw new CaseVaultError('CONTACT_NOT_FOUND');
}

function fpLines(label: string, fp: Fingerprint): string[] {
  return [`${label}:`, `  ${fp.digits.slice(0, 6).join(' ')}`, `  ${fp.digits.slice(6).join(' ')}`];
}

function contactJson(c: ContactSummary) {
  return {
    id: c.id,
    name: c.name,
    organisation: c.organisation,
    cardRole: c.cardRole,
    role: c.role,
    verification: c.verification,
    verifiedAt: c.verifiedAt,
    keyChanged: c.keyChanged,
    fingerprint: c.fingerprint.digits,
    fingerprintId: c.fingerprint.id,
  };
}

function contactLine(c: ContactSummary, language: Language): string {
  const w = WORDS[language];
  const flag = c.keyChanged ? `  [${w.keyChanged}]` : '';
  return `${c.id}  ${c.name}${c.organisation ? ` (${c.organisation})` : ''}  ${c.role}  ${w.verification[c.verification]}${flag}`;
}

export const contact: Command = async (context) => {
  const { line, language, io } = context;
  const w = WORDS[language];
  const sub = subcommand(line, SUBCOMMANDS);

  if (sub === 'add') {
    const [dir, source] = subOperands(
      line,
      2,
      'contact add <dir> <card-file|-> [--role R] [--update CONTACT]',
    ) as [string, string];
    const role = (choiceOption(line, 'role', CONTACT_ROLES) ?? 'other') as ContactRole;
    if (source === '-' && stringOption(line, 'passphrase-file') === undefined)
      throw new UsageError('cardStdinNeedsPassphraseFile');
    const card = await readCard(io, source);
    // A damaged or forged card is refused before the passphrase is even asked for.
    parseCard(await loadSodium(), card);
    const update = stringOption(line, 'update');
    return withIdentity(context, dir, (identity) => {
      const contactId = update === undefined ? undefined : resolve(identity, update).id;
      const result = identity.importCard({ card, role, contactId });
      const pending =
        result.outcome === 'key-changed' ? identity.getContact(result.contact.id).pending : null;
      return {
        json: {
          dir,
          outcome: result.outcome,
          contact: contactJson(result.contact),
          ...(pending ? { newFingerprint: pending.fingerprint.digits } : {}),
        },
        text: [
          w.outcome[result.outcome],
          '',
          contactLine(result.contact, language),
          ...fpLines(w.fingerprint, result.contact.fingerprint),
          ...(pending ? fpLines(w.newFingerprint, pending.fingerprint) : []),
        ],
      };
    });
  }

  if (sub === 'list') {
    const [dir] = subOperands(line, 1, 'contact list <dir>') as [string];
    return withIdentity(context, dir, (identity) => {
      const all = identity.listContacts();
      return {
        json: { dir, contacts: all.map(contactJson) },
        text: all.length === 0 ? [w.none] : all.map((c) => contactLine(c, language)),
      };
    });
  }

  const usage = {
    show: 'contact show <dir> <contact>',
    verify: 'contact verify <dir> <contact> --method in-person|phone|none (--fingerprint DIGITS | --yes)',
    'accept-key': 'contact accept-key <dir> <contact>',
    'reject-key': 'contact reject-key <dir> <contact>',
    delete: 'contact delete <dir> <contact> --yes',
  }[sub];
  const [dir, ref] = subOperands(line, 2, usage) as [string, string];
  const method = sub === 'verify' ? choiceOption(line, 'method', ['in-person', 'phone', 'none']) : undefined;
  if (sub === 'verify' && method === undefined)
    throw new UsageError('badChoice', { option: '--method', allowed: 'in-person, phone, none' });
  // Recording "verified" must follow a comparison: either the digits they read out (--fingerprint,
  // checked here) or an explicit --yes after `contact show` displayed them.
  if (
    sub === 'verify' &&
    method !== 'none' &&
    stringOption(line, 'fingerprint') === undefined &&
    line.options.yes !== true
  )
    throw new UsageError('verifyNeedsCheck');
  if (sub === 'delete' && line.options.yes !== true) throw new UsageError('deleteNeedsYes');

  return withIdentity(context, dir, (identity) => {
    const found = resolve(identity, ref);
    if (sub === 'show') {
      const d = identity.getContact(found.id);
      return {
        json: {
          dir,
          contact: contactJson(d),
          pendingFingerprint: d.pending?.fingerprint.digits ?? null,
          card: d.cardText,
          history: d.history.map((k) => ({
            status: k.status,
            fingerprint: k.fingerprint.digits,
            seenAt: k.seenAt,
            decidedAt: k.decidedAt,
          })),
        },
        text: [
          contactLine(d, language),
          ...(d.cardRole ? [`  ${d.cardRole}`] : []),
          ...fpLines(w.fingerprint, d.fingerprint),
          ...(d.pending
            ? ['', w.outcome['key-changed'], ...fpLines(w.newFingerprint, d.pending.fingerprint)]
            : []),
          '',
          `${w.history}:`,
          ...d.history.map(
            (k) => `  ${k.seenAt.slice(0, 10)}  ${k.status}  ${formatFingerprint(k.fingerprint)}`,
          ),
        ],
      };
    }
    if (sub === 'verify') {
      const typed = stringOption(line, 'fingerprint');
      if (typed !== undefined && !fingerprintMatches(found.fingerprint, typed))
        throw new UsageError('fingerprintMismatch');
      const state = method === 'none' ? 'unverified' : (method as 'in-person' | 'phone');
      const updated = identity.setVerification(found.id, state);
      return {
        json: { dir, contact: contactJson(updated), checkedDigits: typed !== undefined },
        text: [
          w.verified.replace('{state}', w.verification[updated.verification]),
          `  ${formatFingerprint(updated.fingerprint)}`,
        ],
      };
    }
    if (sub === 'accept-key') {
      const updated = identity.acceptKey(found.id);
      return {
        json: { dir, contact: contactJson(updated) },
        text: [w.accepted, ...fpLines(w.fingerprint, updated.fingerprint)],
      };
    }
    if (sub === 'reject-key') {
      const updated = identity.rejectKey(found.id);
      return { json: { dir, contact: contactJson(updated) }, text: [w.rejected] };
    }
    identity.deleteContact(found.id);
    return { json: { dir, deleted: found.id }, text: [w.deleted] };
  });
};
