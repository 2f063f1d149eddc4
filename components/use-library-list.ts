// The popup's library list: pages from the store, rows pinned in this session (clipped or already saved) above
// them, the filter, the selection and the row badges. Only the newest list request may change the rows.
import { useRef, useState } from 'preact/hooks';
import type { LibrarySort, PopupServices } from '../utils/pure/page-api';
import type { Failure } from '../utils/pure/result';
import type { ClipSummary } from '../utils/pure/types';
import type { RowBadge } from './library-list';

/** Rows of `more` that are not in `rows` yet, appended: pages and pinned rows can overlap. */
export function appendNew(rows: ClipSummary[], more: ClipSummary[]): ClipSummary[] {
  const seen = new Set(rows.map((r) => r.id));
  return rows.concat(more.filter((r) => !seen.has(r.id)));
}

export interface LibraryListState {
  /** Pinned rows first while unfiltered; a filter shows only the store's matches. */
  rows: ClipSummary[];
  query: string;
  hasMore: boolean;
  isLoading: boolean;
  badges: Record<string, RowBadge>;
  selected: ReadonlySet<string>;
  sort: LibrarySort;
  /** False while a query is matched on titles, sites and tags only (the full-text index is loading). */
  isFullText: boolean;
  /** Loads the first page for the current filter again (after an undo). */
  reload: () => Promise<void>;
  loadMore: () => void;
  filter: (query: string) => void;
  /** Shows an already saved clip above the pages. */
  pin: (id: string) => Promise<void>;
  /** Puts a clip just saved at the top with its badge. */
  addClipped: (clip: ClipSummary, isUpdate: boolean) => void;
  replaceRow: (row: ClipSummary) => void;
  removeRows: (ids: string[]) => void;
  toggle: (id: string, isOn: boolean) => void;
  setSort: (sort: LibrarySort) => void;
  /** Selects every row the filter shows (or clears them when all are selected already). */
  selectAll: () => void;
}

/** How often a query matched without the full-text index asks again while that index loads. */
export const FULL_TEXT_RETRY_MS = 400;

export function useLibraryList(
  services: Pick<PopupServices, 'listSummaries' | 'getSummary'>,
  pageSize: number,
  onError: (failure: Failure) => void,
): LibraryListState {
  // Rows clipped or highlighted in this session, shown above the pages from the store.
  const [pinned, setPinned] = useState<ClipSummary[]>([]);
  const [items, setItems] = useState<ClipSummary[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [isLoading, setLoading] = useState(true);
  const [query, setQuery] = useState('');
  const [badges, setBadges] = useState<Record<string, RowBadge>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sort, setSortState] = useState<LibrarySort>('clipped');
  const [isFullText, setFullText] = useState(true);
  const listRequest = useRef(0);

  async function loadPage(q: string, after: number | null, by: LibrarySort = sort) {
    const request = ++listRequest.current;
    setLoading(true);
    const result = await services.listSummaries({
      limit: pageSize,
      ...(after === null ? {} : { after }),
      ...(q === '' ? {} : { query: q }),
      ...(by === 'clipped' ? {} : { sort: by }),
    });
    if (request !== listRequest.current) return; // A newer query answered, or will.
    setLoading(false);
    if (!result.ok) {
      onError(result);
      return;
    }
    setItems((rows) => (after === null ? result.value.items : appendNew(rows, result.value.items)));
    setNext(result.value.next);
    const full = result.value.isFullText ?? true;
    setFullText(full);
    // The index is loading: ask again shortly, and the rows widen to body matches once it is ready.
    if (!full && after === null)
      setTimeout(() => {
        if (request === listRequest.current) void loadPage(q, null, by);
      }, FULL_TEXT_RETRY_MS);
  }

  // Pinned rows sit above the newest-clipped list only; a filter or another order shows the store's rows.
  const rows = query === '' && sort === 'clipped' ? appendNew(pinned, items) : items;

  return {
    rows,
    sort,
    isFullText: query === '' || isFullText,
    query,
    hasMore: next !== null,
    isLoading,
    badges,
    selected,
    reload: () => loadPage(query, null),
    setSort: (by) => {
      setSortState(by);
      setNext(null);
      void loadPage(query, null, by);
    },
    selectAll: () =>
      setSelected((s) => (rows.every((r) => s.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id)))),
    loadMore: () => {
      if (!isLoading && next !== null) void loadPage(query, next);
    },
    filter: (q) => {
      setQuery(q);
      setNext(null);
      void loadPage(q, null);
    },
    pin: async (id) => {
      const result = await services.getSummary(id);
      if (result.ok) setPinned((rows) => (rows.some((r) => r.id === id) ? rows : rows.concat(result.value)));
    },
    addClipped: (clip, isUpdate) => {
      setPinned((rows) => [clip, ...rows.filter((r) => r.id !== clip.id)]);
      setItems((rows) => rows.filter((r) => r.id !== clip.id));
      setBadges((b) => ({ ...b, [clip.id]: isUpdate ? 'updated' : 'saved' }));
    },
    replaceRow: (row) => {
      const swap = (rows: ClipSummary[]) => rows.map((r) => (r.id === row.id ? row : r));
      setPinned(swap);
      setItems(swap);
    },
    removeRows: (ids) => {
      const gone = new Set(ids);
      setPinned((rows) => rows.filter((r) => !gone.has(r.id)));
      setItems((rows) => rows.filter((r) => !gone.has(r.id)));
      setSelected((s) => new Set([...s].filter((id) => !gone.has(id))));
    },
    toggle: (id, isOn) =>
      setSelected((s) => {
        const copy = new Set(s);
        if (isOn) copy.add(id);
        else copy.delete(id);
        return copy;
      }),
  };
}
