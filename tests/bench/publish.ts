// Benchmark: publishing to a real Git server on 127.0.0.1 (git http-backend) through the engine with node:fs and
// Node's HTTP client — one post at a time (median), 100 posts in one commit — and what isomorphic-git adds to a
// browser bundle. Prints numbers; fails only when something is wrong (a missing commit, Git in the clip script).
// Then the same in the built extension (publish-extension.ts; needs npm run build).
// Usage: npm run bench:publish -- [--runs 15] [--posts 100] [--no-extension]
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { GitTarget, PublishRequest } from '../../utils/pure/publish/git-publish';
import { publishToGit } from '../../utils/pure/publish/git-publish';
import type { PublishFile } from '../../utils/pure/publish/publish-files';
import { logSubjects, nodeGitEnv, pushAsSomeoneElse } from '../helpers/git-checks';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';
import { benchBuiltBundles, benchExtension } from './publish-extension';

const ROOT = join(import.meta.dirname, '..', '..');
const AUTHOR = { name: 'Bench', email: 'bench@example.com' };
const PARAGRAPH =
  'The harbour authority said on Thursday that the new ferry line would run every twenty minutes, linking the ' +
  'old town with the eastern islands, and that tickets would cost the same as a bus fare. ';

function makePost(index: number): PublishFile {
  const slug = `bench-post-${String(index).padStart(4, '0')}`;
  const body = PARAGRAPH.repeat(25);
  const text = `---\nlayout: post\ntitle: 'Bench post ${index}'\ndate: 2024-03-18 08:00:00 +0000\n---\n\n${body}\n`;
  return { path: `_posts/2024-03-18-${slug}.md`, bytes: new TextEncoder().encode(text) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timed(request: PublishRequest, env: ReturnType<typeof nodeGitEnv>): Promise<number> {
  const start = performance.now();
  const result = await publishToGit(env, request);
  const ms = performance.now() - start;
  if (!result.ok || !result.value.isCommitted) throw new Error(`publish failed: ${JSON.stringify(result)}`);
  return ms;
}

/** A site that already has history and files, so a publish is not into an empty tree. */
function seedSite(bare: string, posts: number): void {
  const files: Record<string, string> = { '_config.yml': 'title: Bench site\n' };
  for (let i = 0; i < posts; i += 1)
    files[`_posts/2020-01-01-seed-${i}.md`] = `# Seed ${i}\n\n${PARAGRAPH.repeat(10)}\n`;
  pushAsSomeoneElse(bare, files, 'Seed site');
}

async function benchPublishing(runs: number, postCount: number): Promise<void> {
  const server = await startGitServer();
  try {
    const bare = server.createRepo('bench.git');
    seedSite(bare, 500);
    const target: GitTarget = { url: server.urlOf('bench.git'), branch: 'main', token: TEST_TOKEN };
    const env = nodeGitEnv();
    const request = (files: PublishFile[], message: string): PublishRequest => ({
      target,
      files,
      message,
      author: AUTHOR,
    });

    const first = await timed(request([makePost(0)], 'Add post: 0'), env);
    console.log(`first publish (shallow clone of a 501-file site + push): ${first.toFixed(0)} ms`);

    const times: number[] = [];
    for (let i = 1; i <= runs; i += 1) times.push(await timed(request([makePost(i)], `Add post: ${i}`), env));
    console.log(
      `one post, clone reused (median of ${runs}): ${median(times).toFixed(0)} ms ` +
        `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
    );

    const moved: number[] = [];
    for (let i = 0; i < Math.min(runs, 5); i += 1) {
      pushAsSomeoneElse(bare, { [`other-${i}.md`]: `other ${i}\n` }, `Other ${i}`);
      moved.push(await timed(request([makePost(1000 + i)], `Add post after a remote change ${i}`), env));
    }
    console.log(
      `one post after someone else pushed (fetch + push, median of ${moved.length}): ${median(moved).toFixed(0)} ms`,
    );

    const many = Array.from({ length: postCount }, (_, i) => makePost(2000 + i));
    const bytes = many.reduce((n, f) => n + f.bytes.length, 0);
    const manyMs = await timed(request(many, `Add ${postCount} posts`), env);
    console.log(
      `${postCount} posts in one commit (${(bytes / 1024).toFixed(0)} KiB): ${manyMs.toFixed(0)} ms`,
    );

    const subjects = logSubjects(bare);
    if (subjects[0] !== `Add ${postCount} posts`) throw new Error(`unexpected head commit: ${subjects[0]}`);
    console.log(
      `commits on the server: ${subjects.length} (1 seed + ${subjects.length - 1 - Math.min(runs, 5)} ours + ${Math.min(runs, 5)} others)`,
    );
  } finally {
    await server.close();
  }
}

/** The browser bundle of the platform module (lightning-fs, fetch client, isomorphic-git, buffer), minified + gzip. */
async function benchBundle(): Promise<void> {
  const result = await build({
    entryPoints: [join(ROOT, 'utils/platform/publish/browser-git.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  console.log(
    `browser-git.ts bundle (esbuild --bundle --minify, browser): ${(code.length / 1024).toFixed(1)} KiB, ` +
      `${(gzipSync(code).length / 1024).toFixed(1)} KiB gzipped`,
  );
  // The injected clip script must never carry Git: bundle it and look for isomorphic-git among its inputs.
  const clip = await build({
    entryPoints: [join(ROOT, 'entrypoints/clip/index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'wxt-imports-stub',
        setup(b) {
          b.onResolve({ filter: /^#imports$/ }, () => ({ path: 'imports', namespace: 'stub' }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
            contents: 'export const defineUnlistedScript = (o) => o;',
            loader: 'js',
          }));
        },
      },
    ],
  });
  const inputs = Object.keys(clip.metafile.inputs);
  const git = inputs.filter((path) => /isomorphic-git|lightning-fs|\/publish\//.test(path));
  if (git.length > 0) throw new Error(`the injected clip script bundles Git: ${git.join(', ')}`);
  console.log(
    `injected clip script: ${inputs.length} inputs, none from isomorphic-git, lightning-fs or publish/`,
  );
}

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, posts: { type: 'string' }, 'no-extension': { type: 'boolean' } },
  });
  const runs = Number(values.runs ?? 15);
  const posts = Number(values.posts ?? 100);
  console.log('— the engine in Node (node:fs, Node http) —');
  await benchPublishing(runs, posts);
  await benchBundle();
  if (values['no-extension']) return;
  console.log('— in the built extension (headless Chromium, lightning-fs, fetch) —');
  await benchBuiltBundles();
  await benchExtension(runs, posts);
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
