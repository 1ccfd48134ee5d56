/**
 * `window.casevault` for the renderer. Reference this file (or import `CaseVaultApi` from
 * electron/preload/api.ts) from renderer code; the type is derived from the preload's API, itself
 * derived from the IPC contract.
 */
import type { CaseVaultApi } from './api.ts';

declare global {
  interface Window {
    readonly casevault: CaseVaultApi;
  }
}
