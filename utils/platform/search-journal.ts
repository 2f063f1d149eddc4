// Platform: the saved full-text index and the journal of clips changed since it was saved, in their own IndexedDB
// database (`postclip-search`), so the library's schema stays untouched. Writers only append ids (cheap, no index
// loaded: the background clips without MiniSearch); the page that searches applies them to its index.
import type { DBSchema, IDBPDatabase } from 'idb';
import { wrap } from 'idb';

export const SEARCH_DB_NAME = 'postclip-search';
const SEARCH_DB_VERSION = 1;
const SNAPSHOT_KEY = 'main';

export interface Snapshot {
  /** `SearchIndex.serialize()` text. */
  json: string;
  /** The last journal entry the snapshot includes (0: none). */
  upTo: number;
}

interface SearchDB extends DBSchema {
  snapshot: { key: string; value: Snapshot };
  /** Ids of clips saved, edited or deleted, in order. A missing clip means deleted. */
  journal: { key: number; value: { id: string } };
}

export interface JournalEntry {
  seq: number;
  id: string;
}

export interface SearchJournal {
  /** Records that these clips changed; never throws (a lost entry is caught by the count check on load). */
  append(ids: string[]): Promise<void>;
  /** Entries after `seq`, oldest first. */
  since(seq: number): Promise<JournalEntry[]>;
  /** The newest entry's seq, or 0. */
  last(): Promise<number>;
  loadSnapshot(): Promise<Snapshot | undefined>;
  /** Saves the index and drops the journal entries it includes. */
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  close(): void;
}

export function openSearchJournal(factory: IDBFactory): SearchJournal {
  let db: Promise<IDBPDatabase<SearchDB>> | null = null;
  const connect = (): Promise<IDBPDatabase<SearchDB>> => {
    if (!db) {
      const request = factory.open(SEARCH_DB_NAME, SEARCH_DB_VERSION);
      request.addEventListener('upgradeneeded', () => {
        request.result.createObjectStore('snapshot');
        request.result.createObjectStore('journal', { autoIncrement: true });
      });
      const opening = wrap(request) as Promise<unknown> as Promise<IDBPDatabase<SearchDB>>;
      opening.catch(() => {
        if (db === opening) db = null;
      });
      db = opening;
    }
    return db;
  };
  return {
    append: async (ids) => {
      if (ids.length === 0) return;
      try {
        const tx = (await connect()).transaction('journal', 'readwrite');
        for (const id of ids) void tx.store.add({ id });
        await tx.done;
      } catch {
        // The index is only a search aid: the clip itself is saved.
      }
    },
    since: async (seq) => {
      const tx = (await connect()).transaction('journal');
      const entries: JournalEntry[] = [];
      let cursor = await tx.store.openCursor(IDBKeyRange.lowerBound(seq, true));
      while (cursor) {
        entries.push({ seq: cursor.key, id: cursor.value.id });
        cursor = await cursor.continue();
      }
      return entries;
    },
    last: async () => {
      const cursor = await (await connect()).transaction('journal').store.openCursor(null, 'prev');
      return cursor?.key ?? 0;
    },
    loadSnapshot: async () => (await connect()).get('snapshot', SNAPSHOT_KEY),
    saveSnapshot: async (snapshot) => {
      const tx = (await connect()).transaction(['snapshot', 'journal'], 'readwrite');
      void tx.objectStore('snapshot').put(snapshot, SNAPSHOT_KEY);
      if (snapshot.upTo > 0) void tx.objectStore('journal').delete(IDBKeyRange.upperBound(snapshot.upTo));
      await tx.done;
    },
    close: () => {
      const current = db;
      db = null;
      current?.then((d) => d.close()).catch(() => undefined);
    },
  };
}
