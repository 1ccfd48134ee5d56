import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

export function registerSessionHandlers(register: Register, deps: IpcDeps): void {
  register('session:activity', () => {
    deps.activity();
    return { ok: true } as const;
  });
}
