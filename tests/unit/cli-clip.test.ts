// CLI entry: the real `tsx cli/clip.ts` as a child process, and main()'s modes and exit codes in process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/clip';
import { EXIT_NOT_ARTICLE, EXIT_OK, EXIT_USAGE, main } from '../../cli/clip';

const ROOT = join(import.meta.dirname, '..', '..');
const PARAGRAPH =
  'The city council voted on Monday to turn the old rail depot into a public library with a rooftop garden, ' +
  'a reading room for children and a workshop where residents can repair bicycles and small appliances.';

function writePage(dir: string, name: string, title: string): string {
  const body = Array.from({ length: 6 }, (_, i) => `<p>${PARAGRAPH} (${i + 1})</p>`).join('\n');
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2023-04-03T18:30:00Z"></head>
<body><article><h1>${title}</h1>${body}</article></body></html>`;
  const path = join(dir, name);
  writeFileSync(path, html);
  return path;
}

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

describe('npx tsx cli/clip.ts (child process)', () => {
  it('prints the extracted fields of a page as JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-'));
    const page = writePage(dir, 'depot.html', 'Rail depot becomes a library');
    const run = spawnSync(
      'npx',
      ['tsx', 'cli/clip.ts', '--json', page, '--url', 'https://city.example.org/depot'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(line).toMatchObject({
      file: page,
      url: 'https://city.example.org/depot',
      ok: true,
      title: 'Rail depot becomes a library',
      published: { raw: '2023-04-03T18:30:00Z', value: '2023-04-03T18:30:00+00:00', source: 'meta' },
    });
    expect(line.text).toContain('old rail depot');
  });
});

describe('main', () => {
  it('prints the post of one page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-'));
    const page = writePage(dir, 'depot.html', 'Rail depot becomes a library');
    const io = captureIo();
    expect(await main([page, '--url', 'https://city.example.org/depot', '--tz', 'UTC'], io)).toBe(EXIT_OK);
    expect(io.out.startsWith('---\n')).toBe(true);
    expect(io.out).toContain('old rail depot');
  });

  it('clips the bundled sample with no arguments', async () => {
    const io = captureIo();
    expect(await main([], io)).toBe(EXIT_OK);
    expect(io.out).toContain('无人驾驶');
  });

  it('exits 1 with a clear message when the page is not an article', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-'));
    const page = join(dir, 'empty.html');
    writeFileSync(
      page,
      '<html><head><title>Login</title></head><body><form><input name="user"></form></body></html>',
    );
    const io = captureIo();
    expect(await main([page, '--url', 'https://a.example.org/login'], io)).toBe(EXIT_NOT_ARTICLE);
    expect(io.err).toBe(`not-an-article: Readability found no article in ${page}\n`);
    expect(io.out).toBe('');
  });

  it.each([
    [['--tz', 'Mars/Olympus'], 'unknown time zone'],
    [['--no-such-flag'], 'Unknown option'],
    [['/no/such/page.html'], 'no such file'],
    [['--jsonl', '/no/such/manifest.jsonl'], 'cannot read manifest'],
    [['a.html', '--jsonl', 'm.jsonl'], 'not both'],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(EXIT_USAGE);
    expect(io.err).toContain(message);
  });

  it('writes a folder of pages to --out under their Jekyll names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-'));
    const pages = join(dir, 'pages');
    const out = join(dir, 'posts');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(pages);
    writePage(pages, 'a.html', 'Rail depot becomes a library');
    writePage(pages, 'b.html', 'Library opens its rooftop garden');
    const io = captureIo();
    expect(await main([pages, '--out', out, '--workers', '0'], io)).toBe(EXIT_OK);
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(2);
    expect(names.every((name) => /^2023-04-03-.+\.md$/.test(name))).toBe(true);
    expect(readFileSync(join(out, names[0] ?? ''), 'utf8')).toContain('old rail depot');
  });

  it('prints one JSON line per manifest entry, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-cli-'));
    writePage(dir, 'a.html', 'First story');
    writePage(dir, 'b.html', 'Second story');
    const manifest = join(dir, 'm.jsonl');
    writeFileSync(
      manifest,
      '{"file":"b.html","url":"https://x.example/b"}\n{"file":"a.html","url":"https://x.example/a"}\n',
    );
    const io = captureIo();
    expect(await main(['--jsonl', manifest, '--workers', '0'], io)).toBe(EXIT_OK);
    const lines = io.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; title: string });
    expect(lines.map((line) => [line.file, line.title])).toEqual([
      ['b.html', 'Second story'],
      ['a.html', 'First story'],
    ]);
  });
});
