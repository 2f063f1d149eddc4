// CLI: the worker bundle's linkedom EventTarget, with its listener map made on first use, behaves as linkedom's own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { patchEventTarget } from '../../cli/linkedom-lazy-events';

const require = createRequire(import.meta.url);
const SOURCE_PATH = join(dirname(require.resolve('linkedom/package.json')), 'esm/interface/event-target.js');
const source = readFileSync(SOURCE_PATH, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'postclip-lazy-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Target {
  addEventListener(type: string, listener: (event: unknown) => void, options?: { once?: boolean }): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
  dispatchEvent(event: unknown): boolean;
}

/** linkedom's EventTarget class from `code` (the module has no imports, so it loads from a file of its own). */
async function load(code: string, name: string): Promise<new () => Target> {
  const path = join(dir, `${name}.mjs`);
  writeFileSync(path, code);
  const mod = (await import(pathToFileURL(path).href)) as { EventTarget: new () => Target };
  return mod.EventTarget;
}

/** linkedom's dispatch reads these fields of an event. */
function makeEvent(type: string): Record<string, unknown> {
  return { type, bubbles: false, _path: [], defaultPrevented: false, cancelBubble: false };
}

/** A script of listener calls, the same on both classes: what was called, in order. */
function exercise(Target: new () => Target): string[] {
  const calls: string[] = [];
  const fresh = new Target();
  fresh.removeEventListener('x', () => calls.push('never'));
  calls.push(`fresh:${String(fresh.dispatchEvent(makeEvent('x')))}`);
  const target = new Target();
  const a = (): number => calls.push('a');
  const once = (): number => calls.push('once');
  target.addEventListener('x', a);
  target.addEventListener('x', once, { once: true });
  target.dispatchEvent(makeEvent('x'));
  target.dispatchEvent(makeEvent('x'));
  target.removeEventListener('x', a);
  target.dispatchEvent(makeEvent('x'));
  target.addEventListener('y', a);
  target.dispatchEvent(makeEvent('y'));
  return calls;
}

describe('patchEventTarget', () => {
  it('patches the installed linkedom: no map per new target', () => {
    const patched = patchEventTarget(source);
    expect(patched).not.toBeNull();
    expect(source).toContain('wm.set(this, new Map);');
    expect(patched).not.toContain('wm.set(this, new Map);');
  });

  it('adds, fires, fires once, removes and dispatches as linkedom does', async () => {
    const patched = patchEventTarget(source);
    if (patched === null) throw new Error('linkedom event-target.js no longer matches the patch');
    const original = exercise(await load(source, 'original'));
    expect(exercise(await load(patched, 'patched'))).toEqual(original);
    expect(original).toEqual(['fresh:true', 'a', 'once', 'a', 'a']);
  });

  it('leaves a source it does not recognise alone', () => {
    expect(patchEventTarget('class DOMEventTarget { constructor() {} }')).toBeNull();
    expect(patchEventTarget(`${source}\n${source}`)).toBeNull();
  });
});
