/**
 * The one IPC contract between renderer, preload and main.
 *
 * Channel names are `area:action`. Every input and output has a zod schema; the TypeScript types are
 * inferred from them. Main validates every input (and the sender) before dispatching to a fixed
 * handler registry; the preload exposes exactly these channels and nothing else. The renderer never
 * sends SQL or a file path: the vault folder is chosen by main.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';
import { evidenceContract, TaskProgressEvent } from './evidence-contract.ts';
import { filesContract } from './files-contract.ts';
import { identityContract } from './identity-contract.ts';
import { receivedFilesContract } from './received-files-contract.ts';
import { recordsContract } from './records-contract.ts';
import { reportsContract } from './reports-contract.ts';
import { restoreContract } from './restore-contract.ts';
import { sharingContract } from './sharing-contract.ts';

/** Passphrases cross IPC as strings (unavoidable with a text field); bounded to stop abuse. */
export const Passphrase = z.string().min(1).max(1024);
export const KdfPresetName = z.enum(['moderate', 'sensitive']);
export const LanguageSchema = z.enum(['fr', 'en']);
export const LockReason = z.enum(['user', 'idle', 'sleep', 'screen-lock', 'panic']);

export const VaultState = z.enum(['none', 'locked', 'unlocked']);

export const VaultStatusSchema = z
  .object({
    state: VaultState,
    /** Facts readable without a key (format version, KDF). Absent when there is no vault. */
    info: z
      .object({
        formatVersion: z.number().int(),
        createdAt: z.string(),
        kdf: z.object({ alg: z.string(), opslimit: z.number().int(), memlimit: z.number().int() }),
      })
      .strict()
      .optional(),
  })
  .strict();

export const SettingsSchema = z
  .object({
    language: LanguageSchema,
    /** Minutes of inactivity before the vault locks itself; 0 is not allowed. */
    autoLockMinutes: z.number().int().min(1).max(240),
  })
  .strict();

export const AppInfoSchema = z
  .object({
    version: z.string(),
    platform: z.string(),
    /** The language to use before the user picks one: French where the OS is French. */
    systemLanguage: LanguageSchema,
  })
  .strict();

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) }).strict();

export const contract = {
  'app:info': { input: Empty, output: AppInfoSchema },
  /** Locks the vault and hides the window at once (the panic shortcut or button). */
  'app:panic': { input: Empty, output: Ok },
  'settings:get': { input: Empty, output: SettingsSchema },
  'settings:set': { input: SettingsSchema.partial().strict(), output: SettingsSchema },
  /** The renderer reports user activity (throttled) so main can auto-lock after inactivity. */
  'session:activity': { input: Empty, output: Ok },
  'vault:status': { input: Empty, output: VaultStatusSchema },
  'vault:create': {
    input: z.object({ passphrase: Passphrase, kdf: KdfPresetName }).strict(),
    /** The recovery key is returned once, here, and never stored in clear anywhere. */
    output: z.object({ recoveryKey: z.string() }).strict(),
  },
  'vault:unlock': { input: z.object({ passphrase: Passphrase }).strict(), output: Ok },
  'vault:lock': { input: Empty, output: Ok },
  'vault:change-passphrase': {
    input: z.object({ current: Passphrase, next: Passphrase }).strict(),
    output: Ok,
  },
  'vault:recover': {
    input: z.object({ recoveryKey: z.string().min(1).max(200), newPassphrase: Passphrase }).strict(),
    output: Ok,
  },
  ...recordsContract,
  ...filesContract,
  ...evidenceContract,
  ...identityContract,
  ...reportsContract,
  ...sharingContract,
  ...receivedFilesContract,
  ...restoreContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

/** Events main sends to the renderer (never the other way). */
export const events = {
  'vault:locked': z.object({ reason: LockReason }).strict(),
  'task:progress': TaskProgressEvent,
} as const;
export type EventChannel = keyof typeof events;
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]>;
export const EVENT_CHANNELS = Object.keys(events) as EventChannel[];

/** Every reply crosses IPC as plain data: errors keep their code instead of a mangled message. */
export const IpcErrorSchema = z
  .object({ code: z.enum(ERROR_CODES), detail: z.string().max(500).optional() })
  .strict();
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: z.output<typeof IpcErrorSchema> };

export type VaultStatus = z.output<typeof VaultStatusSchema>;
export type Settings = z.output<typeof SettingsSchema>;
export type AppInfo = z.output<typeof AppInfoSchema>;
export type KdfPreset = z.output<typeof KdfPresetName>;
export type LockReasonName = z.output<typeof LockReason>;
