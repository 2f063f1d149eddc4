// Platform: the local folder the user picked, kept as a FileSystemDirectoryHandle in a small IndexedDB database of
// its own (the library's schema belongs to the library). The handle survives restarts; its permission may not.
import type { IDBPDatabase } from 'idb';
import { openDB } from 'idb';
import type { DirectoryHandleLike } from './folder-writer';

export const PUBLISH_DB_NAME = 'postclip-publish';
const STORE = 'handles';
const ROOT_KEY = 'root';

/** A picked folder: the writer's interface plus the name the options page shows. */
export type FolderHandle = DirectoryHandleLike & { name: string };

function openHandles(): Promise<IDBPDatabase> {
  return openDB(PUBLISH_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });
}

export async function saveFolderHandle(handle: FolderHandle): Promise<void> {
  const db = await openHandles();
  try {
    await db.put(STORE, handle, ROOT_KEY);
  } finally {
    db.close();
  }
}

export async function loadFolderHandle(): Promise<FolderHandle | null> {
  const db = await openHandles();
  try {
    const handle: unknown = await db.get(STORE, ROOT_KEY);
    return isFolderHandle(handle) ? handle : null;
  } finally {
    db.close();
  }
}

export async function clearFolderHandle(): Promise<void> {
  const db = await openHandles();
  try {
    await db.delete(STORE, ROOT_KEY);
  } finally {
    db.close();
  }
}

function isFolderHandle(value: unknown): value is FolderHandle {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { getDirectoryHandle?: unknown }).getDirectoryHandle === 'function'
  );
}
