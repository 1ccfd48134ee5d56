/**
 * The one place libsodium is loaded. The sumo build is required: the standard build has no
 * crypto_pwhash (Argon2id). Everything else takes the instance as an argument so tests and the
 * worker host share one initialisation path.
 */
import sodiumModule from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodiumModule;

let loading: Promise<Sodium> | undefined;

export function loadSodium(): Promise<Sodium> {
  loading ??= sodiumModule.ready.then(() => sodiumModule);
  return loading;
}

/** Wipes every buffer given; tolerates undefined so `finally` blocks stay short. */
export function wipe(sodium: Sodium, ...buffers: Array<Uint8Array | undefined | null>): void {
  for (const buffer of buffers) if (buffer && buffer.length > 0) sodium.memzero(buffer);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
