// Opening the library upgrades an old profile's database with every record kept. Each shipped schema version
// has a fixture (tests/fixtures/store/vN.json: the records as that version stored them) and its schema written
// out below, as that version's code created it; the test builds that database raw, then opens it the current way.
// A new schema version adds its fixture file and one line to SHIPPED.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '../../utils/platform/store';
import { DB_NAME, DB_VERSION, StoreError } from '../../utils/platform/library-db';
import { openLibrary } from '../../utils/platform/store';
import type { ClipSummary, SavedDraft, StoredClip } from '../../utils/pure/types';

interface IndexSchema {
  name: string;
  keyPath: string | string[];
  unique?: boolean;
}

interface StoreSchema {
  name: string;
  keyPath: string;
  indexes: IndexSchema[];
}

interface Fixture {
  version: number;
  stores: Record<string, unknown[]>;
}

// Schema v1 exactly as the v1 release created it (not read from store.ts: an old profile has what shipped).
const V1_SCHEMA: StoreSchema[] = [
  {
    name: 'clips',
    keyPath: 'id',
    indexes: [
      { name: 'by-clipped', keyPath: 'clippedAt' },
      { name: 'by-site', keyPath: 'draft.siteName' },
      {
        name: 'by-published',
        keyPath: ['draft.published.parts.year', 'draft.published.parts.month', 'draft.published.parts.day'],
      },
      { name: 'by-url', keyPath: 'url', unique: true },
    ],
  },
  { name: 'summaries', keyPath: 'id', indexes: [{ name: 'by-clipped', keyPath: 'clippedAt' }] },
];

// Schema v2: v1 without the never-queried `by-site` index.
const V2_SCHEMA: StoreSchema[] = [
  {
    name: 'clips',
    keyPath: 'id',
    indexes: [
      { name: 'by-clipped', keyPath: 'clippedAt' },
      {
        name: 'by-published',
        keyPath: ['draft.published.parts.year', 'draft.published.parts.month', 'draft.published.parts.day'],
      },
      { name: 'by-url', keyPath: 'url', unique: true },
    ],
  },
  { name: 'summaries', keyPath: 'id', indexes: [{ name: 'by-clipped', keyPath: 'clippedAt' }] },
];

// Schema v3: v2 plus the `images` store (kept image files by content hash).
const V3_SCHEMA: StoreSchema[] = [...V2_SCHEMA, { name: 'images', keyPath: 'hash', indexes: [] }];

/** Every shipped schema version, oldest first: `{ version, schema }` plus tests/fixtures/store/v<version>.json. */
const SHIPPED: { version: number; schema: StoreSchema[] }[] = [
  { version: 1, schema: V1_SCHEMA },
  { version: 2, schema: V2_SCHEMA },
  { version: 3, schema: V3_SCHEMA },
];

const LATEST_SCHEMA = SHIPPED[SHIPPED.length - 1]?.schema ?? [];

function loadFixture(version: number): Fixture {
  const path = join(import.meta.dirname, '..', 'fixtures', 'store', `v${version}.json`);
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as Fixture;
  // JSON holds no Blob: an image record's bytes are written as base64 and become a Blob here.
  const images = fixture.stores.images as { blobBase64: string; mime: string }[] | undefined;
  if (images) {
    fixture.stores.images = images.map(({ blobBase64, ...rest }) => ({
      ...rest,
      blob: new Blob([Buffer.from(blobBase64, 'base64')], { type: rest.mime }),
    }));
  }
  return fixture;
}

function toPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('request failed'));
  });
}

/** An old profile: the database at `version` with exactly `schema`, holding `stores`' records. */
async function createRawDatabase(
  factory: IDBFactory,
  version: number,
  schema: StoreSchema[],
  stores: Record<string, unknown[]>,
): Promise<void> {
  const request = factory.open(DB_NAME, version);
  request.onupgradeneeded = () => {
    for (const store of schema) {
      const created = request.result.createObjectStore(store.name, { keyPath: store.keyPath });
      for (const index of store.indexes)
        created.createIndex(index.name, index.keyPath, { unique: index.unique ?? false });
    }
  };
  const db = await toPromise(request);
  const names = Object.keys(stores);
  if (names.length > 0) {
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) for (const record of stores[name] ?? []) tx.objectStore(name).add(record);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    });
  }
  db.close();
}

interface RawDump {
  version: number;
  schema: StoreSchema[];
  stores: Record<string, unknown[]>;
}

/** The database as it now is on disk: version, stores with their indexes, and every record. */
async function dumpRawDatabase(factory: IDBFactory): Promise<RawDump> {
  const db = await toPromise(factory.open(DB_NAME));
  const names = Array.from(db.objectStoreNames);
  const schema: StoreSchema[] = [];
  const stores: Record<string, unknown[]> = {};
  if (names.length > 0) {
    const tx = db.transaction(names, 'readonly');
    for (const name of names) {
      const store = tx.objectStore(name);
      const indexes = Array.from(store.indexNames).map((indexName): IndexSchema => {
        const index = store.index(indexName);
        return { name: indexName, keyPath: index.keyPath, unique: index.unique };
      });
      schema.push({ name, keyPath: String(store.keyPath), indexes });
      stores[name] = await toPromise(store.getAll());
    }
  }
  db.close();
  return { version: db.version, schema, stores };
}

function normalizeSchema(schema: StoreSchema[]): StoreSchema[] {
  return schema
    .map((store) => ({
      ...store,
      indexes: store.indexes
        .map((index) => ({ ...index, unique: index.unique ?? false }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const opened: Library[] = [];
async function open(factory: IDBFactory): Promise<Library> {
  const lib = await openLibrary(factory);
  opened.push(lib);
  return lib;
}

afterEach(() => {
  for (const lib of opened.splice(0)) lib.close();
});

async function listAll(lib: Library, limit: number): Promise<ClipSummary[]> {
  const all: ClipSummary[] = [];
  let after: number | null = null;
  for (let page = 0; page < 100; page++) {
    const result = await lib.listSummaries({ after, limit });
    all.push(...result.items);
    if (result.next === null) return all;
    after = result.next;
  }
  throw new Error('listSummaries never ended');
}

it('has a fixture and a schema for every shipped version, up to the current DB_VERSION', () => {
  expect(SHIPPED.map((s) => s.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  for (const { version } of SHIPPED) expect(loadFixture(version).version).toBe(version);
});

describe.each(SHIPPED)('upgrade from schema v$version', ({ version, schema }) => {
  const fixture = loadFixture(version);
  const clips = (fixture.stores.clips ?? []) as StoredClip[];
  const summaries = (fixture.stores.summaries ?? []) as ClipSummary[];

  async function openUpgraded(): Promise<{ factory: IDBFactory; lib: Library }> {
    const factory = new IDBFactory();
    await createRawDatabase(factory, version, schema, fixture.stores);
    return { factory, lib: await open(factory) };
  }

  it('the fixture is realistic: several clips, one Chinese, one edited', () => {
    expect(clips.length).toBeGreaterThanOrEqual(3);
    expect(clips.some((clip) => clip.draft.lang?.startsWith('zh'))).toBe(true);
    expect(clips.some((clip) => Object.keys(clip.edits).length > 0)).toBe(true);
  });

  it('keeps every record intact and readable', async () => {
    const { lib } = await openUpgraded();
    expect(await lib.count()).toBe(clips.length);
    for (const clip of clips) expect(await lib.getClip(clip.id)).toEqual(clip);
    expect(await lib.getClips(clips.map((clip) => clip.id))).toEqual(clips);
    const visited: StoredClip[] = [];
    expect(await lib.forEachClip((clip) => void visited.push(clip))).toBe(clips.length);
    expect(visited.map((clip) => clip.id).sort()).toEqual(clips.map((clip) => clip.id).sort());
  });

  it('lists every summary newest first, whole or paged', async () => {
    const { lib } = await openUpgraded();
    const newestFirst = [...summaries].sort((a, b) => b.clippedAt - a.clippedAt);
    expect(await listAll(lib, 100)).toEqual(newestFirst);
    expect(await listAll(lib, 1)).toEqual(newestFirst);
    const chinese = clips.find((clip) => clip.draft.lang?.startsWith('zh'));
    const word = chinese?.draft.siteName?.slice(0, 4) ?? '';
    const found = await lib.listSummaries({ limit: 10, query: word });
    expect(found.items.map((item) => item.id)).toContain(chinese?.id);
  });

  it('finds each clip by URL (fragment ignored) and updates in place on a re-clip', async () => {
    const { lib } = await openUpgraded();
    for (const clip of clips) expect((await lib.findByUrl(`${clip.url}#section`))?.id).toBe(clip.id);
    const edited = clips.find((clip) => Object.keys(clip.edits).length > 0);
    if (!edited) throw new Error('fixture has no edited clip');
    const draft: SavedDraft = { ...edited.draft, title: 'Re-clipped' };
    const { clip, isUpdate } = await lib.saveDraft(draft, 'new body', edited.updatedAt + 1000);
    expect(isUpdate).toBe(true);
    expect(clip.id).toBe(edited.id);
    expect(clip.edits).toEqual(edited.edits);
    expect(await lib.count()).toBe(clips.length);
  });

  it('leaves the current schema with all records, and opening again changes nothing', async () => {
    const { factory, lib } = await openUpgraded();
    lib.close();
    const first = await dumpRawDatabase(factory);
    expect(first.version).toBe(DB_VERSION);
    expect(normalizeSchema(first.schema)).toEqual(normalizeSchema(LATEST_SCHEMA));
    expect(first.stores.clips).toHaveLength(clips.length);
    const again = await open(factory);
    expect(await again.count()).toBe(clips.length);
    again.close();
    expect(await dumpRawDatabase(factory)).toEqual(first);
  });
});

describe('images after the upgrade to v3', () => {
  it.each([1, 2])('a v%i profile gets an empty images store and can keep images', async (version) => {
    const shipped = SHIPPED.find((s) => s.version === version);
    if (!shipped) throw new Error(`no schema v${version}`);
    const factory = new IDBFactory();
    await createRawDatabase(factory, version, shipped.schema, loadFixture(version).stores);
    const lib = await open(factory);
    expect(await lib.imageUsage()).toEqual({ count: 0, bytes: 0 });
    const [first] = (loadFixture(version).stores.clips ?? []) as StoredClip[];
    if (!first) throw new Error('empty fixture');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const hash = 'a'.repeat(64);
    const outcome = {
      url: 'https://x.test/a.png',
      originalUrl: 'https://x.test/a.png',
      status: 'kept' as const,
    };
    await lib.saveDraft(first.draft, 'body', first.updatedAt + 1, undefined, {
      outcomes: [{ ...outcome, hash, ext: 'png', size: bytes.length }],
      pending: [{ hash, bytes, type: 'png', mime: 'image/png', ext: 'png' }],
    });
    expect(await lib.imageUsage()).toEqual({ count: 1, bytes: bytes.length });
    expect((await lib.getImage(hash))?.refcount).toBe(1);
  });

  it('a v3 profile keeps its image files and their counts', async () => {
    const fixture = loadFixture(3);
    const factory = new IDBFactory();
    await createRawDatabase(factory, 3, V3_SCHEMA, fixture.stores);
    const lib = await open(factory);
    const [record] = (fixture.stores.images ?? []) as { hash: string; size: number }[];
    if (!record) throw new Error('v3 fixture has no image');
    const stored = await lib.getImage(record.hash);
    expect(stored?.refcount).toBe(1);
    expect(new Uint8Array(await (stored?.blob ?? new Blob()).arrayBuffer())).toHaveLength(record.size);
    expect(await lib.imageUsage()).toEqual({ count: 1, bytes: record.size });
  });
});

describe('other starting points', () => {
  it('a new profile (no database, v0) opens empty with the current schema', async () => {
    const factory = new IDBFactory();
    const lib = await open(factory);
    expect(await lib.count()).toBe(0);
    expect(await lib.listSummaries({ limit: 10 })).toEqual({ items: [], next: null });
    lib.close();
    const dump = await dumpRawDatabase(factory);
    expect(dump.version).toBe(DB_VERSION);
    expect(normalizeSchema(dump.schema)).toEqual(normalizeSchema(LATEST_SCHEMA));
  });

  it('a database from a newer version (a downgrade) is refused with a StoreError, and its data kept', async () => {
    const factory = new IDBFactory();
    const future = DB_VERSION + 1;
    const fixture = loadFixture(DB_VERSION);
    await createRawDatabase(factory, future, LATEST_SCHEMA, fixture.stores);
    const attempt = openLibrary(factory);
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({ code: 'storage-failed' });
    const dump = await dumpRawDatabase(factory);
    expect(dump.version).toBe(future);
    expect(dump.stores.clips).toEqual(
      [...((fixture.stores.clips ?? []) as StoredClip[])].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});
