import { RecordsHome } from '../records/RecordsHome.tsx';

/** The unlocked vault's first page: the case records (list, case form, case view). */
export function HomeScreen() {
  return <RecordsHome />;
}
