/**
 * The identity and contacts screens' way to main: `window.casevault.identity.*` and
 * `window.casevault.contacts.*`, each IpcResult unwrapped into a value or a thrown UiError (same
 * rule as ipc/client.ts). Only public material ever comes back.
 */
import type { ContactRole, VerificationState } from '../../../shared/identity/constants.ts';
import type {
  ContactDetailView,
  ContactView,
  IdentityView,
  ImportResultView,
  InspectView,
} from '../../../shared/ipc/identity-contract.ts';
import { bridge, callIpc } from '../ipc/client.ts';

export type { ContactDetailView, ContactView, IdentityView, ImportResultView, InspectView };

const api = bridge;

export const identityApi = {
  get: () => callIpc(() => api().identity.get({})),
  update: (profile: { name: string; organisation: string; role: string }) =>
    callIpc(() => api().identity.update(profile)),
  saveCard: () => callIpc(() => api().identity.saveCard({})),
  listContacts: () => callIpc(() => api().contacts.list({})),
  getContact: (id: string) => callIpc(() => api().contacts.get({ id })),
  inspectText: (text: string) => callIpc(() => api().contacts.inspectText({ text })),
  importText: (text: string, role: ContactRole, contactId?: string) =>
    callIpc(() => api().contacts.importText(contactId ? { text, role, contactId } : { text, role })),
  importFile: (role: ContactRole, contactId?: string) =>
    callIpc(() => api().contacts.importFile(contactId ? { role, contactId } : { role })),
  verify: (id: string, state: VerificationState) => callIpc(() => api().contacts.verify({ id, state })),
  setRole: (id: string, role: ContactRole) => callIpc(() => api().contacts.setRole({ id, role })),
  acceptKey: (id: string) => callIpc(() => api().contacts.acceptKey({ id })),
  rejectKey: (id: string) => callIpc(() => api().contacts.rejectKey({ id })),
  remove: (id: string) => callIpc(() => api().contacts.delete({ id })),
};
