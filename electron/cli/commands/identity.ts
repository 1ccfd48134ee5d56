/**
 * `casevault identity show|export-card|set <dir>`: this vault's identity. `show` prints the name,
 * organisation, role, the fingerprint in 12 groups of 5 digits and the card's text form (one line to
 * paste into a message); `export-card --out F` writes the `.cvcard` file (never overwriting);
 * `set` changes name, organisation and role. Only public material is ever printed.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { formatFingerprint } from '../../core/identity/fingerprint.ts';
import type { IdentityService } from '../../core/identity/identity-service.ts';
import { stringOption } from '../args.ts';
import { UsageError } from '../usage-error.ts';
import type { Command } from './context.ts';
import { subcommand, subOperands, withIdentity } from './identity-session.ts';

const WORDS = {
  en: {
    name: 'Name',
    organisation: 'Organisation',
    role: 'Role',
    fingerprint: 'Fingerprint (read it aloud to compare)',
    card: 'Key card (text form, safe to share)',
    noName: '(not set: casevault identity set <dir> --name "…")',
    saved: 'Key card written to {file}. It holds only public keys: you can send it openly.',
    updated: 'Identity updated.',
  },
  fr: {
    name: 'Nom',
    organisation: 'Organisation',
    role: 'Fonction',
    fingerprint: 'Empreinte (à lire à voix haute pour comparer)',
    card: 'Carte de clés (forme texte, peut être partagée)',
    noName: '(non défini : casevault identity set <dossier> --name "…")',
    saved:
      'Carte de clés écrite dans {file}. Elle ne contient que des clés publiques : vous pouvez l’envoyer ouvertement.',
    updated: 'Identité mise à jour.',
  },
} as const;

function describe(identity: IdentityService, language: 'fr' | 'en') {
  const w = WORDS[language];
  const own = identity.ownPublic();
  const cardText = own.name === '' ? null : identity.ownCardText();
  return {
    json: {
      name: own.name,
      organisation: own.organisation,
      role: own.role,
      createdAt: own.createdAt,
      fingerprint: own.fingerprint.digits,
      fingerprintId: own.fingerprint.id,
      boxPublicKey: Buffer.from(own.boxPublicKey).toString('base64url'),
      signPublicKey: Buffer.from(own.signPublicKey).toString('base64url'),
      card: cardText,
    },
    text: [
      `${w.name}: ${own.name || w.noName}`,
      `${w.organisation}: ${own.organisation}`,
      `${w.role}: ${own.role}`,
      '',
      `${w.fingerprint}:`,
      `  ${own.fingerprint.digits.slice(0, 6).join(' ')}`,
      `  ${own.fingerprint.digits.slice(6).join(' ')}`,
      ...(cardText ? ['', `${w.card}:`, cardText] : []),
    ],
  };
}

export const identity: Command = async (context) => {
  const { line, language } = context;
  const sub = subcommand(line, ['show', 'export-card', 'set'] as const);
  const w = WORDS[language];
  if (sub === 'show') {
    const [dir] = subOperands(line, 1, 'identity show <dir>') as [string];
    return withIdentity(context, dir, (id) => {
      const result = describe(id, language);
      return { json: { dir, ...result.json }, text: result.text };
    });
  }
  if (sub === 'export-card') {
    const [dir] = subOperands(line, 1, 'identity export-card <dir> --out FILE') as [string];
    const out = stringOption(line, 'out');
    if (out === undefined) throw new UsageError('cardNeedsOut');
    if (existsSync(out)) throw new UsageError('cardOutExists');
    return withIdentity(context, dir, async (id) => {
      const content = id.ownCardFile();
      // 'wx': never overwrite, even a file that appeared since the check above.
      await writeFile(out, content, { flag: 'wx', mode: 0o644 });
      const own = id.ownPublic();
      return {
        json: { dir, out, fingerprint: own.fingerprint.digits, card: id.ownCardText() },
        text: [w.saved.replace('{file}', out), formatFingerprint(own.fingerprint)],
      };
    });
  }
  const [dir] = subOperands(line, 1, 'identity set <dir> [--name N] [--organisation O] [--role R]') as [
    string,
  ];
  const name = stringOption(line, 'name');
  const organisation = stringOption(line, 'organisation');
  const role = stringOption(line, 'role');
  if (name === undefined && organisation === undefined && role === undefined)
    throw new UsageError('identitySetNothing');
  return withIdentity(context, dir, (id) => {
    const own = id.ownPublic();
    id.updateProfile({
      name: name ?? own.name,
      organisation: organisation ?? own.organisation,
      role: role ?? own.role,
    });
    const result = describe(id, language);
    return { json: { dir, ...result.json }, text: [w.updated, '', ...result.text] };
  });
};
