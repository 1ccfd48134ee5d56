import { randomFillSync, createHash } from 'node:crypto';
import { writeFileSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadSodium } from '../electron/core/crypto/sodium.ts';
import { fileSource, sealExport, writableSink } from '../electron/core/export/index.ts';
const s = await loadSodium();
const MIB = 1 << 20;
const b = Buffer.alloc(256 * MIB); randomFillSync(b); writeFileSync('/tmp/cvprof/data.bin', b);
const sha = createHash('sha256').update(b).digest('hex');
const box = s.crypto_box_keypair(), sign = s.crypto_sign_keypair();
let t = performance.now();
for await (const _ of fileSource('/tmp/cvprof/data.bin')) {}
console.log('read only', (performance.now() - t).toFixed(0));
t = performance.now();
const out = createWriteStream('/tmp/cvprof/out.cvx', { highWaterMark: MIB });
await sealExport({ sodium: s, engine: process.env.ENGINE as never }, { sender: { signingPublicKey: sign.publicKey, signingSecretKey: sign.privateKey, encryptionPublicKey: box.publicKey }, recipients: [1,2,3].map(() => ({ type: 'x25519' as const, publicKey: s.crypto_box_keypair().publicKey })), purpose: 'p', files: [{ id: 'd', name: 'd', size: b.length, sha256: sha, open: () => fileSource('/tmp/cvprof/data.bin') }] }, writableSink(out));
out.end(); await once(out, 'close');
console.log('seal', (performance.now() - t).toFixed(0));
