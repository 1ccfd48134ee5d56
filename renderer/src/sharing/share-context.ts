/**
 * How a case view starts an export without knowing the app's screens: App provides a function that
 * opens the sharing area's export wizard with these cases chosen. Absent (null) outside the app
 * frame, e.g. in a test that renders a case view alone: the case view then shows no share action.
 */
import { createContext, useContext } from 'react';

export const ShareCasesContext = createContext<((caseIds: string[]) => void) | null>(null);

export function useShareCases(): ((caseIds: string[]) => void) | null {
  return useContext(ShareCasesContext);
}
