// The library: one row per clip (title, site, and the date it is sorted by, named), each a button that opens it,
// with a checkbox to select it. The rows are one Tab stop: arrows move, Enter opens, Space selects.
import { useEffect, useRef } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import type { LibrarySort } from '../utils/pure/page-api';
import type { ClipSummary } from '../utils/pure/types';
import { isJekyllDate } from '../utils/pure/jekyll-date';
import { useI18n } from './i18n-context';
import { useRovingFocus } from './use-roving-focus';
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
  /** The date the rows show and are ordered by. */
  sort?: LibrarySort;
}

/** `3 Dec` (this year) or `3 Dec 2023`, in the UI's locale; a published date keeps its own calendar day. */
export function formatRowDay(date: Date, locale: string, now: Date = new Date()): string {
  const sameYear = date.getUTCFullYear() === now.getUTCFullYear();
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  };
  // An unknown locale (a missing translation shows its key) falls back to the runtime's own.
  const known = Intl.DateTimeFormat.supportedLocalesOf(locale.includes('-') ? [locale] : []);
  return new Intl.DateTimeFormat(known[0], options).format(date);
}

/** The day a row shows: its clipped day in the user's zone, or its published calendar day. Null: no date. */
export function rowDate(item: ClipSummary, sort: LibrarySort): Date | null {
  if (sort === 'clipped') {
    const local = new Date(item.clippedAt);
    return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
  }
  const day = toDisplayDay(item.published);
  return day && isJekyllDate(day) ? new Date(`${day}T00:00:00Z`) : null;
}

/** The day part of an ISO date, which is what a reader scans for; anything else is shown as given. */
export function toDisplayDay(published: string | null): string | null {
  if (published === null) return null;
  const day = published.slice(0, 10);
  return isJekyllDate(day) ? day : published;
}

function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function LibraryList(props: LibraryListProps) {
  const { t } = useI18n();
  const { items, selected, badges, currentId, hasMore, isLoading, onLoadMore, sort = 'clipped' } = props;
  const locale = t('libraryDateLocale');
  const roving = useRovingFocus({
    count: items.length,
    onOpen: (index) => {
      const item = items[index];
      if (item) props.onOpen(item.id);
    },
  });
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
        {items.map((item, index) => {
          const badge = badges[item.id];
          const date = rowDate(item, sort);
          const day = date ? formatRowDay(date, locale) : null;
          const isCurrent = item.id === currentId;
          const rowProps = roving.getItemProps(index);
          const onKeyDown = (event: TargetedKeyboardEvent<HTMLElement>) => {
            // Space selects the row (its checkbox is not a Tab stop of its own); Enter opens it.
            if (event.key === ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) {
              event.preventDefault();
              props.onToggle(item.id, !selected.has(item.id));
              return;
            }
            rowProps.onKeyDown(event);
          };
          return (
            <li key={item.id} data-row-id={item.id} class={isCurrent ? 'row is-current' : 'row'}>
              <input
                type="checkbox"
                class="row-check"
                tabIndex={-1}
                aria-label={item.title}
                checked={selected.has(item.id)}
                onChange={(e) => props.onToggle(item.id, e.currentTarget.checked)}
              />
              <button
                type="button"
                class="row-open"
                {...rowProps}
                onKeyDown={onKeyDown}
                aria-current={isCurrent ? 'page' : undefined}
                onClick={() => props.onOpen(item.id)}
              >
                <span class="row-title" data-testid="clip-row-title">
                  {item.title}
                </span>
                <span class="row-meta">
                  <span class="row-site">{item.siteName}</span>
                  <span aria-hidden="true"> · </span>
                  <time
                    class="row-date"
                    dateTime={sort === 'published' ? (item.published ?? undefined) : toIso(item.clippedAt)}
                  >
                    {day === null
                      ? t('noDate')
                      : sort === 'clipped'
                        ? t('libraryRowClipped', [day])
                        : t('libraryRowPublished', [day])}
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
