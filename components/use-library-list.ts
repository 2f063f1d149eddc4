// The popup's library list: pages from the store, rows pinned in this session (clipped or already saved) above
// them, the filter, the selection and the row badges. Only the newest list request may change the rows.
import { useRef, useState } from 'preact/hooks';
import type { PopupServices } from '../utils/pure/page-api';
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
}

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
  const listRequest = useRef(0);

  async function loadPage(q: string, after: number | null) {
    const request = ++listRequest.current;
    setLoading(true);
    const result = await services.listSummaries({
      limit: pageSize,
      ...(after === null ? {} : { after }),
      ...(q === '' ? {} : { query: q }),
    });
    if (request !== listRequest.current) return; // A newer query answered, or will.
    setLoading(false);
    if (!result.ok) {
      onError(result);
      return;
    }
    setItems((rows) => (after === null ? result.value.items : appendNew(rows, result.value.items)));
    setNext(result.value.next);
  }

  return {
    rows: query === '' ? appendNew(pinned, items) : items,
    query,
    hasMore: next !== null,
    isLoading,
    badges,
    selected,
    reload: () => loadPage(query, null),
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
