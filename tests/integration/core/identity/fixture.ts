import path from 'node:path';
import { loadSodium, type Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { IdentityService } from '../../../../electron/core/identity/identity-service.ts';
import type { VaultSession } from '../../../../electron/core/vault/session.ts';
import { createVault } from '../../../../electron/core/vault/vault.ts';
import { FAST_KDF, PASSPHRASE, tempDir } from '../../../helpers/vault.ts';

export interface IdentityFixture {
  dir: string;
  sodium: Sodium;
  session: VaultSession;
  identity: IdentityService;
  cleanup(): void;
}

let clock = Date.parse('2026-11-01T09:00:00.000Z');
/** One second per call: ordering by time is deterministic and "newer card" is well defined. */
export const tick = () => {
  clock += 1000;
  return new Date(clock);
};

/** A fresh vault with its identity service; `name` set unless null. */
export async function openIdentityFixture(name: string | null = 'Awa Ndiaye'): Promise<IdentityFixture> {
  const temp = tempDir();
  const dir = path.join(temp.dir, 'vault');
  const sodium = await loadSodium();
  const { session } = await createVault(dir, PASSPHRASE, { kdf: FAST_KDF, recoveryKdf: FAST_KDF });
  const identity = new IdentityService(session, sodium, { now: tick });
  if (name !== null)
    identity.updateProfile({ name, organisation: 'Réseau des défenseures', role: 'Coordinatrice' });
  return {
    dir,
    sodium,
    session,
    identity,
    cleanup() {
      if (!session.locked) session.lock();
      temp.cleanup();
    },
  };
}
