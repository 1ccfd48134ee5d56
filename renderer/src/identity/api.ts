/**
 * The identity and contacts screens' way to main: `window.casevault.identity.*` and
 * `window.casevault.contacts.*`, each IpcResult unwrapped into a value or a thrown UiError (same
 * rule as ipc/client.ts). Only public material ever comes back.
 */
import type { CaseVaultApi } from '../../../electron/preload/api.ts';
import { isErrorCode } from '../../../shared/errors.ts';
import type { ContactRole, VerificationState } from '../../../shared/identity/constants.ts';
import type { IpcResult } from '../../../shared/ipc/contract.ts';
import type {
  ContactDetailView,
  ContactView,
  IdentityView,
  ImportResultView,
  InspectView,
} from '../../../shared/ipc/identity-contract.ts';
import { UiError } from '../ipc/client.ts';

export type { ContactDetailView, ContactView, IdentityView, ImportResultView, InspectView };

function api(): CaseVaultApi {
  const bridge = (window as { casevault?: CaseVaultApi }).casevault;
  if (!bridge) throw new UiError('INTERNAL', 'preload bridge missing');
  return bridge;
}

async function unwrap<T>(pending: () => Promise<IpcResult<T>>): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await pending();
  } catch (caught) {
    if (caught instanceof UiError) throw caught;
    throw new UiError('INTERNAL');
  }
  if (result.ok) return result.value;
  const code = isErrorCode(result.error.code) ? result.error.code : 'INTERNAL';
  throw new UiError(code, result.error.detail);
}

export const identityApi = {
  get: () => unwrap(() => api().identity.get({})),
  update: (profile: { name: string; organisation: string; role: string }) =>
    unwrap(() => api().identity.update(profile)),
  saveCard: () => unwrap(() => api().identity.saveCard({})),
  listContacts: () => unwrap(() => api().contacts.list({})),
  getContact: (id: string) => unwrap(() => api().contacts.get({ id })),
  inspectText: (text: string) => unwrap(() => api().contacts.inspectText({ text })),
  importText: (text: string, role: ContactRole, contactId?: string) =>
    unwrap(() => api().contacts.importText(contactId ? { text, role, contactId } : { text, role })),
  importFile: (role: ContactRole, contactId?: string) =>
    unwrap(() => api().contacts.importFile(contactId ? { role, contactId } : { role })),
  verify: (id: string, state: VerificationState) => unwrap(() => api().contacts.verify({ id, state })),
  setRole: (id: string, role: ContactRole) => unwrap(() => api().contacts.setRole({ id, role })),
  acceptKey: (id: string) => unwrap(() => api().contacts.acceptKey({ id })),
  rejectKey: (id: string) => unwrap(() => api().contacts.rejectKey({ id })),
  remove: (id: string) => unwrap(() => api().contacts.delete({ id })),
};
