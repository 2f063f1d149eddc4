// CLI: a page refused as not-an-article keeps its error code, and its JSON line still carries the page's metadata.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/clip';
import { EXIT_NOT_ARTICLE, main } from '../../cli/clip';
import { clipHtmlBytes, toBatchLine } from '../../cli/clip-page';

// A page saved before its scripts built the story: metadata in the head, an empty mount point for a body.
const APP_SHELL = `<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>Hamburg verpflichtet Rückraumspieler | Handballwelt</title>
<meta property="og:site_name" content="Handballwelt">
<meta name="author" content="Jana Becker">
<meta property="article:published_time" content="2022-02-02T10:16:00+01:00">
</head><body><div id="root"></div><script src="/app.js"></script></body></html>`;

const URL = 'https://www.handballwelt.example/news/hamburg-rueckraum';
const NOW = new Date('2022-03-01T00:00:00Z');

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

function writeShell(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postclip-refused-'));
  const path = join(dir, 'shell.html');
  writeFileSync(path, APP_SHELL);
  return path;
}

const EXPECTED = {
  ok: false,
  error: 'not-an-article',
  readerable: false,
  title: 'Hamburg verpflichtet Rückraumspieler',
  byline: 'Jana Becker',
  siteName: 'Handballwelt',
  lang: 'de',
  published: { value: '2022-02-02T10:16:00+01:00', source: 'meta' },
  modified: null,
};

describe('a not-an-article page in the CLI', () => {
  it('keeps the error code and carries title, dates, author, site name and language', () => {
    const page = clipHtmlBytes(new TextEncoder().encode(APP_SHELL), URL, { timeZone: 'UTC', now: NOW });
    expect(page.result.ok).toBe(false);
    expect(toBatchLine('shell.html', page, 'UTC')).toMatchObject({
      file: 'shell.html',
      url: URL,
      ...EXPECTED,
    });
  });

  it('prints that line with --json, still exiting 1 with the reason on stderr', async () => {
    const path = writeShell();
    const io = captureIo();
    const code = await main([path, '--url', URL, '--json', '--now', NOW.toISOString()], io);
    expect(code).toBe(EXIT_NOT_ARTICLE);
    expect(io.err).toBe(`not-an-article: Readability found no article in ${path}\n`);
    expect(JSON.parse(io.out)).toMatchObject(EXPECTED);
  });

  it('prints no post and no JSON without --json', async () => {
    const io = captureIo();
    expect(await main([writeShell(), '--url', URL], io)).toBe(EXIT_NOT_ARTICLE);
    expect(io.out).toBe('');
  });

  it('puts the metadata in the batch line of a --jsonl run', async () => {
    const path = writeShell();
    const manifest = join(path, '..', 'pages.jsonl');
    writeFileSync(manifest, `${JSON.stringify({ file: path, url: URL, now: NOW.toISOString() })}\n`);
    const io = captureIo();
    await main(['--jsonl', manifest, '--workers', '1'], io);
    expect(JSON.parse(io.out.trim())).toMatchObject({ file: path, ...EXPECTED });
  });

  it('gives other failures no metadata', async () => {
    const io = captureIo();
    const manifest = join(mkdtempSync(join(tmpdir(), 'postclip-refused-')), 'pages.jsonl');
    writeFileSync(manifest, `${JSON.stringify({ file: 'missing.html' })}\n`);
    await main(['--jsonl', manifest, '--workers', '1'], io);
    const line = JSON.parse(io.out.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ ok: false, error: 'not-found' });
    expect(line).not.toHaveProperty('title');
    expect(line).not.toHaveProperty('readerable');
  });
});
