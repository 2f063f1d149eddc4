// The browser bundle of the Git module (esbuild, platform browser) run where there is no Buffer global, as in a
// browser: proves the `buffer` polyfill is bundled and installed before isomorphic-git needs it.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneFiles, logSubjects } from '../helpers/git-checks';
import type { GitServer } from '../helpers/git-server';
import { startGitServer, TEST_TOKEN } from '../helpers/git-server';

const ROOT = join(import.meta.dirname, '..', '..');
let server: GitServer;

beforeAll(async () => {
  server = await startGitServer();
});

afterAll(async () => {
  await server.close();
});

function runNode(script: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [script], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

describe('browser bundle of utils/platform/publish/browser-git', () => {
  it('publishes with no Buffer global, through lightning-fs and fetch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'postclip-bundle-'));
    const bundle = join(dir, 'browser-git.mjs');
    await build({
      entryPoints: [join(ROOT, 'utils/platform/publish/browser-git.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      outfile: bundle,
      logLevel: 'silent',
    });
    const bare = server.createRepo('bundle.git');
    const fakeIdb = pathToFileURL(createRequire(import.meta.url).resolve('fake-indexeddb/auto')).href;
    const request = {
      target: { url: server.urlOf('bundle.git'), branch: 'main', token: TEST_TOKEN },
      files: [{ path: '_posts/a.md', text: 'Hello from a browser bundle\n' }],
      message: 'Add post: bundle',
      author: { name: 'Ada', email: 'ada@example.com' },
    };
    const script = join(dir, 'run.mjs');
    writeFileSync(
      script,
      `// A browser has no Buffer and (in this Node) no navigator: match it before loading the bundle.
delete globalThis.Buffer;
globalThis.navigator = {};
await import(${JSON.stringify(fakeIdb)});
const { publishFromBrowser } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const request = ${JSON.stringify(request)};
request.files = request.files.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) }));
const result = await publishFromBrowser(request);
console.log(JSON.stringify({ ok: result.ok, code: result.code, isBufferBundled: typeof globalThis.Buffer }));
`,
    );
    const run = await runNode(script);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ ok: true, isBufferBundled: 'function' });
    expect(logSubjects(bare)).toEqual(['Add post: bundle']);
    expect(cloneFiles(bare).get('_posts/a.md')?.toString()).toBe('Hello from a browser bundle\n');
  });
});
