// CLI: the worker bundle leaves turndown's domino out, and turndown still converts the elements the pipeline gives it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { noDomino } from '../../cli/worker-stubs';

const dir = mkdtempSync(join(tmpdir(), 'postclip-worker-stubs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bundle like the worker's: turndown and linkedom, converting an element and then a string. */
const ENTRY = `
import TurndownService from 'turndown';
import { parseHTML } from 'linkedom';
const { document } = parseHTML('<html><body><div id="a"><h2>Title</h2><p>Some <em>text</em>.</p></div></body></html>');
const service = new TurndownService();
export const fromElement = service.turndown(document.getElementById('a'));
export function fromString() { return service.turndown('<p>x</p>'); }
`;

async function bundle(withStub: boolean): Promise<{ code: string; mod: Record<string, unknown> }> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    external: ['canvas'],
    plugins: withStub ? [noDomino] : [],
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
  });
  const code = result.outputFiles[0]?.text ?? '';
  const path = join(dir, `bundle-${String(withStub)}.mjs`);
  writeFileSync(path, code);
  return { code, mod: (await import(pathToFileURL(path).href)) as Record<string, unknown> };
}

describe('noDomino', () => {
  it('leaves domino out of the bundle; elements convert as with domino there', async () => {
    const [plain, stubbed] = await Promise.all([bundle(false), bundle(true)]);
    expect(stubbed.code.length).toBeLessThan(plain.code.length - 300_000);
    expect(stubbed.mod.fromElement).toBe('Title\n-----\n\nSome _text_.');
    expect(stubbed.mod.fromElement).toBe(plain.mod.fromElement);
  });

  it('fails loudly if turndown is ever given an HTML string in the worker', async () => {
    const { mod } = await bundle(true);
    expect(() => (mod.fromString as () => string)()).toThrow(/HTML string in a clip worker/);
  });
});
