// Node: an esbuild plugin for the worker bundle: turndown's HTML-string parser (domino) is left out.
import type { Plugin } from 'esbuild';

/**
 * turndown's Node build loads domino (half a megabyte of the worker bundle) when it is loaded, only to parse the
 * HTML strings it may be given. The pipeline gives it elements, never strings (utils/dom/markdown.ts), so each
 * worker compiled and ran domino's module for nothing: about a fifth of a worker's start. In the worker bundle
 * the import is a stub that fails loudly if a string ever reaches turndown there.
 */
export const DOMINO_STUB =
  "module.exports = { createDocument() { throw new Error('turndown was given an HTML string in a clip worker; give it an element'); } };";

export const noDomino: Plugin = {
  name: 'postclip-no-domino',
  setup(build) {
    build.onResolve({ filter: /^@mixmark-io\/domino$/ }, () => ({
      path: 'domino',
      namespace: 'postclip-stub',
    }));
    build.onLoad({ filter: /.*/, namespace: 'postclip-stub' }, () => ({
      contents: DOMINO_STUB,
      loader: 'js',
    }));
  },
};
