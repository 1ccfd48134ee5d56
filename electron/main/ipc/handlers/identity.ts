/**
 * Identity and contacts handlers. Each channel maps to one fixed operation of the vault worker's
 * identity op table. Card FILES are handled here in main: the renderer never sends a path, main
 * asks the user with its own dialogs, reads at most CARD_LIMITS.file bytes of the chosen file and
 * hands the text to the worker, or writes the public card the worker produced.
 */
import { open, writeFile } from 'node:fs/promises';
import { CaseVaultError } from '../../../../shared/errors.ts';
import { CARD_FILE_EXTENSION, CARD_LIMITS } from '../../../../shared/identity/constants.ts';
import type { IdentityChannel, IdentityInput } from '../../../../shared/ipc/identity-contract.ts';
import type { Register } from '../handler-table.ts';
import type { IpcDeps } from '../registry.ts';

const CARD_FILTERS = [{ name: 'CaseVault key card', extensions: [CARD_FILE_EXTENSION] }];

/** Channels that are a straight call of one worker operation with the validated input. */
const DIRECT: Partial<Record<IdentityChannel, string>> = {
  'identity:get': 'get',
  'identity:update': 'update',
  'contacts:list': 'contacts-list',
  'contacts:get': 'contacts-get',
  'contacts:inspect-text': 'contacts-inspect',
  'contacts:verify': 'contacts-verify',
  'contacts:set-role': 'contacts-set-role',
  'contacts:accept-key': 'contacts-accept-key',
  'contacts:reject-key': 'contacts-reject-key',
  'contacts:delete': 'contacts-delete',
  'contacts:check-sendable': 'contacts-check-sendable',
};

/** Reads a chosen card file, refusing anything larger than a card can be (never reads it whole). */
export async function readCardFile(path: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(CARD_LIMITS.file + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > CARD_LIMITS.file) throw new CaseVaultError('CARD_MALFORMED', 'length');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead));
    } catch {
      throw new CaseVaultError('CARD_MALFORMED', 'utf-8');
    }
  } catch (error) {
    if (error instanceof CaseVaultError) throw error;
    throw new CaseVaultError('IO_ERROR', 'card file');
  } finally {
    await handle?.close();
  }
}

export function registerIdentityHandlers(register: Register, deps: IpcDeps): void {
  for (const [channel, op] of Object.entries(DIRECT) as Array<[IdentityChannel, string]>) {
    register(channel, async (input: unknown) => {
      deps.activity();
      // biome-ignore lint/suspicious/noExplicitAny: the output is checked against the contract by the registry.
      return (await deps.service.identity(op, input)) as any;
    });
  }

  register('contacts:import-text', async (input: IdentityInput<'contacts:import-text'>) => {
    deps.activity();
    const { text, role, contactId } = input;
    // biome-ignore lint/suspicious/noExplicitAny: checked against the contract by the registry.
    return (await deps.service.identity('contacts-import', { card: text, role, contactId })) as any;
  });

  register('contacts:import-file', async (input: IdentityInput<'contacts:import-file'>) => {
    deps.activity();
    const [path] = await deps.openDialog({ multiple: false, filters: CARD_FILTERS });
    if (path === undefined) return { outcome: 'cancelled' as const };
    const card = await readCardFile(path);
    const result = await deps.service.identity('contacts-import', {
      card,
      role: input.role,
      contactId: input.contactId,
    });
    // biome-ignore lint/suspicious/noExplicitAny: checked against the contract by the registry.
    return result as any;
  });

  register('identity:save-card', async () => {
    deps.activity();
    // The card first: if the identity has no name yet, say so before asking where to save.
    const { content, fileName } = (await deps.service.identity('card-file', {})) as {
      content: string;
      fileName: string;
    };
    const path = await deps.saveDialog({ defaultName: fileName, filters: CARD_FILTERS });
    if (path === undefined) return { saved: false };
    try {
      // Public data only; the dialog already asked before replacing an existing file.
      await writeFile(path, content, { mode: 0o644 });
    } catch {
      throw new CaseVaultError('IO_ERROR', 'card file');
    }
    return { saved: true };
  });
}
