// Runs INSIDE an extension page (bundled by library.ts with esbuild): fills the real IndexedDB library through the
// store's own saveDraft, so records, summaries, keys and indexes are exactly what a user's clips would be.
import { openLibrary } from '../../utils/platform/store';
import { toMarkdownKey } from '../../utils/pure/markdown-key';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';
import { makeBenchClip } from './library-fixtures';

// Clips made by the clipper carry the key of the style that converted them; export reuses their Markdown.
const MARKDOWN_KEY = toMarkdownKey(DEFAULT_MARKDOWN_STYLE);

/** Clips saved concurrently: each is its own transaction, as in the extension; a window keeps the queue short. */
const IN_FLIGHT = 64;

export interface FillReport {
  saved: number;
  count: number;
  ms: number;
  htmlBytes: number;
  markdownBytes: number;
}

async function fillLibrary(count: number): Promise<FillReport> {
  const started = performance.now();
  const library = await openLibrary();
  let htmlBytes = 0;
  let markdownBytes = 0;
  let saved = 0;
  try {
    // A reused profile (--profile) that already holds the library is measured as it is.
    const existing = await library.count();
    if (existing >= count) return { saved: 0, count: existing, ms: 0, htmlBytes: 0, markdownBytes: 0 };
    for (let start = 0; start < count; start += IN_FLIGHT) {
      const batch = [];
      for (let index = start; index < Math.min(count, start + IN_FLIGHT); index += 1) {
        const clip = makeBenchClip(index, count);
        htmlBytes += clip.draft.contentHtml.length;
        markdownBytes += clip.markdown.length;
        batch.push(library.saveDraft(clip.draft, clip.markdown, clip.clippedAt, MARKDOWN_KEY));
      }
      const results = await Promise.all(batch);
      saved += results.filter((r) => !r.isUpdate).length;
    }
    return { saved, count: await library.count(), ms: performance.now() - started, htmlBytes, markdownBytes };
  } finally {
    // The popup under test must not share this page's connection.
    library.close();
  }
}

(globalThis as { postclipBenchFill?: typeof fillLibrary }).postclipBenchFill = fillLibrary;
