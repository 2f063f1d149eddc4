// CLI batch path: manifests, .html.gz, worker pool order and failures, published dates in the user's zone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BatchLine } from '../../cli/batch';
import {
  MAX_PAGE_BYTES,
  PageTooLargeError,
  parseManifest,
  readPageBytes,
  toPublishedField,
} from '../../cli/batch';
import { runBatch } from '../../cli/pool';
import type { FoundDate } from '../../utils/pure/types';

const NOW = new Date('2024-05-01T00:00:00Z');

function articleHtml(title: string, head: string, paragraph: string): string {
  const body = Array.from({ length: 6 }, (_, i) => `<p>${paragraph} (${i + 1})</p>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${title}</h1>${body}</article><footer>Copyright The Example Times</footer></body></html>`;
}

const PARAGRAPH =
  'The harbour authority said on Thursday that the new ferry line would run every twenty minutes, ' +
  'linking the old town with the eastern islands, and that tickets would cost the same as a bus fare.';

function writeCorpus(): { dir: string; manifest: string } {
  const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-batch-'));
  writeFileSync(
    join(dir, 'ferry.html'),
    articleHtml(
      'Ferry line opens',
      '<meta property="article:published_time" content="2022-02-17T09:00:40">',
      PARAGRAPH,
    ),
  );
  const gz = articleHtml(
    'Harbour budget',
    '<meta property="article:published_time" content="2022-03-01">',
    PARAGRAPH,
  );
  writeFileSync(join(dir, 'budget.html.gz'), gzipSync(Buffer.from(gz, 'utf8')));
  const manifest = join(dir, 'manifest.jsonl');
  writeFileSync(
    manifest,
    [
      JSON.stringify({ file: 'ferry.html', url: 'https://news.example.com/2022/02/17/ferry.html' }),
      '',
      JSON.stringify({ file: 'missing.html', url: 'https://news.example.com/missing.html' }),
      JSON.stringify({ file: join(dir, 'budget.html.gz'), url: 'https://news.example.com/budget.html' }),
    ].join('\n'),
  );
  return { dir, manifest };
}

describe('parseManifest', () => {
  it('resolves relative files against the manifest folder and keeps the file as given', () => {
    const entries = parseManifest(
      '{"file":"a/b.html","url":"https://x.test/b"}\n\n{"file":"/abs/c.html"}\n',
      '/data/m.jsonl',
    );
    expect(entries).toEqual([
      { file: 'a/b.html', path: '/data/a/b.html', url: 'https://x.test/b' },
      { file: '/abs/c.html', path: '/abs/c.html', url: null },
    ]);
  });

  it('rejects a line that is not JSON or has no file, naming the line', () => {
    expect(() => parseManifest('{"file":"a.html"}\nnot json\n', 'm.jsonl')).toThrow('m.jsonl:2');
    expect(() => parseManifest('{"url":"https://x.test/"}', 'm.jsonl')).toThrow('no "file"');
  });
});

describe('toPublishedField', () => {
  const found = (parts: FoundDate['parts']): FoundDate => ({
    raw: 'raw',
    source: 'meta',
    detail: 'd',
    parts,
  });

  it('gives a local time with no offset the user zone', () => {
    const field = toPublishedField(
      found({ year: 2022, month: 2, day: 17, hour: 9, minute: 0, second: 40 }),
      'Asia/Shanghai',
    );
    expect(field).toEqual({ raw: 'raw', value: '2022-02-17T09:00:40+08:00', source: 'meta' });
  });

  it('keeps a stated offset and a day-only date as they are', () => {
    const parts = { year: 2022, month: 7, day: 1, hour: 23, minute: 5, second: 0, offsetMinutes: -240 };
    expect(toPublishedField(found(parts), 'Asia/Tokyo')?.value).toBe('2022-07-01T23:05:00-04:00');
    expect(toPublishedField(found({ year: 2022, month: 2, day: 17 }), 'Asia/Tokyo')?.value).toBe(
      '2022-02-17',
    );
    expect(toPublishedField(null, 'UTC')).toBeNull();
  });

  it('follows daylight saving time in the user zone', () => {
    const summer = toPublishedField(found({ year: 2022, month: 7, day: 1, hour: 12 }), 'Europe/Berlin');
    const winter = toPublishedField(found({ year: 2022, month: 1, day: 1, hour: 12 }), 'Europe/Berlin');
    expect([summer?.value, winter?.value]).toEqual([
      '2022-07-01T12:00:00+02:00',
      '2022-01-01T12:00:00+01:00',
    ]);
  });
});

describe('runBatch', () => {
  async function collect(manifest: string, workers: number): Promise<BatchLine[]> {
    const { readFileSync } = await import('node:fs');
    const entries = parseManifest(readFileSync(manifest, 'utf8'), manifest);
    const lines: BatchLine[] = [];
    await runBatch(entries, { timeZone: 'Asia/Tokyo', now: NOW, workers }, (line) => lines.push(line));
    return lines;
  }

  it('prints one line per page in input order, through two workers, and goes on past a missing file', async () => {
    const { manifest } = writeCorpus();
    const lines = await collect(manifest, 2);
    expect(lines.map((line) => [line.file, line.ok])).toEqual([
      ['ferry.html', true],
      ['missing.html', false],
      [expect.stringMatching(/budget\.html\.gz$/), true],
    ]);
    const [ferry, missing, budget] = lines;
    expect(missing).toMatchObject({
      ok: false,
      error: 'not-found',
      url: 'https://news.example.com/missing.html',
    });
    if (!ferry?.ok || !budget?.ok) throw new Error('expected two clipped pages');
    expect(ferry.title).toBe('Ferry line opens');
    expect(ferry.text).toContain('new ferry line');
    expect(ferry.published).toMatchObject({ raw: '2022-02-17T09:00:40', value: '2022-02-17T09:00:40+09:00' });
    expect(ferry.post.filename).toMatch(/^2022-02-17-.*\.md$/);
    expect(ferry.markdown).toContain('new ferry line');
    expect(budget.title).toBe('Harbour budget');
    expect(budget.published?.value).toBe('2022-03-01');
  });

  it('gives the same lines in this thread as in the workers', async () => {
    const { manifest } = writeCorpus();
    const [inThread, inWorkers] = await Promise.all([collect(manifest, 0), collect(manifest, 2)]);
    expect(inWorkers).toEqual(inThread);
  });

  it('fails a page that takes too long with `timeout` and goes on with a fresh worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-timeout-'));
    writeFileSync(join(dir, 'a.html'), articleHtml('A ferry', '', PARAGRAPH));
    const entries = ['a.html', 'a.html', 'a.html'].map((file) => ({
      file,
      path: join(dir, file),
      url: 'https://x.test/a',
    }));
    const lines: BatchLine[] = [];
    await runBatch(entries, { timeZone: 'UTC', now: NOW, workers: 1, pageTimeoutMs: 1 }, (line) =>
      lines.push(line),
    );
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => !line.ok && line.error === 'timeout')).toBe(true);
  });
});

describe('runBatch cancel and progress', () => {
  function entriesOf(count: number): { file: string; path: string; url: string }[] {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-cancel-'));
    writeFileSync(join(dir, 'a.html'), articleHtml('A ferry', '', PARAGRAPH));
    return Array.from({ length: count }, (_, i) => ({
      file: `a-${i}.html`,
      path: join(dir, 'a.html'),
      url: `https://x.test/a/${i}`,
    }));
  }

  for (const workers of [0, 2]) {
    it(`stops when the signal aborts, with ${workers} workers: no line after it, and says how many came`, async () => {
      const entries = entriesOf(12);
      const controller = new AbortController();
      const lines: BatchLine[] = [];
      const summary = await runBatch(
        entries,
        { timeZone: 'UTC', now: NOW, workers, signal: controller.signal },
        (line) => {
          lines.push(line);
          if (lines.length === 2) controller.abort();
        },
      );
      expect(summary).toEqual({ emitted: 2, total: 12, isCancelled: true });
      expect(lines.map((line) => line.file)).toEqual(['a-0.html', 'a-1.html']);
    });
  }

  it('reports progress once per finished page and ends with every page done', async () => {
    const entries = entriesOf(5);
    const progress: [number, number][] = [];
    const summary = await runBatch(
      entries,
      { timeZone: 'UTC', now: NOW, workers: 2, onProgress: (done, total) => progress.push([done, total]) },
      () => undefined,
    );
    expect(progress).toEqual([1, 2, 3, 4, 5].map((done) => [done, 5]));
    expect(summary).toEqual({ emitted: 5, total: 5, isCancelled: false });
  });

  it('starts nothing when the signal has already aborted', async () => {
    const lines: BatchLine[] = [];
    const summary = await runBatch(
      entriesOf(3),
      { timeZone: 'UTC', now: NOW, workers: 2, signal: AbortSignal.abort() },
      (line) => lines.push(line),
    );
    expect(lines).toEqual([]);
    expect(summary.isCancelled).toBe(true);
  });
});

describe('readPageBytes limits', () => {
  it('refuses a gzip bomb while inflating, and a huge plain file before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-limits-'));
    // 40 MB of one repeated line compresses to well under 100 kB.
    const bomb = join(dir, 'bomb.html.gz');
    writeFileSync(bomb, gzipSync(Buffer.alloc(MAX_PAGE_BYTES + 10 * 1024 * 1024, '<p>x</p>')));
    await expect(readPageBytes(bomb)).rejects.toBeInstanceOf(PageTooLargeError);
    const huge = join(dir, 'huge.html');
    writeFileSync(huge, Buffer.alloc(MAX_PAGE_BYTES + 1, ' '));
    await expect(readPageBytes(huge)).rejects.toMatchObject({ code: 'page-too-large' });
    const small = join(dir, 'small.html.gz');
    writeFileSync(small, gzipSync('<p>ok</p>'));
    expect(new TextDecoder().decode(await readPageBytes(small))).toBe('<p>ok</p>');
  });

  it('reports an oversized page as a page-too-large line and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-limits-'));
    writeFileSync(join(dir, 'bomb.html.gz'), gzipSync(Buffer.alloc(MAX_PAGE_BYTES + 1024, 'a')));
    const lines: BatchLine[] = [];
    await runBatch(
      [{ file: 'bomb.html.gz', path: join(dir, 'bomb.html.gz'), url: 'https://example.com/a' }],
      { workers: 0, timeZone: 'UTC' },
      (line) => lines.push(line),
    );
    expect(lines).toMatchObject([{ file: 'bomb.html.gz', ok: false, error: 'page-too-large' }]);
  });
});
