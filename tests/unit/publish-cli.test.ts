// `npm run clip -- pages/ --publish URL`: a folder of saved pages pushed as one commit to the real test server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/clip';
import { main } from '../../cli/clip';
import { EXIT_PUBLISH_FAILED, EXIT_PUBLISH_USAGE, runPublishCli } from '../../cli/publish';
import { cloneFiles, filesInHeadCommit, headOf, logSubjects } from '../helpers/git-checks';
import type { GitServer } from '../helpers/git-server';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';

const ROOT = join(import.meta.dirname, '..', '..');
const PARAGRAPH =
  'The city council voted on Monday to turn the old rail depot into a public library with a rooftop garden, ' +
  'a reading room for children and a workshop where residents can repair bicycles and small appliances.';

function writePage(dir: string, name: string, title: string, extra = ''): void {
  const body = Array.from({ length: 6 }, (_, i) => `<p>${PARAGRAPH} (${i + 1})${extra}</p>`).join('\n');
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:url" content="https://city.example.org/${name}">
<meta property="article:published_time" content="2023-04-03T18:30:00Z"></head>
<body><article><h1>${title}</h1>${body}</article></body></html>`;
  writeFileSync(join(dir, name), html);
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

let server: GitServer;
let count = 0;

beforeAll(async () => {
  server = await startGitServer();
});

afterAll(async () => {
  await server.close();
});

function setup(): { pages: string; bare: string; url: string; cache: string } {
  count += 1;
  const name = `cli-${count}.git`;
  const pages = mkdtempSync(join(tmpdir(), 'postclip-pages-'));
  writePage(pages, 'depot.html', 'Rail depot becomes a library');
  writePage(pages, 'bridge.html', 'New footbridge opens over the river');
  writePage(pages, 'market.html', 'Night market returns to the old square');
  return {
    pages,
    bare: server.createRepo(name),
    url: server.urlOf(name),
    cache: mkdtempSync(join(tmpdir(), 'postclip-cache-')),
  };
}

const ENV = { POSTCLIP_TEST_TOKEN: TEST_TOKEN };

describe('clip --publish', () => {
  it('pushes a folder of pages as one commit, with exactly the posts --out would write', async () => {
    const { pages, bare, url, cache } = setup();
    const io = captureIo();
    const args = [
      pages,
      '--publish',
      url,
      '--token-env',
      'POSTCLIP_TEST_TOKEN',
      '--git-cache',
      cache,
      '--workers',
      '0',
    ];
    const code = await runPublishCli(
      [...args, '--author-name', 'Ada', '--author-email', 'ada@example.com'],
      io,
      ENV,
    );
    expect(io.err).toBe('');
    expect(code).toBe(0);
    expect(io.out).toMatch(/^published 3 of 3 file\(s\) to .* \(main\) as [0-9a-f]{7}\n$/);
    expect(logSubjects(bare)).toEqual(['Add 3 posts']);
    // The same posts the folder mode writes with --out, byte for byte, under _posts/.
    const out = mkdtempSync(join(tmpdir(), 'postclip-out-'));
    expect(await main([pages, '--out', out, '--workers', '0'], captureIo())).toBe(0);
    const expected = new Map(
      readdirSync(out).map((name) => [`_posts/${name}`, readFileSync(join(out, name))]),
    );
    expect(cloneFiles(bare)).toEqual(expected);
    expect(expected.size).toBe(3);
  });

  it('publishes an edited page as an update of the same file, and nothing when nothing changed', async () => {
    const { pages, bare, url, cache } = setup();
    const args = [
      pages,
      '--publish',
      url,
      '--token-env',
      'POSTCLIP_TEST_TOKEN',
      '--git-cache',
      cache,
      '--workers',
      '0',
    ];
    expect(await runPublishCli(args, captureIo(), ENV)).toBe(0);
    const again = captureIo();
    expect(await runPublishCli(args, again, ENV)).toBe(0);
    expect(again.out).toMatch(/^nothing changed/);
    writePage(pages, 'bridge.html', 'New footbridge opens over the river', ' Updated.');
    expect(await runPublishCli([...args, '--message', 'Update the bridge'], captureIo(), ENV)).toBe(0);
    expect(logSubjects(bare)).toEqual(['Update the bridge', 'Add 3 posts']);
    const [changed] = filesInHeadCommit(bare);
    expect(filesInHeadCommit(bare)).toHaveLength(1);
    expect(changed).toMatch(/^_posts\/2023-04-03-.*bridge.*\.md$/);
    expect(
      cloneFiles(bare)
        .get(changed ?? '')
        ?.toString(),
    ).toContain('Updated.');
    expect(cloneFiles(bare).size).toBe(3);
  });

  it('another branch of the same repository is another destination: its first publish is no conflict', async () => {
    const { pages, bare, url, cache } = setup();
    const args = [
      pages,
      '--publish',
      url,
      '--token-env',
      'POSTCLIP_TEST_TOKEN',
      '--git-cache',
      cache,
      '--workers',
      '0',
    ];
    expect(await runPublishCli(args, captureIo(), ENV)).toBe(0);
    writePage(pages, 'bridge.html', 'New footbridge opens over the river', ' Draft.');
    const drafts = captureIo();
    expect(await runPublishCli([...args, '--branch', 'drafts'], drafts, ENV)).toBe(0);
    expect(drafts.err).toBe('');
    expect(logSubjects(bare, 'drafts')).toEqual(['Add 3 posts']);
    expect(logSubjects(bare)).toEqual(['Add 3 posts']);
  });

  it('exits 3 with publish-auth for a wrong token and pushes nothing', async () => {
    const { pages, bare, url, cache } = setup();
    const io = captureIo();
    const args = [pages, '--publish', url, '--token-env', 'T', '--git-cache', cache, '--workers', '0'];
    expect(await runPublishCli(args, io, { T: 'wrong' })).toBe(EXIT_PUBLISH_FAILED);
    expect(io.err).toMatch(/^postclip: publish-auth: /);
    expect(headOf(bare)).toBeNull();
  });

  it('exits 2 without a token, without pages, or with a URL that is not one', async () => {
    const { pages, url } = setup();
    const cases: [string[], RegExp][] = [
      [[pages, '--publish', url, '--token-env', 'MISSING'], /MISSING is empty or not set/],
      [[pages, '--publish', url], /--token-env VAR/],
      [['--publish', url, '--token-env', 'POSTCLIP_TEST_TOKEN'], /name the saved pages/],
      [[pages, '--publish', 'site.git', '--token-env', 'POSTCLIP_TEST_TOKEN'], /clone URL/],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await runPublishCli(args, io, ENV), args.join(' ')).toBe(EXIT_PUBLISH_USAGE);
      expect(io.err).toMatch(message);
    }
  });

  it('runs as `npm run clip` does: tsx cli/clip.ts in a child process, token from the environment', async () => {
    const { pages, bare, url, cache } = setup();
    const args = [
      pages,
      '--publish',
      url,
      '--branch',
      'main',
      '--token-env',
      'POSTCLIP_TEST_TOKEN',
      '--git-cache',
      cache,
    ];
    // Asynchronous on purpose: the server runs in this process, and spawnSync would block it.
    const child = spawn('npx', ['tsx', 'cli/clip.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...ENV },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(logSubjects(bare)).toEqual(['Add 3 posts']);
    // The token never reaches the output.
    expect(stdout).toMatch(/^published 3 of 3/);
    expect(stdout).not.toContain(TEST_TOKEN);
  });
});
