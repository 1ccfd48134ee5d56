/**
 * Pages of the case list, fetched only for the rows the virtual list shows (100 at a time) and kept
 * in a small LRU cache, so scrolling 100 000 cases asks main for a few pages, never for all of them.
 * Scrolling on continues after the last row of the cached previous page (an index seek, no count);
 * a jump (scrollbar drag) asks by offset, which costs more the deeper it goes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toUiError, type UiError } from '../ipc/client.ts';
import { type CaseListFilter, type CaseSummary, recordsApi } from './api.ts';

export const PAGE_SIZE = 100;
const MAX_PAGES = 8;

export function useCasePages(filter: CaseListFilter) {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [, setVersion] = useState(0);
  const cache = useRef(new Map<number, CaseSummary[]>());
  const inflight = useRef(new Set<number>());
  // A page answered for an older filter must not land in the new list.
  const generation = useRef(0);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  const filterKey = JSON.stringify(filter);

  const load = useCallback(async (page: number) => {
    const mine = generation.current;
    inflight.current.add(page);
    try {
      const previous = cache.current.get(page - 1);
      const last = previous?.length === PAGE_SIZE ? previous[PAGE_SIZE - 1] : undefined;
      const result = await recordsApi.listCases(
        filterRef.current,
        page * PAGE_SIZE,
        PAGE_SIZE,
        last ? { after: { openedOn: last.openedOn, code: last.code }, count: false } : {},
      );
      if (mine !== generation.current) return;
      cache.current.set(page, result.rows);
      if (result.total !== null) setTotal(result.total);
      setError(null);
    } catch (caught) {
      if (mine === generation.current) setError(toUiError(caught));
    } finally {
      if (mine === generation.current) inflight.current.delete(page);
      setVersion((v) => v + 1);
    }
  }, []);

  const reset = useCallback(() => {
    generation.current += 1;
    cache.current.clear();
    inflight.current.clear();
    void load(0);
  }, [load]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter's content is the trigger
  useEffect(() => {
    setTotal(null);
    reset();
  }, [filterKey, reset]);

  /** Makes sure the pages holding rows [first, last] are loaded; evicts the least recently used. */
  const ensure = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      const pages: number[] = [];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) pages.push(p);
      for (const page of pages) {
        const rows = cache.current.get(page);
        if (rows) {
          cache.current.delete(page);
          cache.current.set(page, rows);
        } else if (!inflight.current.has(page)) void load(page);
      }
      while (cache.current.size > MAX_PAGES) {
        const oldest = cache.current.keys().next().value as number;
        cache.current.delete(oldest);
      }
    },
    [load],
  );

  const rowAt = (index: number): CaseSummary | undefined =>
    cache.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return { total, error, ensure, rowAt, reload: reset, cachedPages: () => [...cache.current.keys()] };
}
