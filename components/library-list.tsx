// The library: one row per clip (title, site, published day), each a button that opens it, with a checkbox to select it.
import { useEffect, useRef } from 'preact/hooks';
import type { ClipSummary } from '../utils/pure/types';
import { isJekyllDate } from '../utils/pure/jekyll-date';
import { useI18n } from './i18n-context';
import { PublishMarker } from './publish-marker';

export type RowBadge = 'saved' | 'updated';

export interface LibraryListProps {
  items: ClipSummary[];
  selected: ReadonlySet<string>;
  badges: Readonly<Record<string, RowBadge>>;
  /** The clip of the page in the active tab, highlighted. */
  currentId: string | null;
  hasMore: boolean;
  isLoading: boolean;
  emptyText: string;
  onOpen: (id: string) => void;
  onToggle: (id: string, isSelected: boolean) => void;
  onLoadMore: () => void;
}

/** The day part of an ISO date, which is what a reader scans for; anything else is shown as given. */
export function toDisplayDay(published: string | null): string | null {
  if (published === null) return null;
  const day = published.slice(0, 10);
  return isJekyllDate(day) ? day : published;
}

export function LibraryList(props: LibraryListProps) {
  const { t } = useI18n();
  const { items, selected, badges, currentId, hasMore, isLoading, onLoadMore } = props;
  const list = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLLIElement>(null);
  const loadMore = useRef(onLoadMore);
  loadMore.current = onLoadMore;

  // Infinite scroll where the browser has IntersectionObserver; the button stays for keyboards and tests.
  // The sentinel lives inside the scrolling list and is observed against it: observed against the page, it was
  // always "visible" and the popup fetched the whole library, page after page (bench:library, 10,000 clips).
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || isLoading || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) loadMore.current();
      },
      { root: list.current, rootMargin: '120px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, isLoading, items.length]);

  if (items.length === 0 && !isLoading) return <p class="empty">{props.emptyText}</p>;

  return (
    <div class="library">
      <ul class="rows" ref={list} aria-label={t('libraryLabel')}>
        {items.map((item) => {
          const badge = badges[item.id];
          const day = toDisplayDay(item.published);
          const isCurrent = item.id === currentId;
          return (
            <li key={item.id} data-row-id={item.id} class={isCurrent ? 'row is-current' : 'row'}>
              <input
                type="checkbox"
                class="row-check"
                aria-label={item.title}
                checked={selected.has(item.id)}
                onChange={(e) => props.onToggle(item.id, e.currentTarget.checked)}
              />
              <button
                type="button"
                class="row-open"
                aria-current={isCurrent ? 'page' : undefined}
                onClick={() => props.onOpen(item.id)}
              >
                <span class="row-title" data-testid="clip-row-title">
                  {item.title}
                </span>
                <span class="row-meta">
                  <span class="row-site">{item.siteName}</span>
                  <span aria-hidden="true"> · </span>
                  <time class="row-date" dateTime={item.published ?? undefined}>
                    {day ?? t('noDate')}
                  </time>
                  {isCurrent && <span class="badge badge-current">{t('badgeThisPage')}</span>}
                  <PublishMarker state={item.publishState} />
                  {badge && (
                    <span class={`badge badge-${badge}`}>
                      {badge === 'saved' ? t('badgeSaved') : t('badgeUpdated')}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
        {hasMore && !isLoading && (
          <li ref={sentinel} class="load-more">
            <button type="button" class="secondary" onClick={onLoadMore}>
              {t('loadMore')}
            </button>
          </li>
        )}
      </ul>
      {isLoading && <p class="muted">{t('loading')}</p>}
    </div>
  );
}
