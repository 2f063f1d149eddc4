// Readability, turndown and the date-parsing tables belong only in the injected clip script's bundle and in the link
// parser page (which clips a fetched link; an offscreen document in Chrome): the background and the popup and
// options pages (every chunk they load, statically or on demand) carry none of them.
// Runs on the built extension (`npm run build`), as part of `npm run test:e2e` or alone with `npm run test:bundle`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const CLIP_SCRIPT = 'clip.js';
/** The Remove parts… picker: injected on demand like the clip script, but it carries no extractor either. */
const PICKER_SCRIPT = 'picker.js';
/** The link parser page: it runs the clip pipeline on a fetched page, so it carries the extractor, deliberately. */
const LINK_PARSER = 'link-parser.html';

// Strings that survive minification (property names, option names, literal table entries) and that only these
// libraries or tables contain. The clip script must carry every one, or the marker proves nothing.
const MARKERS: Record<string, string[]> = {
  Readability: ['_grabArticle', '_cleanConditionally'],
  turndown: ['blankReplacement', 'keepReplacement', 'x-turndown'],
  'the date-parsing tables': ['janvier', 'dezember', 'febrero'],
};

// isomorphic-git's protocol words and error names: the publishing code, loaded where Git publishes (the background),
// never in the injected clip script, which runs in every page the user clips.
const GIT_MARKERS = ['git-receive-pack', 'PushRejectedError'];

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  options_ui?: { page?: string };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Files a built file loads: script tags and module preloads in HTML; static, dynamic and preload-map imports in JS. */
function loadedBy(outDir: string, file: string): string[] {
  const text = readFileSync(join(outDir, file), 'utf8');
  const found = file.endsWith('.html')
    ? [...text.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1] ?? '')
    : [
        ...[...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)].map((m) => m[1] ?? ''),
        // Vite's preload map lists chunks relative to the output root.
        ...[...text.matchAll(/["'`]((?:chunks|assets)\/[^"'`]+\.js)["'`]/g)].map((m) => '/' + (m[1] ?? '')),
      ];
  return found.map((ref) =>
    ref.startsWith('/') ? ref.slice(1) : relative(outDir, join(outDir, dirname(file), ref)),
  );
}

function reachable(outDir: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    assert.ok(existsSync(join(outDir, file)), `${entry} loads ${file}, which is not in the build`);
    queue.push(...loadedBy(outDir, file));
  }
  return seen;
}

for (const dir of ['chrome-mv3', 'firefox-mv2']) {
  const outDir = join(ROOT, '.output', dir);
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as Manifest;
  const entries = [
    ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
    ...(manifest.background?.scripts ?? []),
    manifest.action?.default_popup ?? manifest.browser_action?.default_popup ?? 'popup.html',
    manifest.options_ui?.page ?? 'options.html',
  ];
  const parserFiles = [...reachable(outDir, LINK_PARSER)];
  const clip = readFileSync(join(outDir, CLIP_SCRIPT), 'utf8');

  describe(`${dir} bundles`, () => {
    it('the markers are real: the clip script carries every one', () => {
      const missing = Object.values(MARKERS)
        .flat()
        .filter((marker) => !clip.includes(marker));
      assert.deepEqual(missing, []);
    });

    it('the link parser page carries the pipeline: Readability and turndown', () => {
      const texts = parserFiles.map((f) => readFileSync(join(outDir, f), 'utf8'));
      const missing = [...(MARKERS.Readability ?? []), ...(MARKERS.turndown ?? [])].filter(
        (marker) => !texts.some((text) => text.includes(marker)),
      );
      assert.deepEqual(missing, []);
    });

    it('every script except the injected ones is loaded by the background, the popup, the options page or the link parser', () => {
      const loaded = new Set([...entries, LINK_PARSER].flatMap((entry) => [...reachable(outDir, entry)]));
      const scripts = walk(outDir)
        .map((path) => relative(outDir, path))
        .filter((file) => file.endsWith('.js') && file !== CLIP_SCRIPT && file !== PICKER_SCRIPT);
      assert.deepEqual(
        scripts.filter((file) => !loaded.has(file)),
        [],
      );
    });

    it('isomorphic-git is in the background, which publishes, and never in the clip script', () => {
      const background = entries[0] ?? '';
      const inBackground = [...reachable(outDir, background)].map((f) =>
        readFileSync(join(outDir, f), 'utf8'),
      );
      assert.deepEqual(
        GIT_MARKERS.filter((marker) => !inBackground.some((text) => text.includes(marker))),
        [],
      );
      assert.deepEqual(
        GIT_MARKERS.filter((marker) => clip.includes(marker)),
        [],
      );
    });

    for (const entry of [...entries, PICKER_SCRIPT]) {
      it(`${entry} and every chunk it loads carry no Readability, turndown or date tables`, () => {
        const carried: string[] = [];
        for (const file of reachable(outDir, entry)) {
          const text = readFileSync(join(outDir, file), 'utf8');
          for (const [what, markers] of Object.entries(MARKERS)) {
            const hits = markers.filter((marker) => text.includes(marker));
            if (hits.length) carried.push(`${file} carries ${what} (${hits.join(', ')})`);
          }
        }
        assert.deepEqual(carried, []);
      });
    }
  });
}
