/**
 * The worker side of the proxy: answers `call` messages with the given VaultService and forwards its
 * lock events. Separate from `vault-worker.ts` so tests can serve a fake service over a real
 * MessagePort or worker.
 */
import type { MessagePort } from 'node:worker_threads';
import { serializeError } from '../../shared/errors.ts';
import type { VaultService } from '../core/service/types.ts';
import { isWorkerMethod, type WorkerRequest, type WorkerToMain } from './worker-protocol.ts';

export function serveVaultService(port: MessagePort, service: VaultService): () => void {
  const post = (message: WorkerToMain) => port.postMessage(message);
  const unsubscribe = service.onLocked((reason) => post({ type: 'locked', reason }));
  const unsubscribeProgress = service.onProgress((progress) => post({ type: 'progress', progress }));

  const onMessage = async (message: WorkerRequest) => {
    if (message?.type !== 'call' || typeof message.id !== 'number') return;
    const { id } = message;
    if (!isWorkerMethod(message.method) || !Array.isArray(message.args)) {
      post({ type: 'result', id, ok: false, error: { code: 'INTERNAL' } });
      return;
    }
    try {
      const method = service[message.method] as (...args: unknown[]) => Promise<unknown>;
      const value = await method.apply(service, message.args);
      post({ type: 'result', id, ok: true, value });
    } catch (error) {
      post({ type: 'result', id, ok: false, error: serializeError(error) });
    }
  };
  port.on('message', onMessage);
  return () => {
    unsubscribe();
    unsubscribeProgress();
    port.off('message', onMessage);
  };
}
