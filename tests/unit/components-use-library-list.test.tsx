// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLibraryList } from '../../components/use-library-list';
import type { SummaryPage } from '../../utils/pure/page-api';
import type { Result } from '../../utils/pure/result';
import { ok } from '../../utils/pure/result';
import type { ClipSummary } from '../../utils/pure/types';

afterEach(cleanup);

function row(id: string): ClipSummary {
  return {
    id,
    url: `https://a.example/${id}`,
    title: id,
    siteName: 'A',
    published: null,
    tags: [],
    clippedAt: 1,
  };
}

/** Answers a pending list request and lets the hook take the answer in. */
async function answerWith(answer: ((page: Result<SummaryPage>) => void) | undefined, items: ClipSummary[]) {
  await act(async () => {
    answer?.(ok({ items, next: null }));
    await Promise.resolve();
  });
}

describe('useLibraryList', () => {
  it('shows only the answer to the newest filter, however late an older one arrives', async () => {
    const answers: Record<string, (page: Result<SummaryPage>) => void> = {};
    const listSummaries = vi.fn(
      ({ query = '' }: { query?: string }) =>
        new Promise<Result<SummaryPage>>((resolve) => (answers[query] = resolve)),
    );
    const { result } = renderHook(() =>
      useLibraryList({ listSummaries, getSummary: (id) => Promise.resolve(ok(row(id))) }, 10, vi.fn()),
    );
    await act(() => result.current.filter('old'));
    await act(() => result.current.filter('new'));
    await answerWith(answers.new, [row('fresh')]);
    await answerWith(answers.old, [row('stale')]);
    expect(result.current.rows.map((r) => r.id)).toEqual(['fresh']);
  });

  it('keeps pinned and clipped rows above the pages, once each, and removes deleted rows everywhere', async () => {
    const listSummaries = vi.fn(() => Promise.resolve(ok({ items: [row('a'), row('b')], next: 5 })));
    const { result } = renderHook(() =>
      useLibraryList({ listSummaries, getSummary: (id) => Promise.resolve(ok(row(id))) }, 2, vi.fn()),
    );
    await act(() => result.current.reload());
    await act(() => result.current.pin('b'));
    await act(() => result.current.addClipped(row('c'), false));
    expect(result.current.rows.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(result.current.badges).toEqual({ c: 'saved' });
    expect(result.current.hasMore).toBe(true);
    await act(() => result.current.toggle('b', true));
    await act(() => result.current.removeRows(['b']));
    await waitFor(() => expect(result.current.rows.map((r) => r.id)).toEqual(['c', 'a']));
    expect([...result.current.selected]).toEqual([]);
  });
});
