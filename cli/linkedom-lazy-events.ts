// Node: an esbuild plugin for the worker bundle: linkedom's EventTarget makes its listener map on first use.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * linkedom's EventTarget constructor puts a `new Map` in a module WeakMap for every node it makes: a page of 20k
 * nodes parsed, cloned and cleaned makes about 60k of them, and the weak table's entries are what the young
 * generation's collector spends most on. Clips add no listeners, so in the worker bundle the map is made by the
 * first `addEventListener` instead. Listener behaviour is unchanged (dispatch already skips a node with no map).
 * Each edit must match exactly once, or the file is left as it is (a newer linkedom just runs unpatched).
 */
const EDITS: [string, string][] = [
  ['wm.set(this, new Map);', ''],
  [
    'addEventListener(type, listener, options) {\n    const map = wm.get(this);',
    'addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));',
  ],
  [
    'removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
    'removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
  ],
];

/** The source with every edit applied, or null when any edit does not match exactly once. */
export function patchEventTarget(source: string): string | null {
  let out = source;
  for (const [from, to] of EDITS) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + from.length) >= 0) return null;
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

export const lazyLinkedomEvents: Plugin = {
  name: 'postclip-lazy-linkedom-events',
  setup(build) {
    build.onLoad({ filter: /[\\/]linkedom[\\/]esm[\\/]interface[\\/]event-target\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: patchEventTarget(source) ?? source, loader: 'js' };
    });
  },
};
