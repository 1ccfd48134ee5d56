import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCard } from '../../../../electron/core/identity/card.ts';
import { fingerprintOf } from '../../../../electron/core/identity/fingerprint.ts';
import { runIdentityOp } from '../../../../electron/core/identity/identity-ops.ts';
import { IdentityService } from '../../../../electron/core/identity/identity-service.ts';
import { unlockWithPassphrase } from '../../../../electron/core/vault/vault.ts';
import { PASSPHRASE } from '../../../helpers/vault.ts';
import { type IdentityFixture, openIdentityFixture, tick } from './fixture.ts';

let fx: IdentityFixture;
beforeEach(async () => {
  fx = await openIdentityFixture(null);
});
afterEach(() => fx.cleanup());

const actions = (f: IdentityFixture) =>
  (f.session.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[]).filter(
    (a) => a.startsWith('identity.') || a.startsWith('contact.'),
  );

describe('vault identity', () => {
  it('generates X25519 and Ed25519 key pairs on first use, once, and keeps them across unlocks', async () => {
    const first = fx.identity.ownPublic();
    expect(first.boxPublicKey).toHaveLength(32);
    expect(first.signPublicKey).toHaveLength(32);
    expect(fx.identity.ownPublic().fingerprint.id).toBe(first.fingerprint.id);
    fx.identity.withOwnSecretKeys((keys) => {
      // The secret keys really are the halves of the public ones.
      expect(fx.sodium.crypto_scalarmult_base(keys.boxSecretKey)).toEqual(first.boxPublicKey);
      expect(fx.sodium.crypto_sign_ed25519_sk_to_pk(keys.signSecretKey)).toEqual(first.signPublicKey);
    });
    expect(actions(fx)).toEqual(['identity.create']);

    fx.session.lock();
    const again = await unlockWithPassphrase(fx.dir, PASSPHRASE);
    try {
      const reopened = new IdentityService(again, fx.sodium, { now: tick });
      expect(reopened.ownPublic().fingerprint.id).toBe(first.fingerprint.id);
    } finally {
      again.lock();
    }
  });

  it('wipes the secret keys after withOwnSecretKeys, even when the work throws', () => {
    let kept: Uint8Array[] = [];
    expect(() =>
      fx.identity.withOwnSecretKeys((keys) => {
        kept = [keys.boxSecretKey, keys.signSecretKey];
        throw new Error('boom');
      }),
    ).toThrow('boom');
    for (const key of kept) expect(key.every((b) => b === 0)).toBe(true);
  });

  it('refuses to issue a card without a name, then signs one that binds the profile to the keys', () => {
    expect(() => fx.identity.ownCardText()).toThrow(expect.objectContaining({ code: 'IDENTITY_INCOMPLETE' }));
    fx.identity.updateProfile({ name: '  Awa   Ndiaye ', organisation: 'Réseau', role: 'Juriste' });
    const card = parseCard(fx.sodium, fx.identity.ownCardText());
    expect(card.name).toBe('Awa Ndiaye');
    expect(fingerprintOf(fx.sodium, card).id).toBe(fx.identity.ownPublic().fingerprint.id);
    // Deterministic until the profile changes.
    expect(fx.identity.ownCardText()).toBe(fx.identity.ownCardText());
    expect(parseCard(fx.sodium, fx.identity.ownCardFile()).name).toBe('Awa Ndiaye');
    expect(() => fx.identity.updateProfile({ name: 'a\u202eb', organisation: '', role: '' })).toThrow(
      expect.objectContaining({ code: 'RECORD_INVALID' }),
    );
    expect(actions(fx)).toEqual(['identity.create', 'identity.update']);
  });

  it('never puts a secret key in what the op table returns', () => {
    fx.identity.updateProfile({ name: 'Awa', organisation: '', role: '' });
    const secrets = fx.identity.withOwnSecretKeys((k) => [
      Buffer.from(k.boxSecretKey).toString('base64url'),
      Buffer.from(k.signSecretKey).toString('base64url'),
      Buffer.from(k.signSecretKey.subarray(0, 32)).toString('base64url'),
      Buffer.from(k.boxSecretKey).toString('hex'),
      Buffer.from(k.signSecretKey.subarray(0, 32)).toString('hex'),
    ]);
    const out = JSON.stringify([
      runIdentityOp(fx.identity, 'get', {}),
      runIdentityOp(fx.identity, 'card-file', {}),
      runIdentityOp(fx.identity, 'contacts-list', {}),
    ]);
    for (const secret of secrets) expect(out).not.toContain(secret);
    expect(() => runIdentityOp(fx.identity, 'secret-keys', {})).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => runIdentityOp(fx.identity, '__proto__', {})).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});
