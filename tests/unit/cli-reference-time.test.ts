// CLI reference time: a manifest line's "now", the run's --now, else the file's mtime; dates are read against it.
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchLine } from '../../cli/batch';
import { pageReferenceTime, parseManifest, parseNow } from '../../cli/batch';
import { clipEntry } from '../../cli/clip-page';

const PARAGRAPH = '记者从有关部门获悉，这座城市今年新建了一批公园和绿道，市民出行和休闲的选择更多了。'.repeat(
  6,
);

function yearlessPage(): string {
  return `<!doctype html><html lang="zh-CN"><head><title>城市新建公园</title></head><body><article>
<h1>城市新建公园</h1><div class="info">发布时间：10-08 12:00 来源：本报</div>
<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
}

function writePage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postclip-now-'));
  const path = join(dir, 'page.html');
  writeFileSync(path, yearlessPage());
  return path;
}

function publishedOf(line: BatchLine): string | null {
  return line.ok ? (line.published?.value ?? null) : null;
}

describe('parseNow', () => {
  it('reads ISO 8601 times and days, refuses anything else', () => {
    expect(parseNow('2026-12-05T01:00:00Z')?.toISOString()).toBe('2026-12-05T01:00:00.000Z');
    expect(parseNow('2026-12-05')?.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(parseNow('yesterday')).toBeNull();
    expect(parseNow('2026-13-45')).toBeNull();
  });
});

describe('the reference time of a page', () => {
  it('takes the manifest line, then the run, then the file mtime', async () => {
    const path = writePage();
    const saved = new Date('2019-03-01T08:00:00Z');
    utimesSync(path, saved, saved);
    const line = new Date('2020-01-01T00:00:00Z');
    const run = new Date('2021-01-01T00:00:00Z');
    expect(await pageReferenceTime(path, line, run)).toEqual(line);
    expect(await pageReferenceTime(path, undefined, run)).toEqual(run);
    expect((await pageReferenceTime(path)).toISOString()).toBe(saved.toISOString());
  });

  it('parses a manifest line "now" and refuses a bad one', () => {
    const [entry] = parseManifest('{"file":"a.html","now":"2019-10-09T00:00:00+08:00"}\n', '/d/m.jsonl');
    expect(entry?.now?.toISOString()).toBe('2019-10-08T16:00:00.000Z');
    expect(() => parseManifest('{"file":"a.html","now":"soon"}\n', '/d/m.jsonl')).toThrow('"now"');
  });

  it('reads a year-less dateline in the year of the reference, never after it', async () => {
    const path = writePage();
    const entry = { file: 'page.html', path, url: 'https://news.example.cn/a.html' };
    // After 8 October: this year. Before it: last year (the latest such day not after the reference).
    const after = await clipEntry({ ...entry, now: new Date('2019-10-09T00:00:00Z') }, { timeZone: 'UTC' });
    expect(publishedOf(after)).toBe('2019-10-08T12:00:00+08:00');
    const before = await clipEntry(entry, { timeZone: 'UTC', now: new Date('2019-10-01T00:00:00Z') });
    expect(publishedOf(before)).toBe('2018-10-08T12:00:00+08:00');
    const saved = new Date('2021-11-01T00:00:00Z');
    utimesSync(path, saved, saved);
    expect(publishedOf(await clipEntry(entry, { timeZone: 'UTC' }))).toBe('2021-10-08T12:00:00+08:00');
  });
});
