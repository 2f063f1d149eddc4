// Platform: the full-text search of the pages that search (the popup): loads the saved index, applies the journal
// of clips changed since, or builds it once from every clip, and saves it back. Never rebuilt per popup open.
import { SearchIndex } from '../pure/search-index';
import type { SearchDoc } from '../pure/search-doc';
import { toSearchDoc } from '../pure/search-doc';
import { countCjk } from '../pure/cjk';
import { CJK_WEIGHT } from '../pure/text-weight';
import type { StoredClip } from '../pure/types';
import type { SearchJournal } from './search-journal';

/**
 * Characters of a body that are indexed. A news story's words that matter are near its top; the rest of a long
 * body mostly adds index size and build time (bench:search, `--body-chars`).
 */
export const BODY_INDEX_CHARS = 6_000;
/** Journal entries applied on load before the index is saved again, so loads stay short. */
const RESAVE_AFTER = 25;

/** What the store needs from the library to keep the index. */
export interface SearchSource {
  count(): Promise<number>;
  getClips(ids: string[]): Promise<StoredClip[]>;
  forEachClip(fn: (clip: StoredClip) => void): Promise<number>;
}

export interface FullText {
  /** Ids that match every word, or null while the index is loading or building (the first call starts it). */
  match(query: string): Promise<Set<string> | null>;
  /** Some context wrote clips: apply the journal to a loaded index. */
  changed(): void;
  /** Resolves when the index is ready (for tests and benchmarks). */
  ready(): Promise<void>;
}

/**
 * The start of a body that is indexed: `limit` characters of Latin text, fewer of Chinese or Japanese, where a
 * character carries about 2.5 times as much (text-weight.ts): 6,000 Chinese characters are a whole long story, and
 * their words made a Chinese clip cost several times an English one in index size and build time.
 */
export function indexedBody(body: string, limit = BODY_INDEX_CHARS): string {
  if (body.length <= limit / CJK_WEIGHT) return body;
  const head = body.slice(0, limit);
  const cjkShare = countCjk(head) / head.length;
  const length = Math.round(limit / (1 + cjkShare * (CJK_WEIGHT - 1)));
  return body.length > length ? body.slice(0, length) : body;
}

export function toIndexedDoc(clip: StoredClip): SearchDoc {
  const doc = toSearchDoc(clip);
  const body = indexedBody(doc.body);
  return body === doc.body ? doc : { ...doc, body };
}

export function createFullText(source: SearchSource, journal: SearchJournal): FullText {
  let index: SearchIndex | null = null;
  let applied = 0;
  let loading: Promise<void> | null = null;
  let catchingUp: Promise<void> = Promise.resolve();

  async function applyJournal(target: SearchIndex): Promise<number> {
    const entries = await journal.since(applied);
    if (entries.length === 0) return 0;
    const ids = [...new Set(entries.map((e) => e.id))];
    const found = new Map((await source.getClips(ids)).map((clip) => [clip.id, clip]));
    for (const id of ids) {
      const clip = found.get(id);
      if (clip) target.upsert(toIndexedDoc(clip));
      else target.remove(id);
    }
    applied = entries[entries.length - 1]?.seq ?? applied;
    return entries.length;
  }

  async function build(): Promise<SearchIndex> {
    applied = await journal.last();
    const docs: SearchDoc[] = [];
    await source.forEachClip((clip) => {
      docs.push(toIndexedDoc(clip));
    });
    const built = await SearchIndex.buildAsync(docs);
    // Clips written while it was built are in the journal after `applied`.
    await applyJournal(built);
    await journal.saveSnapshot({ json: built.serialize(), upTo: applied }).catch(() => undefined);
    return built;
  }

  async function load(): Promise<void> {
    const saved = await journal.loadSnapshot().catch(() => undefined);
    let loaded = saved ? await SearchIndex.loadAsync(saved.json) : null;
    if (loaded && saved) {
      applied = saved.upTo;
      const count = await applyJournal(loaded);
      // A lost journal entry (or a cleared library) shows as a count that differs: rebuild rather than miss clips.
      if (loaded.size !== (await source.count())) loaded = null;
      else if (count >= RESAVE_AFTER)
        await journal.saveSnapshot({ json: loaded.serialize(), upTo: applied }).catch(() => undefined);
    }
    index = loaded ?? (await build());
  }

  function start(): Promise<void> {
    loading ??= load().catch(() => {
      loading = null; // Tried again on the next search.
    });
    return loading;
  }

  return {
    match: async (query) => {
      if (!index) {
        void start();
        return null;
      }
      await catchingUp;
      return new Set(index.search(query));
    },
    changed: () => {
      const current = index;
      if (!current) return;
      catchingUp = catchingUp.then(() => applyJournal(current).then(() => undefined)).catch(() => undefined);
    },
    ready: async () => {
      await start();
      await catchingUp;
    },
  };
}
