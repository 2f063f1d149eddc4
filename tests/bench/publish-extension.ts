// Benchmark, in the built extension: real headless Chromium (the build copy with 127.0.0.1 pre-granted, as in the
// publish E2E) publishing to a real Git server on 127.0.0.1 — the first publish from the popup's button, one post
// at a time through the background (median), 100 posts in one commit — and where isomorphic-git sits in the
// built bundles (background.js, never clip.js). Prints numbers; fails only when something is wrong.
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PublishClipsRequest } from '../../utils/pure/protocol';
import { logSubjects, pushAsSomeoneElse } from '../helpers/git-checks';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';
import { clickToolbarButton, launchChromium, openExtensionPage } from '../e2e/helpers/chromium';
import { startPageServer } from '../e2e/helpers/server';
import { BODY_TEXT_EXPR, pollValue } from '../e2e/helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, '.output', 'chrome-mv3');
/** In isomorphic-git's user agent: present in any bundle that carries it, minified or not. */
const GIT_MARKER = 'git/isomorphic-git@';
const PARAGRAPH =
  'The harbour authority said on Thursday that the new ferry line would run every twenty minutes, linking the ' +
  'old town with the eastern islands, and that tickets would cost the same as a bus fare. ';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function postText(index: number): string {
  return `---\nlayout: post\ntitle: 'Bench post ${index}'\n---\n\n${PARAGRAPH.repeat(25)}\n`;
}

async function jsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsFiles(path)));
    else if (entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}

/** Each built script's size, and which carry isomorphic-git. Throws when the injected clip script does. */
export async function benchBuiltBundles(): Promise<void> {
  const rows: string[] = [];
  const carriers: string[] = [];
  for (const path of (await jsFiles(BUILD)).sort()) {
    const bytes = await readFile(path);
    const name = relative(BUILD, path);
    const hasGit = bytes.includes(GIT_MARKER);
    if (hasGit) carriers.push(name);
    if (hasGit || /^(background|clip|popup|options)\b|chunks\/(popup|options)/.test(name))
      rows.push(
        `  ${name}: ${(bytes.length / 1024).toFixed(1)} KiB, ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB gzipped` +
          (hasGit ? '  <- isomorphic-git' : ''),
      );
  }
  console.log(`built chrome-mv3 scripts (${BUILD}):\n${rows.join('\n')}`);
  if (carriers.some((name) => /(^|\/)clip\.js$/.test(name)))
    throw new Error(`the injected clip script carries isomorphic-git: ${carriers.join(', ')}`);
  if (!carriers.includes('background.js'))
    throw new Error(`isomorphic-git is not in background.js (found in: ${carriers.join(', ') || 'none'})`);
  console.log(`isomorphic-git is in: ${carriers.join(', ')}; not in clip.js`);
}

/** Publishing measured inside the extension. */
export async function benchExtension(runs: number, postCount: number): Promise<void> {
  await stat(join(BUILD, 'manifest.json')).catch(() => {
    throw new Error(`${BUILD} is missing: run npm run build first`);
  });
  const copy = await mkdtemp(join(tmpdir(), 'postclip-bench-granted-'));
  await cp(BUILD, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
  await writeFile(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  const git = await startGitServer();
  const pages = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
  const session = await launchChromium(copy);
  try {
    const bare = git.createRepo('bench.git');
    const seed: Record<string, string> = { '_config.yml': 'title: Bench site\n' };
    for (let i = 0; i < 500; i += 1)
      seed[`_posts/2020-01-01-seed-${i}.md`] = `# Seed ${i}\n\n${PARAGRAPH.repeat(10)}\n`;
    pushAsSomeoneElse(bare, seed, 'Seed site');

    const options = await openExtensionPage(session, 'options.html');
    await options.getByLabel('Where to publish', { exact: true }).selectOption('git');
    await options.getByLabel('Repository URL', { exact: true }).fill(git.urlOf('bench.git'));
    await options.getByLabel('Branch', { exact: true }).fill('main');
    await options.getByLabel('Access token', { exact: true }).fill(TEST_TOKEN);
    await options.getByRole('button', { name: 'Save publish settings', exact: true }).click();
    await options.getByText('Publish settings saved.').waitFor({ timeout: 30_000 });
    await options.close();

    const tab = await session.context.newPage();
    await tab.goto(pages.url('article.html'));
    const popup = await clickToolbarButton(session, tab);
    await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Saved/.test(t),
      'the clip',
    );
    await popup.detach();

    const lib = await openExtensionPage(session, 'popup.html');
    await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
    await lib.locator('[data-testid="clip-row-title"]').first().click();
    const startUi = performance.now();
    await lib.getByRole('button', { name: 'Publish', exact: true }).click();
    await lib.getByText('Published.').waitFor({ timeout: 60_000 });
    const firstUi = performance.now() - startUi;
    console.log(
      `extension, first publish from the popup (click -> "Published.": render, shallow clone of a 501-file site, push): ${firstUi.toFixed(0)} ms`,
    );

    const clipId = await lib.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('postclip');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const read = open.result.transaction('clips').objectStore('clips').getAllKeys();
            read.onsuccess = () => {
              const key = read.result[0];
              if (typeof key === 'string') resolve(key);
              else reject(new Error('no clip in the library'));
            };
            read.onerror = () => reject(new Error(String(read.error)));
          };
        }),
    );
    /** One publish-clips message from the page to the background, as the popup sends it; returns ms. */
    const publishTimed = async (request: PublishClipsRequest): Promise<number> => {
      const { ms, reply } = await lib.evaluate(async (payload) => {
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        const start = performance.now();
        const answer = await runtime.sendMessage({ type: 'publish-clips', payload });
        return { ms: performance.now() - start, reply: JSON.stringify(answer) };
      }, request);
      if (!/"published":\["/.test(reply)) throw new Error(`publish failed: ${reply}`);
      return ms;
    };

    const times: number[] = [];
    for (let i = 1; i <= runs; i += 1) {
      times.push(
        await publishTimed({
          items: [{ clipId, files: [{ path: `_posts/2024-03-18-bench-${i}.md`, text: postText(i) }] }],
          message: `Add post: ${i}`,
        }),
      );
    }
    console.log(
      `extension, one post through the background, clone reused (median of ${runs}): ${median(times).toFixed(0)} ms ` +
        `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    );

    const files = Array.from({ length: postCount }, (_, i) => ({
      path: `_posts/2024-03-18-many-${String(i).padStart(4, '0')}.md`,
      text: postText(2000 + i),
    }));
    const kib = files.reduce((n, f) => n + f.text.length, 0) / 1024;
    const manyMs = await publishTimed({ items: [{ clipId, files }], message: `Add ${postCount} posts` });
    console.log(
      `extension, ${postCount} posts in one commit (${kib.toFixed(0)} KiB): ${manyMs.toFixed(0)} ms`,
    );
    const subjects = logSubjects(bare);
    if (subjects[0] !== `Add ${postCount} posts`) throw new Error(`unexpected head commit: ${subjects[0]}`);
    console.log(
      `extension, commits on the server: ${subjects.length} (1 seed + 1 from the popup + ${runs} + 1)`,
    );
    await lib.close();
    await tab.close();
  } finally {
    await session.close();
    await git.close();
    await pages.close();
    await rm(session.profileDir, { recursive: true, force: true });
    await rm(copy, { recursive: true, force: true });
  }
}
