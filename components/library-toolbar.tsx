// The library's controls under the filter: the order (and so the date each row names), Select all over what the
// filter shows, and a note while a search matches titles, sites and tags only.
import type { LibrarySort } from '../utils/pure/page-api';
import { useI18n } from './i18n-context';

export interface LibraryToolbarProps {
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  /** True when every shown row is selected: the button then clears the selection. */
  isAllSelected: boolean;
  hasRows: boolean;
  onSelectAll: () => void;
  /** False while a query is matched without the full-text index. */
  isFullText: boolean;
}

export function LibraryToolbar(props: LibraryToolbarProps) {
  const { t } = useI18n();
  return (
    <div class="library-toolbar">
      <label class="sort">
        {t('librarySortLabel')}{' '}
        <select
          value={props.sort}
          onChange={(e) => props.onSort(e.currentTarget.value === 'published' ? 'published' : 'clipped')}
        >
          <option value="clipped">{t('librarySortClipped')}</option>
          <option value="published">{t('librarySortPublished')}</option>
        </select>
      </label>
      <button type="button" class="link-button" disabled={!props.hasRows} onClick={props.onSelectAll}>
        {props.isAllSelected && props.hasRows ? t('librarySelectNone') : t('librarySelectAll')}
      </button>
      {!props.isFullText && <p class="muted search-partial">{t('librarySearchPartial')}</p>}
    </div>
  );
}
