/**
 * Case-records handlers: each `records:*` channel forwards its parsed input to the vault service
 * (in the worker), which dispatches through the core's fixed operation table. Writes count as
 * activity for the auto-lock.
 */
import { RECORDS_CHANNELS } from '../../../../shared/ipc/records-contract.ts';
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

export function registerRecordsHandlers(register: Register, deps: IpcDeps): void {
  for (const channel of RECORDS_CHANNELS) {
    const op = channel.slice('records:'.length);
    register(channel, async (input: unknown) => {
      deps.activity();
      // biome-ignore lint/suspicious/noExplicitAny: the output is checked against the contract by the registry.
      return (await deps.service.records(op, input)) as any;
    });
  }
}
