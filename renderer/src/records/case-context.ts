import { createContext, useContext } from 'react';
import type { CaseDetail, CustomKind } from './api.ts';

export interface CaseContextValue {
  detail: CaseDetail;
  caseId: string;
  customKinds: CustomKind[];
  /** Fetches the case again after a change. */
  reload: () => Promise<void>;
  reloadKinds: () => Promise<void>;
}

export const CaseContext = createContext<CaseContextValue | null>(null);

export function useCase(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCase outside a case view');
  return value;
}
