/**
 * The evidence screens' way to main: `window.casevault.evidence.*`, `files.*` and `task.*`, each
 * `IpcResult` unwrapped into a value or a thrown `UiError` (same rule as ipc/client.ts). Previews
 * are not fetched here: `<img>`/`<video>`/`<audio>` load `previewUrl(id)` from the app's origin.
 */
import type { EvidenceDetail, EvidenceItem, RedactionRegion } from '../../../shared/evidence/schemas.ts';
import type {
  EvidenceInput,
  EvidenceOutput,
  TaskProgressPayload,
} from '../../../shared/ipc/evidence-contract.ts';
import type { ChosenFiles } from '../../../shared/ipc/files-contract.ts';
import { bridge, callIpc, type UiError } from '../ipc/client.ts';

export type { ChosenFiles, EvidenceDetail, EvidenceItem, RedactionRegion, TaskProgressPayload };
export type AddOutcome = EvidenceOutput<'evidence:add'>;
export type AddRequest = Omit<EvidenceInput<'evidence:add'>, 'tokens' | 'taskId'>;
export type VerifyResult = EvidenceOutput<'evidence:verify'>[number];

/**
 * The preview URL of an item, on the page's own origin (casevault://app/ in the app). In
 * `electron-vite dev` the page comes from the Vite server, so previews go to the app scheme.
 */
export function previewUrl(id: string): string {
  const origin = window.location.protocol === 'http:' ? 'casevault://app' : '';
  return `${origin}/__evidence__/${encodeURIComponent(id)}`;
}

/** Image types the window can draw (the preview protocol serves only these as images). */
const DRAWABLE_IMAGES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
]);

export function isDrawableImage(item: Pick<EvidenceItem, 'detectedType'>): boolean {
  return item.detectedType.category === 'image' && DRAWABLE_IMAGES.has(item.detectedType.mime);
}

/** The token detail main gives when a chosen file can no longer be used. */
export function isExpiredSelection(error: UiError): boolean {
  return error.code === 'INVALID_INPUT' && (error.detail ?? '').startsWith('file-selection');
}

export const evidenceApi = {
  pick: (): Promise<ChosenFiles> => callIpc(() => bridge().files.pick({ multiple: true })),
  drop: (files: readonly File[]): Promise<ChosenFiles> => callIpc(() => bridge().files.drop(files)),
  add: (taskId: string, tokens: string[], request: AddRequest): Promise<AddOutcome> =>
    callIpc(() => bridge().evidence.add({ ...request, taskId, tokens })),
  cancel: (taskId: string) => callIpc(() => bridge().task.cancel({ taskId })),
  list: (caseId: string, offset: number, limit: number, incidentId?: string) =>
    callIpc(() => bridge().evidence.list({ caseId, ...(incidentId ? { incidentId } : {}), offset, limit })),
  get: (id: string): Promise<EvidenceDetail> => callIpc(() => bridge().evidence.get({ id })),
  verify: (id: string) => callIpc(() => bridge().evidence.verify({ ids: [id] })),
  redact: (id: string, regions: RedactionRegion[]): Promise<EvidenceItem> =>
    callIpc(() => bridge().evidence.redact({ id, regions, stripMetadata: true })),
  remove: (id: string) => callIpc(() => bridge().evidence.delete({ id })),
  saveCopy: (id: string) => callIpc(() => bridge().evidence.saveCopy({ id })),
  readText: (id: string) => callIpc(() => bridge().evidence.readText({ id })),
  onProgress: (listener: (progress: TaskProgressPayload) => void): (() => void) =>
    bridge().on('task:progress', listener),
};

/** A random task id (UUID v4) the renderer names its add by, to follow and cancel it. */
export function newTaskId(): string {
  return crypto.randomUUID();
}

/** 1 234 567 → "1,2 Mo" / "1.2 MB". */
export function formatSize(bytes: number, lang: 'fr' | 'en'): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go', 'To'] : ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
