/**
 * What the sharing commands share: unlock a vault (passphrase from --passphrase-file or standard
 * input) and give the work a SharingService plus the passphrase — `export` and `backup` hand it back
 * to the core, which re-checks it as the app's wizard does — locking again whatever happens.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { KDF_BOUNDS } from '../../core/crypto/kdf.ts';
import { loadSodium } from '../../core/crypto/sodium.ts';
import { IdentityService } from '../../core/identity/identity-service.ts';
import { SharingService } from '../../core/sharing/sharing-service.ts';
import { readVaultInfo, unlockWithPassphrase } from '../../core/vault/vault.ts';
import { stringOption } from '../args.ts';
import { UsageError } from '../usage-error.ts';
import type { CommandContext } from './context.ts';

export interface SharingSession {
  sharing: SharingService;
  identity: IdentityService;
  passphrase: string;
}

/** Tests only (as `init`): CASEVAULT_TEST_KDF=minimum makes backups use the lowest Argon2id cost the format accepts. */
export function testBackupKdf(env: NodeJS.ProcessEnv) {
  return env.CASEVAULT_TEST_KDF === 'minimum'
    ? { opslimit: KDF_BOUNDS.opslimit.min, memlimitKiB: 64 * 1024 }
    : undefined;
}

export async function withSharing<T>(
  { line, secrets, io }: CommandContext,
  dir: string,
  work: (s: SharingSession) => T | Promise<T>,
): Promise<T> {
  await readVaultInfo(dir);
  const passphrase = await secrets.read({
    file: stringOption(line, 'passphrase-file'),
    option: '--passphrase-file',
    what: 'whatPassphrase',
    prompt: 'promptPassphrase',
  });
  const sodium = await loadSodium();
  const session = await unlockWithPassphrase(dir, passphrase);
  try {
    const identity = new IdentityService(session, sodium);
    const backupKdf = testBackupKdf(io.env);
    const sharing = new SharingService(session, identity, sodium, backupKdf ? { backupKdf } : {});
    return await work({ sharing, identity, passphrase });
  } finally {
    session.lock();
  }
}

/** Contacts named on the command line (`--to`): by id, or by a name exactly one contact has. */
export function resolveContacts(identity: IdentityService, refs: readonly string[]): string[] {
  const all = identity.listContacts();
  return refs.map((ref) => {
    const byId = all.find((c) => c.id === ref);
    if (byId) return byId.id;
    const wanted = ref.normalize('NFC').toLocaleLowerCase();
    const byName = all.filter((c) => c.name.normalize('NFC').toLocaleLowerCase() === wanted);
    if (byName.length > 1) throw new UsageError('contactAmbiguous');
    if (byName.length === 1) return byName[0]!.id;
    throw new CaseVaultError('CONTACT_NOT_FOUND', ref);
  });
}

export function listOption(line: CommandContext['line'], name: string): string[] {
  const raw = stringOption(line, name);
  return raw === undefined ? [] : raw.split('\n').filter((v) => v.length > 0);
}
