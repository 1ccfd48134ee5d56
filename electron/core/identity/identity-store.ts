/**
 * The vault's own identity: one X25519 key pair (exports are sealed to it) and one Ed25519 key pair
 * (exports, receipts and the key card are signed with it), kept in the encrypted database.
 *
 * The key pairs are generated on first use (`ensureIdentity`): the first time anything asks for the
 * identity — the Identity screen, `casevault identity show`, an export. Vaults made before this
 * feature get theirs the same way, so the migration does not need libsodium.
 *
 * Secret keys leave this module only through `withOwnSecretKeys` / `ownSecretKeys`, as fresh
 * Uint8Array copies the caller wipes; they never cross IPC, never go into an error or the audit log.
 */
import { CaseVaultError } from '../../../shared/errors.ts';
import { type CardField, cardFieldProblem, normaliseCardField } from '../../../shared/identity/fields.ts';
import { type Sodium, wipe } from '../crypto/sodium.ts';
import type { VaultDatabase } from '../db/open.ts';
import { type AuditMac, appendAudit } from '../records/audit.ts';
import { cardToFile, cardToText, type SignedCard, signCard } from './card.ts';
import { type Fingerprint, fingerprintOf, type PublicKeys } from './fingerprint.ts';

export interface IdentityContext {
  db: VaultDatabase;
  sodium: Sodium;
  mac: AuditMac;
  now: () => Date;
  newId: () => string;
  actor: string;
}

export interface OwnIdentity extends PublicKeys {
  name: string;
  organisation: string;
  role: string;
  createdAt: string;
  updatedAt: string;
  fingerprint: Fingerprint;
}

export interface OwnSecretKeys {
  /** X25519 secret key, 32 bytes. */
  boxSecretKey: Uint8Array;
  /** Ed25519 secret key in libsodium's 64-byte form (seed ‖ public key). */
  signSecretKey: Uint8Array;
  boxPublicKey: Uint8Array;
  signPublicKey: Uint8Array;
}

export interface ProfileInput {
  name: string;
  organisation: string;
  role: string;
}

interface IdentityRow {
  box_public: Buffer;
  sign_public: Buffer;
  name: string;
  organisation: string;
  role: string;
  created_at: string;
  updated_at: string;
}

/** A Buffer VIEW of the bytes (no copy), for SQLite bindings: wiping the array wipes what was bound. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const PUBLIC_COLUMNS = 'box_public, sign_public, name, organisation, role, created_at, updated_at';

function readRow(db: VaultDatabase): IdentityRow | undefined {
  return db.prepare(`SELECT ${PUBLIC_COLUMNS} FROM identity WHERE id = 1`).get() as IdentityRow | undefined;
}

function toIdentity(sodium: Sodium, row: IdentityRow): OwnIdentity {
  const keys = {
    boxPublicKey: Uint8Array.from(row.box_public),
    signPublicKey: Uint8Array.from(row.sign_public),
  };
  return {
    ...keys,
    name: row.name,
    organisation: row.organisation,
    role: row.role,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    fingerprint: fingerprintOf(sodium, keys),
  };
}

/** The identity, creating its key pairs first if this vault has none yet (one audit entry). */
export function ensureIdentity(ctx: IdentityContext): OwnIdentity {
  const existing = readRow(ctx.db);
  if (existing) return toIdentity(ctx.sodium, existing);
  return ctx.db.transaction(() => {
    const again = readRow(ctx.db);
    if (again) return toIdentity(ctx.sodium, again);
    const box = ctx.sodium.crypto_box_keypair();
    const sign = ctx.sodium.crypto_sign_keypair();
    const at = ctx.now().toISOString();
    try {
      ctx.db
        .prepare(
          'INSERT INTO identity (id, box_public, box_secret, sign_public, sign_secret, name, organisation, role, created_at, updated_at) ' +
            "VALUES (1, ?, ?, ?, ?, '', '', '', ?, ?)",
        )
        .run(
          asBuffer(box.publicKey),
          asBuffer(box.privateKey),
          asBuffer(sign.publicKey),
          asBuffer(sign.privateKey),
          at,
          at,
        );
    } finally {
      wipe(ctx.sodium, box.privateKey, sign.privateKey);
    }
    const identity = toIdentity(ctx.sodium, readRow(ctx.db)!);
    appendAudit(ctx.db, ctx.mac, {
      at,
      actor: ctx.actor,
      action: 'identity.create',
      entity: 'identity',
      detail: { fingerprint: identity.fingerprint.id.slice(0, 16) },
    });
    return identity;
  })();
}

/** Validates and stores name, organisation and role (NFC, trimmed); one audit entry naming the fields. */
export function updateProfile(ctx: IdentityContext, input: ProfileInput): OwnIdentity {
  const current = ensureIdentity(ctx);
  const next: ProfileInput = {
    name: normaliseCardField(input.name),
    organisation: normaliseCardField(input.organisation),
    role: normaliseCardField(input.role),
  };
  for (const field of ['name', 'organisation', 'role'] as CardField[]) {
    const problem = cardFieldProblem(field, next[field]);
    if (problem) throw new CaseVaultError('RECORD_INVALID', `${field}: ${problem}`);
  }
  const changed = (['name', 'organisation', 'role'] as const).filter((f) => next[f] !== current[f]);
  if (changed.length === 0) return current;
  return ctx.db.transaction(() => {
    const at = ctx.now().toISOString();
    ctx.db
      .prepare('UPDATE identity SET name = ?, organisation = ?, role = ?, updated_at = ? WHERE id = 1')
      .run(next.name, next.organisation, next.role, at);
    appendAudit(ctx.db, ctx.mac, {
      at,
      actor: ctx.actor,
      action: 'identity.update',
      entity: 'identity',
      detail: { fields: changed },
    });
    return toIdentity(ctx.sodium, readRow(ctx.db)!);
  })();
}

/**
 * Copies of the secret keys; THE CALLER WIPES THEM (sodium.memzero) when done. Prefer
 * `withOwnSecretKeys`, which does it.
 */
export function ownSecretKeys(ctx: Pick<IdentityContext, 'db'>): OwnSecretKeys {
  const row = ctx.db
    .prepare('SELECT box_public, box_secret, sign_public, sign_secret FROM identity WHERE id = 1')
    .get() as
    | { box_public: Buffer; box_secret: Buffer; sign_public: Buffer; sign_secret: Buffer }
    | undefined;
  if (!row) throw new CaseVaultError('IDENTITY_INCOMPLETE', 'keys');
  const keys = {
    boxSecretKey: Uint8Array.from(row.box_secret),
    signSecretKey: Uint8Array.from(row.sign_secret),
    boxPublicKey: Uint8Array.from(row.box_public),
    signPublicKey: Uint8Array.from(row.sign_public),
  };
  // better-sqlite3 hands out fresh Buffers per read; zero them too so only the copies remain.
  row.box_secret.fill(0);
  row.sign_secret.fill(0);
  return keys;
}

/** Runs `work` with the secret keys and wipes them afterwards, whatever happens. */
export function withOwnSecretKeys<T>(ctx: IdentityContext, work: (keys: OwnSecretKeys) => T): T {
  ensureIdentity(ctx);
  const keys = ownSecretKeys(ctx);
  try {
    return work(keys);
  } finally {
    wipe(ctx.sodium, keys.boxSecretKey, keys.signSecretKey);
  }
}

/** This vault's signed key card. IDENTITY_INCOMPLETE until a name is set. */
export function ownCard(ctx: IdentityContext): SignedCard {
  const identity = ensureIdentity(ctx);
  if (identity.name === '') throw new CaseVaultError('IDENTITY_INCOMPLETE', 'name');
  return withOwnSecretKeys(ctx, (keys) =>
    signCard(
      ctx.sodium,
      {
        name: identity.name,
        organisation: identity.organisation,
        role: identity.role,
        // The card changes only when its content does: signing is deterministic (Ed25519), so the
        // same profile always gives the same card text.
        issuedAt: identity.updatedAt,
        boxPublicKey: identity.boxPublicKey,
        signPublicKey: identity.signPublicKey,
      },
      keys.signSecretKey,
    ),
  );
}

export function ownCardText(ctx: IdentityContext): string {
  return cardToText(ownCard(ctx));
}

export function ownCardFile(ctx: IdentityContext): string {
  return cardToFile(ownCard(ctx));
}
