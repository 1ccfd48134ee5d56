import type { Sodium } from '../../../../electron/core/crypto/sodium.ts';
import { type CardContent, type SignedCard, signCard } from '../../../../electron/core/identity/card.ts';

/** A deterministic identity from a one-byte seed, so vectors stay stable. */
export function keysFromSeed(sodium: Sodium, seed: number) {
  const sign = sodium.crypto_sign_seed_keypair(new Uint8Array(32).fill(seed));
  const box = sodium.crypto_box_seed_keypair(new Uint8Array(32).fill(seed + 100));
  return { sign, box };
}

export function makeCard(sodium: Sodium, seed: number, overrides: Partial<CardContent> = {}): SignedCard {
  const { sign, box } = keysFromSeed(sodium, seed);
  return signCard(
    sodium,
    {
      name: 'Maître Aïssatou Diallo',
      organisation: 'Clinique juridique de Thiès',
      role: 'Avocate',
      issuedAt: '2026-11-20T10:00:00.000Z',
      boxPublicKey: box.publicKey,
      signPublicKey: sign.publicKey,
      ...overrides,
    },
    sign.privateKey,
  );
}
