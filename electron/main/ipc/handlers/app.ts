import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

export function registerAppHandlers(register: Register, deps: IpcDeps): void {
  register('app:info', () => deps.appInfo());
  register('app:panic', async () => {
    await deps.panic();
    return { ok: true } as const;
  });
}
