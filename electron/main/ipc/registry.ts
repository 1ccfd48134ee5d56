/**
 * The one entry point for every IPC request: refuse unknown channels, parse the input with the
 * contract's schema, dispatch to the fixed handler table, parse the output, and turn every failure
 * into plain `{ code, detail }` data. Nothing here logs or echoes an input value: inputs carry
 * passphrases and recovery keys.
 */
import type { z } from 'zod';
import { CaseVaultError, serializeError } from '../../../shared/errors.ts';
import type { AppInfo } from '../../../shared/ipc/contract.ts';
import { CHANNELS, type Channel, contract, type IpcResult } from '../../../shared/ipc/contract.ts';
import type { VaultService } from '../../core/service/types.ts';
import type { EvidenceTasks } from '../evidence-tasks.ts';
import type { FileTokenRegistry } from '../files/file-tokens.ts';
import type { PreferencesStore } from '../preferences.ts';
import { HandlerTable } from './handler-table.ts';
import { registerAppHandlers } from './handlers/app.ts';
import { registerEvidenceHandlers } from './handlers/evidence.ts';
import { registerFilesHandlers } from './handlers/files.ts';
import { registerIdentityHandlers } from './handlers/identity.ts';
import { registerReceivedFilesHandlers } from './handlers/received-files.ts';
import { registerRecordsHandlers } from './handlers/records.ts';
import { registerReportsHandlers } from './handlers/reports.ts';
import { registerRestoreHandlers } from './handlers/restore.ts';
import { registerSessionHandlers } from './handlers/session.ts';
import { registerSettingsHandlers } from './handlers/settings.ts';
import { registerSharingHandlers } from './handlers/sharing.ts';
import { registerVaultHandlers } from './handlers/vault.ts';

export interface IpcDeps {
  service: VaultService;
  preferences: PreferencesStore;
  appInfo(): AppInfo;
  panic(): Promise<void>;
  activity(): void;
  /** OS dialogs (electron-dialogs.ts in the app, stand-ins in tests; see ipc/dialogs.ts). */
  saveDialog(options: {
    defaultName: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | undefined>;
  /** Main's own open-file dialog; resolves to the chosen paths ([] when cancelled). */
  openDialog(options: {
    multiple: boolean;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<string[]>;
  /** Tokens for files the user chose; `evidence:add` spends them. */
  fileTokens: FileTokenRegistry;
  /** Multi-file tasks: progress relayed as `task:progress`, `task:cancel`. */
  tasks: EvidenceTasks;
}

export interface IpcRegistry {
  invoke(channel: string, rawInput: unknown): Promise<IpcResult<unknown>>;
  readonly channels: readonly string[];
}

export function createIpcRegistry(deps: IpcDeps): IpcRegistry {
  const table = new HandlerTable();
  registerAppHandlers(table.register, deps);
  registerSettingsHandlers(table.register, deps);
  registerSessionHandlers(table.register, deps);
  registerVaultHandlers(table.register, deps);
  registerRecordsHandlers(table.register, deps);
  registerFilesHandlers(table.register, deps);
  registerEvidenceHandlers(table.register, deps);
  registerIdentityHandlers(table.register, deps);
  registerReportsHandlers(table.register, deps);
  registerSharingHandlers(table.register, deps);
  registerReceivedFilesHandlers(table.register, deps);
  registerRestoreHandlers(table.register, deps);
  return registryFromTable(table);
}

/** Exposed for tests that build a table by hand; production code uses `createIpcRegistry`. */
export function registryFromTable(table: HandlerTable): IpcRegistry {
  const missing = CHANNELS.filter((channel) => !table.get(channel));
  if (missing.length > 0) throw new Error(`IPC channels without a handler: ${missing.join(', ')}`);

  return {
    channels: Object.freeze([...CHANNELS]),
    async invoke(channel, rawInput) {
      if (typeof channel !== 'string' || !Object.hasOwn(contract, channel)) {
        return { ok: false, error: { code: 'INVALID_INPUT', detail: 'channel' } };
      }
      const name = channel as Channel;
      const schemas = contract[name];
      const input = schemas.input.safeParse(rawInput);
      if (!input.success) {
        return { ok: false, error: { code: 'INVALID_INPUT', detail: issuePath(input.error) } };
      }
      try {
        const handler = table.get(name)!;
        const raw = await handler(input.data);
        const output = schemas.output.safeParse(raw);
        if (!output.success) {
          // A handler broke the contract: a bug on our side, never the caller's. Log the channel only
          // (the output may hold a recovery key).
          console.error(`[ipc] ${name}: handler output does not match the contract`);
          return { ok: false, error: { code: 'INTERNAL' } };
        }
        return { ok: true, value: output.data };
      } catch (error) {
        if (!(error instanceof CaseVaultError)) {
          // The name of the error class only: messages of foreign errors may quote SQL or inputs.
          console.error(`[ipc] ${name}: unexpected ${error instanceof Error ? error.name : typeof error}`);
        }
        return { ok: false, error: serializeError(error) };
      }
    },
  };
}

/** Where the first problem is (`input.passphrase`), never what the value was. */
function issuePath(error: z.ZodError): string {
  const first = error.issues[0];
  const path = first ? first.path.map(String).join('.') : '';
  return (path ? `input.${path}` : 'input').slice(0, 200);
}
