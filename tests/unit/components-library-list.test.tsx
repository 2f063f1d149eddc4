// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryListProps } from '../../components/library-list';
import { LibraryList, toDisplayDay } from '../../components/library-list';
import type { ClipSummary } from '../../utils/pure/types';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function summary(id: string, title: string, published: string | null): ClipSummary {
  return {
    id,
    url: `https://news.example/${id}`,
    title,
    siteName: 'The Coastal Courier',
    published,
    tags: [],
    clippedAt: 1,
  };
}

const ROWS = [
  summary('a', 'Harbour city opens its first tidal power station', '2024-03-18T07:45:00+00:00'),
  summary('b', '城市书房延长开放时间', '2024-05-06T20:15:30+08:00'),
  summary('c', 'Undated note', null),
];

function mount(overrides: Partial<LibraryListProps> = {}) {
  const props: LibraryListProps = {
    items: ROWS,
    selected: new Set(),
    badges: {},
    currentId: null,
    hasMore: false,
    isLoading: false,
    emptyText: 'Nothing here',
    onOpen: vi.fn(),
    onToggle: vi.fn(),
    onLoadMore: vi.fn(),
    ...overrides,
  };
  void act(() => render(<LibraryList {...props} />, container));
  return props;
}

const titles = () =>
  [...container.querySelectorAll('[data-testid="clip-row-title"]')].map((e) => e.textContent);

describe('LibraryList', () => {
  it('renders one row per clip, in order, with title, site and published day', () => {
    mount();
    expect(titles()).toEqual(ROWS.map((r) => r.title));
    const first = container.querySelectorAll('li')[0];
    expect(first?.textContent).toContain('The Coastal Courier');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(1).toISOString());
    mount({ sort: 'published' });
    expect(container.querySelectorAll('li')[0]?.querySelector('time')?.getAttribute('datetime')).toBe(
      '2024-03-18T07:45:00+00:00',
    );
    expect(container.querySelectorAll('li')[2]?.textContent).toContain('noDate');
  });

  it('opens a clip when its row is clicked', () => {
    const props = mount();
    const title = [...container.querySelectorAll<HTMLElement>('[data-testid="clip-row-title"]')][1];
    void act(() => title?.click());
    expect(props.onOpen).toHaveBeenCalledWith('b');
  });

  it('reports selection through checkboxes labelled with the clip title', () => {
    const props = mount({ selected: new Set(['a']) });
    const boxes = [...container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual(ROWS.map((r) => r.title));
    expect(boxes.map((b) => b.checked)).toEqual([true, false, false]);
    void act(() => boxes[2]?.click());
    expect(props.onToggle).toHaveBeenCalledWith('c', true);
    void act(() => boxes[0]?.click());
    expect(props.onToggle).toHaveBeenCalledWith('a', false);
  });

  it('shows badges and highlights the current page', () => {
    mount({ badges: { a: 'updated', b: 'saved' }, currentId: 'b' });
    const rows = container.querySelectorAll('li');
    expect(rows[0]?.querySelector('.badge-updated')?.textContent).toBe('badgeUpdated');
    expect(rows[1]?.querySelector('.badge-saved')?.textContent).toBe('badgeSaved');
    expect(rows[1]?.querySelector('button')?.getAttribute('aria-current')).toBe('page');
    expect(rows[0]?.querySelector('button')?.hasAttribute('aria-current')).toBe(false);
  });

  it('offers Load more only while there is more', () => {
    const props = mount({ hasMore: true });
    const more = [...container.querySelectorAll('button')].find((b) => b.textContent === 'loadMore');
    void act(() => more?.click());
    expect(props.onLoadMore).toHaveBeenCalledTimes(1);
    mount({ hasMore: false });
    expect([...container.querySelectorAll('button')].some((b) => b.textContent === 'loadMore')).toBe(false);
  });

  it('shows the empty text when there are no rows', () => {
    mount({ items: [] });
    expect(container.textContent).toBe('Nothing here');
  });
});

describe('toDisplayDay', () => {
  it('keeps the day of an ISO date and anything else as given', () => {
    expect(toDisplayDay('2024-03-18T07:45:00+00:00')).toBe('2024-03-18');
    expect(toDisplayDay('2024-03-18')).toBe('2024-03-18');
    expect(toDisplayDay('March 2024')).toBe('March 2024');
    expect(toDisplayDay(null)).toBeNull();
  });
});
