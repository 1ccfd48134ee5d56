/**
 * The identity and contact commands through the real CLI, between two vaults: show and export one
 * vault's card, add it to the other (from the file and from standard input), verify with the digits
 * read out, then a card with the same name and new keys is flagged, shown, and accepted.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../electron/core/crypto/sodium.ts';
import { cardToText } from '../../../electron/core/identity/card.ts';
import { makeCard } from '../../unit/core/identity/card-helpers.ts';
import { jsonOf, makeTempDir, removeDir, runCli, snapshot, writeSecret } from './cli-harness.ts';

let tmp: string;
let alice: string;
let bob: string;
let pw: string;
const run = (args: string[], stdin?: string) => runCli([...args, '--passphrase-file', pw], { stdin });

beforeAll(async () => {
  tmp = await makeTempDir();
  alice = path.join(tmp, 'alice');
  bob = path.join(tmp, 'bob');
  pw = await writeSecret(tmp, 'pw', 'identity passphrase for cli tests');
  expect((await runCli(['init', alice, '--passphrase-file', pw])).code).toBe(0);
  expect((await runCli(['init', bob, '--passphrase-file', pw])).code).toBe(0);
});
afterAll(async () => {
  await removeDir(tmp);
});

describe('casevault identity and contact', () => {
  let bobCard: string;
  let bobDigits: string[];
  let contactId: string;

  it('shows an identity, refuses to export a card before a name is set', async () => {
    const shown = jsonOf(await run(['identity', 'show', bob, '--json'])) as unknown as {
      fingerprint: string[];
      card: string | null;
    };
    expect(shown.fingerprint).toHaveLength(12);
    expect(shown.card).toBeNull();
    const out = path.join(tmp, 'none.cvcard');
    const refused = await run(['identity', 'export-card', bob, '--out', out, '--json']);
    expect(refused.code).toBe(1);
    expect(jsonOf(refused)).toMatchObject({ error: { code: 'IDENTITY_INCOMPLETE' } });
    expect(existsSync(out)).toBe(false);
  });

  it('sets the profile, prints the fingerprint and card, exports the card file without overwriting', async () => {
    const set = await run([
      'identity',
      'set',
      bob,
      '--name',
      'Maître Bob',
      '--organisation',
      'Clinique',
      '--role',
      'Avocat',
    ]);
    expect(set.code).toBe(0);
    const shown = await run(['identity', 'show', bob, '--lang', 'en']);
    expect(shown.stdout).toContain('Name: Maître Bob');
    expect(shown.stdout).toMatch(/Fingerprint[^\n]*:\n {2}(\d{5} ){5}\d{5}\n {2}(\d{5} ){5}\d{5}\n/);
    const json = jsonOf(await run(['identity', 'show', bob, '--json'])) as unknown as {
      fingerprint: string[];
      card: string;
    };
    bobCard = json.card;
    bobDigits = json.fingerprint;
    expect(bobCard).toMatch(/^casevault-card:1:/);
    expect(shown.stdout).toContain(bobCard);

    const out = path.join(tmp, 'bob.cvcard');
    expect((await run(['identity', 'export-card', bob, '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      type: 'casevault.card',
      name: 'Maître Bob',
    });
    const again = await run(['identity', 'export-card', bob, '--out', out]);
    expect(again.code).toBe(1);
  });

  it('adds the card file as a contact, then the same card from stdin changes nothing', async () => {
    const added = jsonOf(
      await run(['contact', 'add', alice, path.join(tmp, 'bob.cvcard'), '--role', 'legal', '--json']),
    ) as unknown as {
      outcome: string;
      contact: { id: string; fingerprint: string[]; verification: string };
    };
    expect(added.outcome).toBe('added');
    expect(added.contact.fingerprint).toEqual(bobDigits);
    expect(added.contact.verification).toBe('unverified');
    contactId = added.contact.id;

    const fromStdin = jsonOf(await run(['contact', 'add', alice, '-', '--json'], `${bobCard}\n`));
    expect(fromStdin).toMatchObject({ outcome: 'unchanged' });
    const noPwFile = await runCli(['contact', 'add', alice, '-', '--json'], { stdin: bobCard });
    expect(noPwFile.code).toBe(1);

    const list = await run(['contact', 'list', alice, '--lang', 'en']);
    expect(list.stdout).toContain('Maître Bob (Clinique)  legal  not verified');
  });

  it('refuses an altered card (exit 3 bad signature, or 1 malformed) and writes nothing', async () => {
    const before = await snapshot(alice);
    const tampered = `${bobCard.slice(0, 40)}${bobCard[40] === 'A' ? 'B' : 'A'}${bobCard.slice(41)}`;
    const result = await run(['contact', 'add', alice, '-', '--json'], tampered);
    expect([1, 3]).toContain(result.code);
    expect(['CARD_SIGNATURE_INVALID', 'CARD_MALFORMED']).toContain(
      (jsonOf(result) as unknown as { error: { code: string } }).error.code,
    );
    expect(await snapshot(alice)).toEqual(before);
  });

  it('verifies only after a comparison: digits that match, or an explicit --yes', async () => {
    const unconfirmed = await run([
      'contact',
      'verify',
      alice,
      contactId,
      '--method',
      'phone',
      '--lang',
      'en',
    ]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('Compare the fingerprint first');
    const wrong = [...bobDigits];
    wrong[3] = wrong[3] === '00000' ? '00001' : '00000';
    const refused = await run([
      'contact',
      'verify',
      alice,
      contactId,
      '--method',
      'phone',
      '--fingerprint',
      wrong.join(' '),
    ]);
    expect(refused.code).toBe(1);
    const ok = jsonOf(
      await run([
        'contact',
        'verify',
        alice,
        'maître bob',
        '--method',
        'in-person',
        '--fingerprint',
        bobDigits.join(' '),
        '--json',
      ]),
    );
    expect(ok).toMatchObject({ contact: { verification: 'in-person' }, checkedDigits: true });
  });

  it('flags a card with the same name and new keys; accept-key takes it and resets verification', async () => {
    const sodium = await loadSodium();
    const impostor = cardToText(
      makeCard(sodium, 99, {
        name: 'Maître Bob',
        organisation: 'Clinique',
        role: 'Avocat',
        issuedAt: '2030-01-01T00:00:00.000Z',
      }),
    );
    const flagged = await run(['contact', 'add', alice, '-', '--lang', 'en'], impostor);
    expect(flagged.code).toBe(0);
    expect(flagged.stdout).toContain('WARNING: this card carries NEW KEYS');
    expect(flagged.stdout).toContain('NEW fingerprint (not accepted)');
    const list = await run(['contact', 'list', alice, '--lang', 'en']);
    expect(list.stdout).toContain('[KEY CHANGED]');
    const verify = await run(['contact', 'verify', alice, contactId, '--method', 'phone', '--yes', '--json']);
    expect(jsonOf(verify)).toMatchObject({ error: { code: 'CONTACT_KEY_CHANGED' } });

    const accepted = jsonOf(await run(['contact', 'accept-key', alice, contactId, '--json']));
    expect(accepted).toMatchObject({ contact: { keyChanged: false, verification: 'unverified' } });
    const shown = jsonOf(await run(['contact', 'show', alice, contactId, '--json'])) as unknown as {
      history: Array<{ status: string }>;
    };
    expect(shown.history.map((k) => k.status)).toEqual(['current', 'previous']);

    const audit = await run(['audit', alice, '--json']);
    const actions = (jsonOf(audit) as unknown as { entries: Array<{ action: string }> }).entries.map(
      (e) => e.action,
    );
    for (const action of ['contact.add', 'contact.verify', 'contact.key-changed', 'contact.key-accepted'])
      expect(actions).toContain(action);
  });

  it('deletes a contact only with --yes', async () => {
    expect((await run(['contact', 'delete', alice, contactId])).code).toBe(1);
    expect((await run(['contact', 'delete', alice, contactId, '--yes'])).code).toBe(0);
    const gone = await run(['contact', 'show', alice, contactId, '--json']);
    expect(gone.code).toBe(4);
  });

  it('asks for a subcommand', async () => {
    const result = await runCli(['contact', alice, '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('needs a subcommand: add, list, show');
  });
});
