// Sizes of the built Chrome scripts: each entry, the chunks it imports statically, and the ones it loads with import().
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  /** Path inside the build, e.g. `chunks/services-kC5.js`. */
  file: string;
  raw: number;
  gzip: number;
}

export interface EntrySizes {
  name: string;
  /** The entry and everything it imports statically: parsed before the entry runs. */
  eager: ScriptSize[];
  /** Reached only through import(): fetched when the code asks for it. */
  lazy: ScriptSize[];
}

// Minified ES modules: `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`.
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g;
const HTML_SCRIPT = /<script[^>]*\bsrc="\/?([^"]+\.js)"/g;

function measure(root: string, file: string): ScriptSize {
  const bytes = readFileSync(join(root, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
}

function importsOf(root: string, file: string, pattern: RegExp): string[] {
  const code = readFileSync(join(root, file), 'utf8');
  return [...code.matchAll(pattern)].map((m) => posix.join(posix.dirname(file), m[1] ?? ''));
}

function staticClosure(root: string, starts: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(root, file, STATIC_IMPORT));
  }
  return seen;
}

/** An entry's eager closure, then every chunk reachable from it through import() (with their static imports). */
export function sizeEntry(root: string, name: string, entries: string[]): EntrySizes {
  const eager = staticClosure(root, entries);
  const lazy = new Set<string>();
  const queue = [...eager];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const target of importsOf(root, file, DYNAMIC_IMPORT)) {
      for (const reached of staticClosure(root, [target])) {
        if (eager.has(reached) || lazy.has(reached)) continue;
        lazy.add(reached);
        queue.push(reached);
      }
    }
  }
  const sizes = (files: Set<string>) => [...files].sort().map((f) => measure(root, f));
  return { name, eager: sizes(eager), lazy: sizes(lazy) };
}

/** The module scripts an extension page's HTML loads. */
export function readPageEntries(root: string, html: string): string[] {
  const text = readFileSync(join(root, html), 'utf8');
  return [...text.matchAll(HTML_SCRIPT)].map((m) => m[1] ?? '').filter(Boolean);
}

export function sizeBuild(root: string): EntrySizes[] {
  return [
    sizeEntry(root, 'background', ['background.js']),
    sizeEntry(root, 'clip (injected)', ['clip.js']),
    sizeEntry(root, 'popup', readPageEntries(root, 'popup.html')),
    sizeEntry(root, 'options', readPageEntries(root, 'options.html')),
  ];
}

export function sumSizes(sizes: ScriptSize[]): { raw: number; gzip: number } {
  return sizes.reduce((acc, s) => ({ raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip }), { raw: 0, gzip: 0 });
}
