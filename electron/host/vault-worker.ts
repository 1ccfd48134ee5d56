/**
 * The vault worker thread: runs LocalVaultService (Argon2id, SQLCipher) off main's event loop so
 * the window stays responsive while a key is derived or the database is checkpointed.
 * Built to out/main/vault-worker.js; runs as-is from source on Node 24 (type stripping).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LocalVaultService } from '../core/service/local-vault-service.ts';
import { serveVaultService } from './vault-worker-server.ts';
import type { VaultWorkerData } from './worker-protocol.ts';

if (!parentPort) throw new Error('vault-worker must run in a worker thread');
const { dir } = workerData as VaultWorkerData;
serveVaultService(parentPort, new LocalVaultService({ dir }));
