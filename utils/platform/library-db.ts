// Platform: the library's IndexedDB database: its schema, its versioned upgrade steps, and opening it with a
// time limit. store.ts builds the Library on top; this file knows nothing of clips beyond their indexes.
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { wrap } from 'idb';
import { errorMessage } from '../pure/error-message';
import type { ErrorCode } from '../pure/result';
import type { ImageType } from '../pure/images/sniff';
import type { ClipSummary, StoredClip } from '../pure/types';

/** One kept image file (v3), shared by every clip that holds the same bytes. */
export interface StoredImage {
  /** SHA-256 of the bytes (utils/pure/images/hash.ts). */
  hash: string;
  blob: Blob;
  type: ImageType;
  mime: string;
  ext: string;
  size: number;
  /** How many clips hold it. At 0 it waits out the undo window (`orphanedAt`) before it is removed. */
  refcount: number;
  addedAt: number;
  orphanedAt?: number;
}

export const DB_NAME = 'postclip';
export const DB_VERSION = 3;

/** The current schema. `by-site` (v1) was never queried and is dropped in v2. */
export interface PostclipDB extends DBSchema {
  clips: {
    key: string;
    value: StoredClip;
    indexes: {
      'by-clipped': number;
      /** Published day as [year, month, day]; clips without a published date are not in it. */
      'by-published': [number, number, number];
      'by-url': string;
    };
  };
  summaries: { key: string; value: ClipSummary; indexes: { 'by-clipped': number } };
  images: { key: string; value: StoredImage };
}

export type Database = IDBPDatabase<PostclipDB>;
export type WriteTx = IDBPTransaction<PostclipDB, ['clips', 'summaries', 'images'], 'readwrite'>;
export const WRITE_STORES = ['clips', 'summaries', 'images'] as const;
/** An object store by index names that are no longer in the schema type (old upgrade steps). */
interface IndexNames {
  createIndex(name: string, keyPath: string): unknown;
  deleteIndex(name: string): void;
}

type UpgradeTx = IDBPTransaction<PostclipDB, ('clips' | 'summaries' | 'images')[], 'versionchange'>;

export class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'StoreError';
  }
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

export function toStoreError(error: unknown, txError?: DOMException | null): StoreError {
  if (error instanceof StoreError) return error;
  if (errorName(error) === 'QuotaExceededError' || txError?.name === 'QuotaExceededError') {
    return new StoreError('quota-exceeded', 'The browser refused more storage.');
  }
  return new StoreError('storage-failed', errorMessage(error));
}

/** Cumulative upgrade steps: version n adds `if (oldVersion < n) { … }` below and never edits earlier steps. */
function upgradeDatabase(db: Database, oldVersion: number, transaction: UpgradeTx): void {
  if (oldVersion < 1) {
    const clips = db.createObjectStore('clips', { keyPath: 'id' });
    clips.createIndex('by-clipped', 'clippedAt');
    // Dropped in v2; the v1 step stays as shipped, so it is created here untyped.
    (clips as unknown as IndexNames).createIndex('by-site', 'draft.siteName');
    // A day key sorts correctly; clips without a published date are simply not in this index.
    clips.createIndex('by-published', [
      'draft.published.parts.year',
      'draft.published.parts.month',
      'draft.published.parts.day',
    ]);
    clips.createIndex('by-url', 'url', { unique: true });
    const summaries = db.createObjectStore('summaries', { keyPath: 'id' });
    summaries.createIndex('by-clipped', 'clippedAt');
  }
  if (oldVersion < 2) {
    // v2: `by-site` was never queried; the library sorts by published day through `by-published` instead.
    // A new profile gets it from the v1 step above and loses it here, like everyone else.
    (transaction.objectStore('clips') as unknown as IndexNames).deleteIndex('by-site');
  }
  if (oldVersion < 3) {
    // v3: kept image files, by content hash. Clips without `images` need nothing: missing means none.
    db.createObjectStore('images', { keyPath: 'hash' });
  }
}

/**
 * How long an open may wait. Opens queue behind an upgrade that another context's old connection blocks; without a
 * limit every clip and list would hang with it (a spinner that never stops).
 */
export const OPEN_TIMEOUT_MS = 5_000;

export function openDatabase(factory: IDBFactory, onLost: () => void, timeoutMs: number): Promise<Database> {
  const request = factory.open(DB_NAME, DB_VERSION);
  let isAbandoned = false;
  request.addEventListener('upgradeneeded', (event) => {
    upgradeDatabase(
      wrap(request.result) as unknown as Database,
      event.oldVersion,
      wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx,
    );
  });
  const opening = (wrap(request) as Promise<unknown> as Promise<Database>).then((db) => {
    // The caller gave up: a connection that arrives late is closed, or it would block the next upgrade.
    if (isAbandoned) {
      db.close();
      throw new StoreError('storage-failed', 'The library opened too late.');
    }
    // Closed by the browser (storage cleared) or asked to make way for a newer version in another context.
    const drop = (): void => {
      db.close();
      onLost();
    };
    db.addEventListener('close', onLost);
    db.addEventListener('versionchange', drop);
    return db;
  });
  return new Promise<Database>((resolve, reject) => {
    const timer = setTimeout(() => {
      isAbandoned = true;
      reject(
        new StoreError(
          'storage-failed',
          'The library is busy: another Postclip window is holding it during an upgrade. Close other Postclip windows and try again.',
        ),
      );
    }, timeoutMs);
    opening.then(
      (db) => {
        clearTimeout(timer);
        resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // idb rejects with the request's DOMException (an Error); anything else is wrapped.
        reject(error instanceof Error ? error : toStoreError(error));
      },
    );
  });
}
