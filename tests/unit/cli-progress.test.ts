// CLI progress and Ctrl-C: the progress line on a terminal only, and an interrupted batch that leaves whole posts.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/clip';
import { EXIT_INTERRUPTED, EXIT_OK, main } from '../../cli/clip';
import { createProgress, formatProgress } from '../../cli/progress';

const ROOT = join(import.meta.dirname, '..', '..');
const SENTINEL = 'Reporting by the city desk.';
const PARAGRAPH =
  'The harbour board agreed on Tuesday to open a second ferry line across the bay, with boats every twenty ' +
  'minutes at rush hour, a new pier beside the old fish market and cheaper tickets for students and pensioners.';

/** A folder of `count` article pages, each ending with SENTINEL so a cut-off post is easy to see. */
function writePages(count: number, paragraphs = 8): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'postclip-progress-')), 'pages');
  mkdirSync(dir);
  for (let i = 0; i < count; i += 1) {
    const title = `Ferry line ${i + 1} opens`;
    const body = Array.from({ length: paragraphs }, (_, n) => `<p>${PARAGRAPH} (${n + 1})</p>`).join('\n');
    writeFileSync(
      join(dir, `page-${String(i).padStart(4, '0')}.html`),
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2023-04-03T18:30:00Z"></head>
<body><article><h1>${title}</h1>${body}<p>${SENTINEL}</p></article></body></html>`,
    );
  }
  return dir;
}

function expectWholePosts(out: string): string[] {
  const names = readdirSync(out);
  expect(names.filter((name) => !name.endsWith('.md'))).toEqual([]);
  for (const name of names) {
    const text = readFileSync(join(out, name), 'utf8');
    expect(text.startsWith('---\n')).toBe(true);
    expect(text).toContain(SENTINEL);
  }
  return names;
}

interface CapturedIo extends CliIo {
  out: string;
  err: string;
}

function captureIo(extra: Partial<CliIo> = {}): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    stdout: (text) => {
      io.out += text;
    },
    stderr: (text) => {
      io.err += text;
    },
    ...extra,
  };
  return io;
}

describe('formatProgress', () => {
  it('says how many of how many, the rate and the time left', () => {
    expect(formatProgress({ done: 12, total: 40, elapsedMs: 4000 })).toBe(
      '12 of 40 · 3.0 pages/s · 9 s left',
    );
    expect(formatProgress({ done: 300, total: 1200, elapsedMs: 10_000 })).toBe(
      '300 of 1200 · 30 pages/s · 30 s left',
    );
    expect(formatProgress({ done: 10, total: 10_000, elapsedMs: 5000 })).toBe(
      '10 of 10000 · 2.0 pages/s · 1 h 23 min left',
    );
    expect(formatProgress({ done: 30, total: 200, elapsedMs: 10_000 })).toBe(
      '30 of 200 · 3.0 pages/s · 57 s left',
    );
    expect(formatProgress({ done: 100, total: 400, elapsedMs: 20_000 })).toBe(
      '100 of 400 · 5.0 pages/s · 1 min 00 s left',
    );
  });

  it('gives no rate before the first page, and no time left after the last', () => {
    expect(formatProgress({ done: 0, total: 40, elapsedMs: 2000 })).toBe('0 of 40');
    expect(formatProgress({ done: 40, total: 40, elapsedMs: 8000 })).toBe('40 of 40 · 5.0 pages/s');
  });
});

describe('createProgress', () => {
  it('writes nothing at all when stderr is not a terminal', () => {
    const written: string[] = [];
    const progress = createProgress({ write: (text) => written.push(text), isTTY: false }, 3, () => 0);
    for (const done of [1, 2, 3]) progress.update(done);
    progress.clear();
    expect(written).toEqual([]);
  });

  it('redraws one line in place, at most every 100 ms but always for the last page, and wipes it', () => {
    const written: string[] = [];
    let clock = 0;
    const progress = createProgress({ write: (text) => written.push(text), isTTY: true }, 3, () => clock);
    clock = 1000;
    progress.update(1);
    clock = 1050;
    progress.update(2); // too soon: skipped
    clock = 1060;
    progress.update(3); // the last page: always drawn
    progress.clear();
    expect(written).toEqual([
      '\r1 of 3 · 1.0 pages/s · 2 s left\u001b[K',
      '\r3 of 3 · 2.8 pages/s\u001b[K',
      '\r\u001b[K',
    ]);
  });
});

describe('clip a folder: progress and interruption', () => {
  it('prints only the summary on a piped stderr, and the progress line on a terminal', async () => {
    const pages = writePages(3);
    const piped = captureIo({ isStderrTTY: false });
    const out = join(pages, '..', 'posts');
    expect(await main([pages, '--out', out, '--workers', '0'], piped)).toBe(EXIT_OK);
    expect(piped.err).toBe(`wrote 3 of 3 posts to ${out}\n`);

    const terminal = captureIo({ isStderrTTY: true });
    expect(await main([pages, '--out', `${out}-tty`, '--workers', '0'], terminal)).toBe(EXIT_OK);
    expect(terminal.err).toMatch(/\r3 of 3 · [\d.]+ pages\/s\u001b\[K/u);
    // The line is wiped before the summary, which therefore starts a clean line.
    expect(terminal.err.endsWith(`\r\u001b[Kwrote 3 of 3 posts to ${out}-tty\n`)).toBe(true);
  });

  it('stops at Ctrl-C with exit code 130, keeps the posts done so far whole, and says how many', async () => {
    const pages = writePages(5);
    const out = join(pages, '..', 'posts');
    const interrupts = new EventEmitter();
    const io = captureIo({ isStderrTTY: false, interrupts });
    const stdout = io.stdout;
    io.stdout = (text) => {
      stdout(text);
      // Ctrl-C as the second page's line is printed: that page is done, the third never starts.
      if (io.out.split('\n').length === 3) interrupts.emit('SIGINT');
    };
    expect(await main([pages, '--out', out, '--json', '--workers', '0'], io)).toBe(EXIT_INTERRUPTED);
    expect(io.err).toBe(`interrupted: clipped 2 of 5 pages; wrote 2 posts to ${out}\n`);
    expect(expectWholePosts(out)).toHaveLength(2);
    expect(interrupts.listenerCount('SIGINT')).toBe(0);
  });

  it('a real SIGINT to the CLI process mid-batch: workers stop, every post written is whole, exit 130', async () => {
    const pages = writePages(150, 40);
    const out = join(pages, '..', 'posts');
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/clip.ts', pages, '--out', out, '--json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const isFirst = stdout === '';
      stdout += chunk.toString();
      if (isFirst) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', (status) => resolve(status)),
    );
    expect(stderr).toMatch(/^interrupted: clipped (\d+) of 150 pages; wrote (\d+) posts to /u);
    expect(code).toBe(EXIT_INTERRUPTED);
    const printed = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { ok: boolean });
    const [, clipped] = /clipped (\d+)/u.exec(stderr) ?? [];
    expect(printed.length).toBe(Number(clipped));
    expect(printed.length).toBeLessThan(150);
    // Every page that was reported is on disk, whole; nothing else is.
    expect(expectWholePosts(out)).toHaveLength(printed.filter((line) => line.ok).length);
  }, 60_000);
});
