import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

export function registerSettingsHandlers(register: Register, deps: IpcDeps): void {
  register('settings:get', () => deps.preferences.get());
  register('settings:set', (patch) => deps.preferences.set(patch));
}
