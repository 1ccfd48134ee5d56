/**
 * The unlocked vault's records area: case list → case form → case view. One state here decides
 * which shows; each screen keeps its own form state and is keyed, so leaving drops what was typed.
 */
import { useState } from 'react';
import type { CaseListFilter } from './api.ts';
import { CaseFormScreen } from './CaseFormScreen.tsx';
import { CaseListScreen } from './CaseListScreen.tsx';
import { CaseView } from './CaseView.tsx';
import type { CaseTab } from './tabs/tab-names.ts';

export type RecordsView =
  | { name: 'list' }
  | { name: 'new-case' }
  | { name: 'edit-case'; caseId: string }
  | { name: 'case'; caseId: string; tab?: CaseTab };

export function RecordsHome() {
  const [view, setView] = useState<RecordsView>({ name: 'list' });
  // Kept here so coming back to the list finds the same filters.
  const [filter, setFilter] = useState<CaseListFilter>({});

  const openCase = (caseId: string, tab?: CaseTab) => setView({ name: 'case', caseId, tab });
  let body: React.ReactNode;
  switch (view.name) {
    case 'list':
      body = (
        <CaseListScreen
          filter={filter}
          onFilter={setFilter}
          onOpen={openCase}
          onNew={() => setView({ name: 'new-case' })}
        />
      );
      break;
    case 'new-case':
      body = <CaseFormScreen onDone={(id) => (id ? openCase(id) : setView({ name: 'list' }))} />;
      break;
    case 'edit-case':
      body = <CaseFormScreen caseId={view.caseId} onDone={() => openCase(view.caseId)} />;
      break;
    case 'case':
      body = (
        <CaseView
          caseId={view.caseId}
          initialTab={view.tab}
          onBack={() => setView({ name: 'list' })}
          onEdit={() => setView({ name: 'edit-case', caseId: view.caseId })}
          onDeleted={() => setView({ name: 'list' })}
        />
      );
      break;
  }
  return (
    <div key={`${view.name}-${'caseId' in view ? view.caseId : ''}`} data-records-view={view.name}>
      {body}
    </div>
  );
}
