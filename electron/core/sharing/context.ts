/** What every sharing module works with: one unlocked session plus the identity service. */
import { CaseVaultError } from '../../../shared/errors.ts';
import type { Sodium } from '../crypto/sodium.ts';
import { wipe } from '../crypto/sodium.ts';
import type { SenderIdentity } from '../export/index.ts';
import type { IdentityService } from '../identity/identity-service.ts';
import type { RecordContext } from '../records/store.ts';
import type { VaultSession } from '../vault/session.ts';

export interface SharingContext {
  session: VaultSession;
  identity: IdentityService;
  sodium: Sodium;
  now: () => Date;
  newId: () => string;
  actor: string;
}

export interface TaskOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number, item?: string) => void) | undefined;
}

export function recordContext(ctx: SharingContext): RecordContext {
  return { db: ctx.session.db, mac: ctx.session.auditMac, now: ctx.now, newId: ctx.newId, actor: ctx.actor };
}

export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CaseVaultError('TASK_CANCELLED');
}

/**
 * Runs async `work` with this vault's identity as an export sender/opener. The secret keys are
 * copied out of the identity store's synchronous scope and wiped here when `work` settles.
 */
export async function withSender<T>(
  ctx: SharingContext,
  work: (sender: SenderIdentity, boxSecretKey: Uint8Array) => Promise<T>,
): Promise<T> {
  const own = ctx.identity.ownPublic();
  const keys = ctx.identity.withOwnSecretKeys((k) => ({
    signSecretKey: Uint8Array.from(k.signSecretKey),
    boxSecretKey: Uint8Array.from(k.boxSecretKey),
  }));
  try {
    return await work(
      {
        signingPublicKey: own.signPublicKey,
        signingSecretKey: keys.signSecretKey,
        encryptionPublicKey: own.boxPublicKey,
        fingerprint: own.fingerprint.id,
        ...(own.name ? { name: own.name } : {}),
      },
      keys.boxSecretKey,
    );
  } finally {
    wipe(ctx.sodium, keys.signSecretKey, keys.boxSecretKey);
  }
}

/** A name the export manifest accepts (no separators or control characters, ≤ 255 chars). */
export function plainFileName(name: string, fallback: string): string {
  let out = '';
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    out += ch === '/' || ch === '\\' || code < 0x20 || code === 0x7f ? '_' : ch;
  }
  out = out.slice(0, 200);
  return out === '' || out === '.' || out === '..' ? fallback : out;
}
