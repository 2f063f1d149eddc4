// Pure: the library's full-text index (MiniSearch): titles, bodies, authors, sites, tags and dates, CJK included.
// Updated one clip at a time and saved as JSON, so the popup loads it instead of rebuilding from every body.
import type { AsPlainObject, Options, Query } from 'minisearch';
import { CJK_CHAR } from './cjk';
import MiniSearch from 'minisearch';
import type { SearchDoc } from './search-doc';
import type { Tokenize, TokenizerKind } from './search-tokenize';
import { availableTokenizer, createTokenizer, normalizeTerm } from './search-tokenize';

/** Bump when the fields, the tokenizer or the term normalisation change: a saved index of another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 2;

/** Milliseconds of indexing between two yields in `buildAsync`: short enough for a typed key to show. */
const BUILD_SLICE_MS = 30;
const FIELDS = ['title', 'body', 'author', 'site', 'tags', 'published', 'clipped'];
/** Where a short prefix is looked up: expanding `t` over every body word costs ~100 ms at 2,000 clips. */
const SHORT_PREFIX_FIELDS = ['author', 'site', 'tags', 'published', 'clipped'];
/**
 * How long the word being typed must be (in characters) to be a prefix in titles and bodies; a shorter one is a
 * prefix only in the small fields and a whole word anywhere. A lone Latin letter is only a whole word: as a prefix
 * it matches most of the library and costs most.
 */
const MIN_PREFIX = { latin: { small: 2, all: 3 }, cjk: { small: 1, all: 2 } };
/** A hit in the title outranks one in the tags, which outranks one in the body. */
const BOOST = { title: 4, tags: 2, site: 1.5, author: 1.5 };

interface SavedIndex {
  version: number;
  tokenizer: TokenizerKind;
  index: unknown;
}

export interface SearchIndexOptions {
  /** Defaults to what the runtime offers (`availableTokenizer()`); tests pass `bigram` to exercise the fallback. */
  tokenizer?: TokenizerKind;
}

function extractField(doc: SearchDoc, field: string): string {
  switch (field) {
    case 'id':
      return doc.id;
    case 'tags':
      return doc.tags.join(' ');
    case 'published':
      return doc.published ?? '';
    default: {
      const value: unknown = doc[field as keyof SearchDoc];
      return typeof value === 'string' ? value : '';
    }
  }
}

/**
 * The terms a field is indexed under: normalised, each once. The popup orders matches by date, never by score, so
 * how often a term occurs does not matter; counting every occurrence made the index build three times slower.
 */
function indexTerms(tokenize: Tokenize): Tokenize {
  return (text) => {
    const terms = new Set<string>();
    for (const token of tokenize(text)) {
      const term = normalizeTerm(token);
      if (term !== null) terms.add(term);
    }
    return [...terms];
  };
}

/** Index terms are already normalised by `indexTerms`. */
const asIndexed = (term: string): string => term;

function miniSearchOptions(tokenize: Tokenize): Options<SearchDoc> {
  return {
    fields: FIELDS,
    storeFields: [],
    extractField,
    tokenize: indexTerms(tokenize),
    processTerm: asIndexed,
    searchOptions: {
      tokenize,
      processTerm: normalizeTerm,
      boost: BOOST,
      combineWith: 'AND',
    },
  };
}

/** The clip search index. Ids come back best match first. */
export class SearchIndex {
  readonly tokenizer: TokenizerKind;
  private readonly mini: MiniSearch<SearchDoc>;
  private readonly tokenize: Tokenize;

  private constructor(tokenizer: TokenizerKind, mini: MiniSearch<SearchDoc>) {
    this.tokenizer = tokenizer;
    this.mini = mini;
    this.tokenize = createTokenizer(tokenizer);
  }

  /** A new index holding `docs`. */
  static build(docs: Iterable<SearchDoc> = [], options: SearchIndexOptions = {}): SearchIndex {
    const tokenizer = options.tokenizer ?? availableTokenizer();
    const mini = new MiniSearch<SearchDoc>(miniSearchOptions(createTokenizer(tokenizer)));
    const index = new SearchIndex(tokenizer, mini);
    for (const doc of docs) index.upsert(doc);
    return index;
  }

  /**
   * The same as `build`, in slices of about `BUILD_SLICE_MS` that yield to the event loop between them, so a page
   * stays responsive while thousands of clips are indexed. A repeated id keeps its last version.
   */
  static async buildAsync(docs: Iterable<SearchDoc>, options: SearchIndexOptions = {}): Promise<SearchIndex> {
    const tokenizer = options.tokenizer ?? availableTokenizer();
    const mini = new MiniSearch<SearchDoc>(miniSearchOptions(createTokenizer(tokenizer)));
    const unique = new Map<string, SearchDoc>();
    for (const doc of docs) unique.set(doc.id, doc);
    // Sliced by time, not by count: a fixed count of 20 clips yielded 500 times for 10,000 clips, and each yield
    // costs at least a clamped timer (4 ms, or a second in a background tab).
    let sliceStart = Date.now();
    for (const doc of unique.values()) {
      mini.add(doc);
      if (Date.now() - sliceStart >= BUILD_SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }
    return new SearchIndex(tokenizer, mini);
  }

  /**
   * The index saved by `serialize`, or null when it cannot be used: another version, another tokenizer than this
   * runtime's (or the one asked for), or text that is not a saved index. The caller then rebuilds from the clips.
   */
  static load(json: string, options: SearchIndexOptions = {}): SearchIndex | null {
    const tokenizer = options.tokenizer ?? availableTokenizer();
    const saved = parseSaved(json, tokenizer);
    if (!saved) return null;
    try {
      return new SearchIndex(
        tokenizer,
        MiniSearch.loadJS<SearchDoc>(saved, miniSearchOptions(createTokenizer(tokenizer))),
      );
    } catch {
      return null;
    }
  }

  /** The same as `load`, rebuilding the index's maps in batches that yield to the event loop. */
  static async loadAsync(json: string, options: SearchIndexOptions = {}): Promise<SearchIndex | null> {
    const tokenizer = options.tokenizer ?? availableTokenizer();
    const saved = parseSaved(json, tokenizer);
    if (!saved) return null;
    try {
      const mini = await MiniSearch.loadJSAsync<SearchDoc>(
        saved,
        miniSearchOptions(createTokenizer(tokenizer)),
      );
      return new SearchIndex(tokenizer, mini);
    } catch {
      return null;
    }
  }

  get size(): number {
    return this.mini.documentCount;
  }

  has(id: string): boolean {
    return this.mini.has(id);
  }

  /** Adds the clip, or replaces the version already indexed under its id. */
  upsert(doc: SearchDoc): void {
    if (this.mini.has(doc.id)) this.mini.discard(doc.id);
    this.mini.add(doc);
  }

  /** Forgets the clip; an id not in the index is ignored (a delete may race a rebuild). */
  remove(id: string): void {
    if (this.mini.has(id)) this.mini.discard(id);
  }

  /**
   * Ids of the clips that contain every word of the query (the last one as a prefix), best first.
   * A query with no searchable word gives [].
   */
  search(query: string): string[] {
    const words = this.tokenize(query);
    const last = words.pop();
    if (last === undefined) return [];
    // Only the word being typed is a prefix: "tidal po" finds "tidal power", not every word starting with "tidal".
    const queries: Query[] = words.map((word) => ({ queries: [word], prefix: false }));
    queries.push(this.lastWordQuery(last));
    return this.mini.search({ combineWith: 'AND', queries }).map((result) => String(result.id));
  }

  private lastWordQuery(word: string): Query {
    const length = Array.from(word).length;
    const min = CJK_CHAR.test(word) ? MIN_PREFIX.cjk : MIN_PREFIX.latin;
    if (length >= min.all) return { queries: [word], prefix: true };
    if (length < min.small) return { queries: [word], prefix: false };
    return {
      combineWith: 'OR',
      queries: [
        { queries: [word], prefix: false },
        { queries: [word], prefix: true, fields: SHORT_PREFIX_FIELDS },
      ],
    };
  }

  /** JSON text for `SearchIndex.load`. */
  serialize(): string {
    const saved: SavedIndex = { version: SEARCH_INDEX_VERSION, tokenizer: this.tokenizer, index: this.mini };
    return JSON.stringify(saved);
  }
}

interface Scheduler {
  yield(): Promise<void>;
}

/** `scheduler.yield()` where the runtime has it (Chromium): it resumes first, with no timer clamp. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** MiniSearch's part of a saved index when the envelope fits this version and tokenizer; MiniSearch checks the rest
 * (and its own serialization version) and throws on anything else. */
function parseSaved(json: string, tokenizer: TokenizerKind): AsPlainObject | null {
  let saved: unknown;
  try {
    saved = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isSavedIndex(saved) || saved.version !== SEARCH_INDEX_VERSION || saved.tokenizer !== tokenizer)
    return null;
  return saved.index as AsPlainObject;
}

function isSavedIndex(value: unknown): value is SavedIndex {
  return (
    typeof value === 'object' &&
    value !== null &&
    'version' in value &&
    'tokenizer' in value &&
    'index' in value &&
    typeof value.index === 'object' &&
    value.index !== null
  );
}
