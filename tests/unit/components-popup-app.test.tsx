// @vitest-environment jsdom
import { screen } from '@testing-library/preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../components/popup-app';
import type { OpenedClip, PopupServices } from '../../utils/pure/page-api';
import type {
  ClipOutcome as ClipResult,
  TabProbe as PageProbe,
  ToolbarAttach,
} from '../../utils/pure/protocol';
import type { Result } from '../../utils/pure/result';
import { fail, ok } from '../../utils/pure/result';
import type { ClipSummary, StoredClip } from '../../utils/pure/types';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

function summary(n: number): ClipSummary {
  return {
    id: `id${n}`,
    url: `https://news.example/${n}`,
    title: `Story ${n}`,
    siteName: 'Courier',
    published: `2024-03-${String(n % 28 || 1).padStart(2, '0')}T08:00:00Z`,
    tags: [],
    clippedAt: 1000 - n,
  };
}

function stored(row: ClipSummary): StoredClip {
  return {
    id: row.id,
    url: row.url,
    draft: {
      url: row.url,
      canonical: null,
      title: row.title,
      byline: null,
      siteName: row.siteName,
      lang: 'en',
      dir: 'ltr',
      excerpt: null,
      image: null,
      keywords: [],
      published: null,
      modified: null,
      contentHtml: '<p>x</p>',
      textContent: 'x',
      kind: 'article',
    },
    markdown: 'x',
    edits: {},
    clippedAt: row.clippedAt,
    updatedAt: row.clippedAt,
  };
}

/** What every clip after a successful probe must name: the probed tab and the URL it showed. */
const PROBED_TARGET = { tabId: 7, expectedUrl: 'https://news.example/new' };

const PROBE: PageProbe = {
  tabId: 7,
  url: 'https://news.example/new',
  title: 'New',
  isReaderable: true,
  savedClipId: null,
};

/** An in-memory library behind the services interface; every method is a spy. */
function fakeServices(rows: ClipSummary[], overrides: Partial<PopupServices> = {}) {
  let library = [...rows];
  const services = {
    probe: vi.fn(() => Promise.resolve(ok(PROBE))),
    clip: vi.fn(() => Promise.resolve(ok({ clip: summary(99), isUpdate: false }))),
    isClipOnOpen: vi.fn(() => Promise.resolve(true)),
    listSummaries: vi.fn((opts: { after?: number | null; limit: number; query?: string }) => {
      const matching = library.filter(
        (r) => !opts.query || r.title.toLowerCase().includes(opts.query.toLowerCase()),
      );
      const start = opts.after == null ? 0 : matching.findIndex((r) => r.clippedAt < (opts.after ?? 0));
      const items = start < 0 ? [] : matching.slice(start, start + opts.limit);
      const last = items[items.length - 1];
      const next = last && matching.indexOf(last) < matching.length - 1 ? last.clippedAt : null;
      return Promise.resolve(ok({ items, next }));
    }),
    getSummary: vi.fn((id: string) => {
      const row = library.find((r) => r.id === id);
      return Promise.resolve(row ? ok(row) : fail<ClipSummary>('not-found'));
    }),
    openClip: vi.fn((id: string): Promise<Result<OpenedClip>> => {
      const row = library.find((r) => r.id === id);
      if (!row) return Promise.resolve(fail('not-found'));
      const opened: OpenedClip = {
        clip: stored(row),
        post: { filename: `${id}.md`, content: `---\ntitle: ${row.title}\n---\n` },
        fields: { title: row.title, date: '', categories: [], tags: [] },
      };
      return Promise.resolve(ok(opened));
    }),
    updateEdits: vi.fn(() => Promise.resolve(fail<OpenedClip>('unknown'))),
    deleteClips: vi.fn((ids: string[]) => {
      const gone = library.filter((r) => ids.includes(r.id));
      library = library.filter((r) => !ids.includes(r.id));
      return Promise.resolve(ok(gone.map(stored)));
    }),
    putClips: vi.fn((clips: StoredClip[]) => {
      library = [...library, ...rows.filter((r) => clips.some((c) => c.id === r.id))].sort(
        (a, b) => b.clippedAt - a.clippedAt,
      );
      return Promise.resolve(ok(undefined));
    }),
    download: vi.fn(() => Promise.resolve(ok(undefined))),
    exportZip: vi.fn(() => Promise.resolve(ok(3))),
    copy: vi.fn(() => Promise.resolve(ok(undefined))),
    openOptions: vi.fn(),
    ...overrides,
  };
  return services;
}

async function flush() {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}

async function mount(services: PopupServices, props: { clipTimeoutMs?: number; undoMs?: number } = {}) {
  await act(async () => {
    render(<PopupApp services={services} {...props} />, container);
    await Promise.resolve();
  });
  await flush();
}

// Without an I18n provider every label is its message key: buttons are found by role and that name.
const titles = () => screen.queryAllByTestId('clip-row-title').map((e) => e.textContent);
const button = (name: string) => screen.queryByRole<HTMLButtonElement>('button', { name }) ?? undefined;
const alertText = () => screen.queryByRole('alert')?.textContent;
async function click(name: string) {
  const b = screen.getByRole('button', { name });
  await act(async () => {
    b.click();
    await Promise.resolve();
  });
  await flush();
}

describe('PopupApp', () => {
  it('clips a readerable page on open and shows the new row on top as Saved', async () => {
    const services = fakeServices([summary(1), summary(2)]);
    await mount(services);
    expect(services.clip).toHaveBeenCalledWith('article', PROBED_TARGET);
    expect(titles()).toEqual(['Story 99', 'Story 1', 'Story 2']);
    expect(container.querySelector('li')?.textContent).toContain('badgeSaved');
  });

  it('keeps showing a clip in progress while the user opens a row, and does not allow a second clip', async () => {
    let finishClip: (value: Result<ClipResult>) => void = () => undefined;
    const services = fakeServices([summary(1)], {
      clip: vi.fn(
        () =>
          new Promise<Result<ClipResult>>((resolve) => {
            finishClip = resolve;
          }),
      ),
    });
    await mount(services);
    expect(container.textContent).toContain('clipping');
    const row = container.querySelector<HTMLButtonElement>('.row-open');
    await act(async () => {
      row?.click();
      await Promise.resolve();
    });
    await flush();
    // Opening the row has finished; the clip has not.
    expect(container.textContent).toContain('clipping');
    expect(button('clipThisPage')?.disabled).toBe(true);
    await act(async () => {
      finishClip(ok({ clip: summary(99), isUpdate: false }));
      await Promise.resolve();
    });
    await flush();
    expect(container.textContent).not.toContain('clipping');
    expect(services.clip).toHaveBeenCalledTimes(1);
  });

  it('does not clip a page already saved: it highlights that row and shows Updated after a re-clip', async () => {
    const services = fakeServices([summary(1), summary(2)], {
      probe: vi.fn(() => Promise.resolve(ok({ ...PROBE, savedClipId: 'id2' }))),
      clip: vi.fn(() => Promise.resolve(ok({ clip: summary(2), isUpdate: true }))),
    });
    await mount(services);
    expect(services.clip).not.toHaveBeenCalled();
    expect(container.querySelector('[aria-current=page]')?.textContent).toContain('Story 2');
    expect(container.textContent).toContain('alreadySaved');
    await click('clipThisPage');
    expect(services.clip).toHaveBeenCalledWith('article', PROBED_TARGET);
    expect(titles()).toEqual(['Story 2', 'Story 1']);
    expect(container.querySelector('li')?.textContent).toContain('badgeUpdated');
  });

  it('attaches to the clip a toolbar click started: no probe, no second clip, the outcome shown as Saved', async () => {
    let finish: (value: Result<ClipResult>) => void = () => undefined;
    const services = fakeServices([summary(1)], {
      attachToolbarClip: vi.fn(() => Promise.resolve({ tabId: 7, probe: ok(PROBE), isClipping: true })),
      toolbarOutcome: vi.fn(
        () =>
          new Promise<Result<ClipResult>>((resolve) => {
            finish = resolve;
          }),
      ),
    });
    await mount(services);
    expect(container.querySelector('[data-phase]')?.getAttribute('data-phase')).toBe('clipping');
    await act(async () => {
      finish(ok({ clip: summary(99), isUpdate: false }));
      await Promise.resolve();
    });
    await flush();
    expect(services.toolbarOutcome).toHaveBeenCalledWith(7);
    expect(services.probe).not.toHaveBeenCalled();
    expect(services.clip).not.toHaveBeenCalled();
    expect(titles()).toEqual(['Story 99', 'Story 1']);
    expect(container.querySelector('li')?.textContent).toContain('badgeSaved');
  });

  it('says "Looking at the page" until the toolbar click is known to clip, then "Clipping"; a clip timeout is the clip’s', async () => {
    let attach: (value: ToolbarAttach) => void = () => undefined;
    let finish: (value: Result<ClipResult>) => void = () => undefined;
    const services = fakeServices([], {
      attachToolbarClip: vi.fn(
        () =>
          new Promise<ToolbarAttach>((resolve) => {
            attach = resolve;
          }),
      ),
      toolbarOutcome: vi.fn(
        () =>
          new Promise<Result<ClipResult>>((resolve) => {
            finish = resolve;
          }),
      ),
    });
    const phase = () => container.querySelector('.busy[data-phase]')?.textContent;
    await mount(services);
    expect(phase()).toBe('editorLooking');
    await act(async () => {
      attach({ tabId: 7, probe: ok(PROBE), isClipping: true });
      await Promise.resolve();
    });
    await flush();
    expect(phase()).toBe('clipping');
    expect(button('clipThisPage')?.disabled).toBe(true);
    await act(async () => {
      finish(fail('timeout', 'toolbar-clip-timeout'));
      await Promise.resolve();
    });
    await flush();
    expect(phase()).toBeUndefined();
    expect(alertText()).toBe('timeout (toolbar-clip-timeout)');
    // What the message offers: Clip this page again, on the tab the click probed.
    await click('clipThisPage');
    expect(services.clip).toHaveBeenCalledWith('article', PROBED_TARGET);
  });

  it('shows a toolbar clip that failed as an alert, and a re-clip names the probed tab', async () => {
    const services = fakeServices([], {
      attachToolbarClip: vi.fn(() => Promise.resolve({ tabId: 7, probe: ok(PROBE), isClipping: true })),
      toolbarOutcome: vi.fn(() => Promise.resolve(fail<ClipResult>('not-an-article'))),
    });
    await mount(services);
    expect(alertText()).toBe('not-an-article');
    await click('clipThisPage');
    expect(services.clip).toHaveBeenCalledWith('article', PROBED_TARGET);
  });

  it('with a probe from the toolbar and no clip ("open first"), clips on open as it always did', async () => {
    const services = fakeServices([], {
      attachToolbarClip: vi.fn(() => Promise.resolve({ tabId: 7, probe: ok(PROBE), isClipping: false })),
      toolbarOutcome: vi.fn(() => Promise.resolve(fail<ClipResult>('unknown'))),
    });
    await mount(services);
    expect(services.probe).not.toHaveBeenCalled();
    expect(services.toolbarOutcome).not.toHaveBeenCalled();
    expect(services.clip).toHaveBeenCalledWith('article', PROBED_TARGET);
  });

  it('shows the restricted page a toolbar click found, and keeps the library usable', async () => {
    const services = fakeServices([summary(1)], {
      attachToolbarClip: vi.fn(() =>
        Promise.resolve({ tabId: 7, probe: fail<PageProbe>('restricted-page'), isClipping: false }),
      ),
    });
    await mount(services);
    expect(alertText()).toBe('restricted-page');
    expect(services.clip).not.toHaveBeenCalled();
    expect(titles()).toEqual(['Story 1']);
  });

  it('offers Save whole page on a page that is not an article', async () => {
    const services = fakeServices([], {
      probe: vi.fn(() => Promise.resolve(ok({ ...PROBE, isReaderable: false }))),
    });
    await mount(services);
    expect(services.clip).not.toHaveBeenCalled();
    await click('savePage');
    expect(services.clip).toHaveBeenCalledWith('page', PROBED_TARGET);
  });

  it('names the tab the probe returned, whichever it is', async () => {
    const services = fakeServices([], {
      probe: vi.fn(() => Promise.resolve(ok({ ...PROBE, tabId: 42, url: 'https://news.example/b#top' }))),
    });
    await mount(services);
    expect(vi.mocked(services.clip).mock.calls).toEqual([
      ['article', { tabId: 42, expectedUrl: 'https://news.example/b#top' }],
    ]);
  });

  it('without a probed tab, asks for the active tab (no target)', async () => {
    const services = fakeServices([], {
      probe: vi.fn(() => Promise.resolve(fail<PageProbe>('no-active-tab'))),
    });
    await mount(services);
    await click('clipThisPage');
    expect(vi.mocked(services.clip).mock.calls).toEqual([['article']]);
  });

  it('shows the refusal of a tab that moved on as an alert, with its detail', async () => {
    const detail =
      'The tab changed from https://news.example/new to https://x.example/ after Postclip opened';
    const services = fakeServices([summary(1)], {
      clip: vi.fn(() => Promise.resolve(fail<ClipResult>('injection-failed', detail))),
    });
    await mount(services);
    expect(services.clip).toHaveBeenCalledWith('article', PROBED_TARGET);
    expect(alertText()).toBe(`injection-failed (${detail})`);
    expect(titles()).toEqual(['Story 1']);
  });

  it('shows a restricted page as an alert and keeps the library usable', async () => {
    const services = fakeServices([summary(1)], {
      probe: vi.fn(() => Promise.resolve(fail<PageProbe>('restricted-page'))),
    });
    await mount(services);
    expect(alertText()).toBe('restricted-page');
    expect(titles()).toEqual(['Story 1']);
    expect(button('exportAll')?.disabled).toBe(false);
  });

  it('ends the busy state when the clip never answers', async () => {
    vi.useFakeTimers();
    const services = fakeServices([], { clip: vi.fn(() => new Promise<never>(() => undefined)) });
    await mount(services, { clipTimeoutMs: 20_000 });
    expect(container.querySelector('[role=status]')?.textContent).toContain('clipping');
    expect(button('clipThisPage')?.disabled).toBe(true);
    await act(async () => {
      vi.advanceTimersByTime(20_000);
      await Promise.resolve();
    });
    await flush();
    expect(container.querySelector('[role=status]')?.textContent).not.toContain('clipping');
    expect(button('clipThisPage')?.disabled).toBe(false);
    expect(alertText()).toBe('timeout');
  });

  it('loads 30 rows first and more on demand', async () => {
    const rows = Array.from({ length: 45 }, (_, i) => summary(i + 1));
    const services = fakeServices(rows, {
      probe: vi.fn(() => Promise.resolve(fail<PageProbe>('no-active-tab'))),
    });
    await mount(services);
    expect(titles()).toHaveLength(30);
    expect(services.listSummaries).toHaveBeenCalledWith({ limit: 30 });
    await click('loadMore');
    expect(titles()).toEqual(rows.map((r) => r.title));
    expect(button('loadMore')).toBeUndefined();
  });

  it('filters through the services with the typed query', async () => {
    vi.useFakeTimers();
    const services = fakeServices([summary(1), summary(12)], {
      probe: vi.fn(() => Promise.resolve(fail<PageProbe>('no-active-tab'))),
    });
    await mount(services);
    const input = screen.getByRole<HTMLInputElement>('searchbox');
    await act(async () => {
      input.value = 'story 12';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      vi.advanceTimersByTime(150);
      await Promise.resolve();
    });
    await flush();
    expect(services.listSummaries).toHaveBeenLastCalledWith({ limit: 30, query: 'story 12' });
    expect(titles()).toEqual(['Story 12']);
  });

  it('opens a clip, deletes it, and Undo puts it back', async () => {
    const services = fakeServices([summary(1), summary(2)], {
      probe: vi.fn(() => Promise.resolve(fail<PageProbe>('no-active-tab'))),
    });
    await mount(services);
    const row = screen.getAllByTestId('clip-row-title')[0];
    await act(async () => {
      row?.click();
      await Promise.resolve();
    });
    await flush();
    expect(services.openClip).toHaveBeenCalledWith('id1');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'post' }).value).toContain('Story 1');
    await click('delete');
    expect(services.deleteClips).toHaveBeenCalledWith(['id1']);
    expect(container.querySelector('textarea')).toBeNull();
    expect(titles()).toEqual(['Story 2']);
    const status = container.querySelector('[role=status]');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.textContent).toContain('deletedOne');
    await click('undo');
    expect(services.putClips).toHaveBeenCalledTimes(1);
    expect(titles()).toEqual(['Story 1', 'Story 2']);
  });

  it('keeps keyboard focus in place: Undo after a delete, the restored row after Undo', async () => {
    const services = fakeServices([summary(1), summary(2)], {
      probe: vi.fn(() => Promise.resolve(fail<PageProbe>('no-active-tab'))),
    });
    await mount(services);
    const row = container.querySelector<HTMLElement>('.row-open');
    await act(async () => {
      row?.click();
      await Promise.resolve();
    });
    await flush();
    await click('delete');
    expect(document.activeElement?.textContent).toBe('undo');
    await click('undo');
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    });
    expect(document.activeElement?.closest('[data-row-id]')?.getAttribute('data-row-id')).toBe('id1');
  });

  it('exports the selected clips, or all of them', async () => {
    const services = fakeServices([summary(1), summary(2), summary(3)], {
      probe: vi.fn(() => Promise.resolve(fail<PageProbe>('no-active-tab'))),
    });
    await mount(services);
    expect(button('exportSelected')).toBeUndefined();
    const boxes = screen.getAllByRole<HTMLInputElement>('checkbox');
    await act(async () => {
      boxes[0]?.click();
      boxes[2]?.click();
      await Promise.resolve();
    });
    await click('exportSelected');
    expect(services.exportZip).toHaveBeenLastCalledWith(['id1', 'id3'], expect.any(Function));
    await click('exportAll');
    expect(services.exportZip).toHaveBeenLastCalledWith('all', expect.any(Function));
    expect(container.querySelector('[role=status]')?.textContent).toContain('exportDone');
  });
});
