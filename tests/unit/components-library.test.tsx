// @vitest-environment jsdom
// The library in the popup as a keyboard and mouse user meets it: focus on open, one Tab stop for the rows, the
// order and the date each row names, Select all over what the filter shows, Export selected, the search note.
import { fireEvent, screen } from '@testing-library/preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n-context';
import { formatRowDay, LibraryList } from '../../components/library-list';
import { PopupApp } from '../../components/popup-app';
import type { PopupServices, SummaryPage } from '../../utils/pure/page-api';
import { ok } from '../../utils/pure/result';
import type { ClipSummary } from '../../utils/pure/types';
import { englishI18n } from './library-test-i18n';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const THIS_YEAR = new Date().getFullYear();

function summary(n: number): ClipSummary {
  return {
    id: `id${n}`,
    url: `https://news.example/${n}`,
    title: `Story ${n}`,
    siteName: 'Courier',
    published: `2024-03-${String((n % 28) + 1).padStart(2, '0')}T08:00:00Z`,
    tags: [],
    // Noon on 3 December of this year, minus n minutes: every row names the same clipped day.
    clippedAt: new Date(THIS_YEAR, 11, 3, 12, 0).getTime() - n * 60_000,
  };
}

type ListOpts = Parameters<PopupServices['listSummaries']>[0];

function fakeServices(rows: ClipSummary[], page: Partial<SummaryPage> = {}) {
  return {
    probe: vi.fn(() =>
      Promise.resolve(
        ok({ tabId: 1, url: 'https://x.example/', title: 'X', isReaderable: true, savedClipId: null }),
      ),
    ),
    clip: vi.fn(() => Promise.resolve(ok({ clip: summary(99), isUpdate: false }))),
    isClipOnOpen: vi.fn(() => Promise.resolve(false)),
    listSummaries: vi.fn((opts: ListOpts) => {
      const matching = rows.filter((r) => !opts.query || r.title.includes(opts.query));
      const sorted =
        opts.sort === 'published'
          ? [...matching].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
          : matching;
      return Promise.resolve(ok({ items: sorted.slice(0, opts.limit), next: null, ...page }));
    }),
    getSummary: vi.fn(() => Promise.resolve(ok(summary(1)))),
    openClip: vi.fn(() => Promise.resolve({ ok: false as const, code: 'not-found' as const })),
    updateEdits: vi.fn(() => Promise.resolve({ ok: false as const, code: 'unknown' as const })),
    deleteClips: vi.fn(() => Promise.resolve(ok([]))),
    putClips: vi.fn(() => Promise.resolve(ok(undefined))),
    download: vi.fn(() => Promise.resolve(ok(undefined))),
    exportZip: vi.fn(() => Promise.resolve(ok(2))),
    copy: vi.fn(() => Promise.resolve(ok(undefined))),
    openOptions: vi.fn(),
  } satisfies PopupServices;
}

async function flush() {
  await act(async () => {
    for (let i = 0; i < 6; i++) await Promise.resolve();
  });
}

async function mountPopup(services: PopupServices) {
  await act(async () => {
    render(
      <I18nContext.Provider value={englishI18n}>
        <PopupApp services={services} />
      </I18nContext.Provider>,
      container,
    );
    await Promise.resolve();
  });
  await flush();
}

/** The elements Tab visits, in order: what the browser's sequential navigation would reach. */
function tabStops(): HTMLElement[] {
  const candidates = container.querySelectorAll<HTMLElement>(
    'button, input, select, textarea, a[href], [tabindex]',
  );
  return [...candidates].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[hidden]'),
  );
}

/** How many Tab presses take the focus from where it is to the element. */
function tabsTo(target: HTMLElement): number {
  const stops = tabStops();
  const from = document.activeElement instanceof HTMLElement ? stops.indexOf(document.activeElement) : -1;
  return stops.indexOf(target) - from;
}

describe('the popup library, by keyboard', () => {
  it('starts on the primary action and reaches Export all in a few Tabs past 30 rows (was 31)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => summary(i + 1));
    await mountPopup(fakeServices(rows, { next: 1 }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clip this page' }));
    expect(screen.getAllByTestId('clip-row-title')).toHaveLength(30);
    const tabs = tabsTo(screen.getByRole('button', { name: 'Export all' }));
    // Filter, sort, Select all, the rows (one stop), Load more, Export all.
    expect(tabs).toBe(6);
    const rowStops = tabStops().filter((el) => el.classList.contains('row-open'));
    expect(rowStops).toHaveLength(1);
  });

  it('moves between rows with the arrows, opens with Enter and selects with Space', () => {
    const onOpen = vi.fn();
    const onToggle = vi.fn();
    void act(() =>
      render(
        <I18nContext.Provider value={englishI18n}>
          <LibraryList
            items={[summary(1), summary(2), summary(3)]}
            selected={new Set()}
            badges={{}}
            currentId={null}
            hasMore={false}
            isLoading={false}
            emptyText="none"
            onOpen={onOpen}
            onToggle={onToggle}
            onLoadMore={vi.fn()}
          />
        </I18nContext.Provider>,
        container,
      ),
    );
    const opens = [...container.querySelectorAll<HTMLButtonElement>('.row-open')];
    expect(opens.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    opens[0]?.focus();
    void act(() => void fireEvent.keyDown(opens[0] as HTMLElement, { key: 'ArrowDown' }));
    expect(document.activeElement).toBe(opens[1]);
    expect(opens.map((b) => b.tabIndex)).toEqual([-1, 0, -1]);
    void act(() => void fireEvent.keyDown(opens[1] as HTMLElement, { key: 'Enter' }));
    expect(onOpen).toHaveBeenCalledWith('id2');
    void act(() => void fireEvent.keyDown(opens[1] as HTMLElement, { key: ' ' }));
    expect(onToggle).toHaveBeenCalledWith('id2', true);
    expect(container.querySelectorAll<HTMLInputElement>('.row-check')[0]?.tabIndex).toBe(-1);
  });
});

describe('the popup library, sorted and selected', () => {
  it('names the date each row shows, and sorts by published date on request', async () => {
    const services = fakeServices([summary(1), summary(5), summary(3)]);
    await mountPopup(services);
    const firstDate = () => container.querySelector('li .row-date')?.textContent;
    expect(firstDate()).toBe('Clipped 3 Dec');
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    await act(async () => {
      fireEvent.change(sort, { target: { value: 'published' } });
      await Promise.resolve();
    });
    await flush();
    expect(services.listSummaries).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'published' }));
    expect(screen.getAllByTestId('clip-row-title').map((e) => e.textContent)).toEqual([
      'Story 5',
      'Story 3',
      'Story 1',
    ]);
    expect(firstDate()).toBe('Published 6 Mar 2024');
  });

  it('selects what the filter shows with Select all, and exports exactly that', async () => {
    const services = fakeServices([summary(1), summary(12), summary(13), summary(2)]);
    await mountPopup(services);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter clips' }), { target: { value: '1' } });
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    await flush();
    expect(screen.getAllByTestId('clip-row-title')).toHaveLength(3);
    await act(async () => {
      screen.getByRole('button', { name: 'Select all' }).click();
      await Promise.resolve();
    });
    expect(screen.getByRole('button', { name: 'Select none' })).toBeTruthy();
    await act(async () => {
      screen.getByRole('button', { name: 'Export selected' }).click();
      await Promise.resolve();
    });
    await flush();
    expect(services.exportZip).toHaveBeenCalledWith(['id1', 'id12', 'id13'], expect.any(Function));
  });

  it('says when a search matches titles, sites and tags only', async () => {
    await mountPopup(fakeServices([summary(1)], { isFullText: false }));
    expect(container.textContent).not.toContain('full-text index loads');
    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter clips' }), { target: { value: 'Story' } });
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    await flush();
    expect(container.textContent).toContain(
      'Searching titles, sites and tags only while the full-text index loads',
    );
  });
});

describe('formatRowDay', () => {
  it('gives the day and month, and the year only for another year', () => {
    const now = new Date(Date.UTC(2026, 5, 1));
    expect(formatRowDay(new Date(Date.UTC(2026, 11, 3)), 'en-GB', now)).toBe('3 Dec');
    expect(formatRowDay(new Date(Date.UTC(2024, 2, 18)), 'en-GB', now)).toBe('18 Mar 2024');
    expect(formatRowDay(new Date(Date.UTC(2026, 11, 3)), 'zh-CN', now)).toBe('12月3日');
  });
});

describe('words a new user tripped over', () => {
  it('names Copy and Duplicate differently in Chinese (复制 / 创建副本)', async () => {
    const { readFileSync } = await import('node:fs');
    const zh = JSON.parse(readFileSync('public/_locales/zh_CN/messages.json', 'utf8')) as Record<
      string,
      { message: string }
    >;
    expect(zh.copy?.message).toBe('复制');
    expect(zh.templateDuplicate?.message).toBe('创建副本');
  });
});
