// Platform: publishes into a local folder the user picked (File System Access API) or the origin-private file
// system: the same `{ path, bytes }` files as a Git publish, each written atomically, never outside the folder.
import type { PublishFile, PublishResult } from '../../pure/publish/publish-files';
import { checkPublishFiles, publishFailure } from '../../pure/publish/publish-files';
import { errorMessage } from '../../pure/error-message';

/** The part of FileSystemWritableFileStream we use: the bytes reach the file only at close(). */
export interface WritableLike {
  write(data: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

export interface FileHandleLike {
  createWritable(options?: { keepExistingData?: boolean }): Promise<WritableLike>;
}

/** The part of FileSystemDirectoryHandle we use; the permission methods exist on a picked folder only. */
export interface DirectoryHandleLike {
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandleLike>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}

export interface FolderPublishSuccess {
  /** Paths written, in order. */
  written: string[];
}

/**
 * Whether we may write to the folder, asking once when the browser forgot the grant (it does after a restart:
 * the handle kept in IndexedDB survives, the permission does not). `requestPermission` needs a user gesture,
 * so call this from the click that publishes. A handle with no permission methods (OPFS) is always writable.
 */
export async function ensureWritePermission(root: DirectoryHandleLike): Promise<boolean> {
  const descriptor = { mode: 'readwrite' } as const;
  if (!root.queryPermission) return true;
  if ((await root.queryPermission(descriptor)) === 'granted') return true;
  if (!root.requestPermission) return false;
  return (await root.requestPermission(descriptor)) === 'granted';
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

function toFailure(error: unknown, path: string, written: string[]) {
  const message = errorMessage(error);
  const detail = `${path}: ${message} (${written.length} file(s) written before it)`;
  switch (errorName(error)) {
    case 'QuotaExceededError':
      return publishFailure('quota-exceeded', detail);
    case 'NotAllowedError':
    case 'SecurityError':
      return publishFailure('publish-auth', detail);
    case 'NotFoundError':
      // The folder was moved or deleted since it was picked.
      return publishFailure('publish-not-found', detail);
    default:
      // TypeMismatchError: a file stands where a folder must be, or the other way round.
      return publishFailure('publish-failed', detail);
  }
}

/** Writes one file; on any error the stream is aborted, so the old file (if any) stays as it was. */
async function writeOne(root: DirectoryHandleLike, file: PublishFile): Promise<void> {
  const segments = file.path.split('/');
  const name = segments.pop() ?? '';
  let folder = root;
  for (const segment of segments) folder = await folder.getDirectoryHandle(segment, { create: true });
  const handle = await folder.getFileHandle(name, { create: true });
  const stream = await handle.createWritable({ keepExistingData: false });
  try {
    // A copy on its own ArrayBuffer: the stream takes BufferSource, and a view on a shared buffer is not one.
    await stream.write(new Uint8Array(file.bytes));
  } catch (error) {
    await stream.abort(error).catch(() => undefined);
    throw error;
  }
  await stream.close();
}

/**
 * Writes every file under `root`, creating folders as needed. Each file is replaced atomically (the browser
 * writes a swap file and moves it into place at close), but a folder has no multi-file transaction: when file n
 * fails, files 1..n-1 stay written, and the failure says how many. Paths are checked first, so nothing is written
 * when any path would leave the folder. Never throws.
 */
export async function publishToFolder(
  root: DirectoryHandleLike,
  files: readonly PublishFile[],
): Promise<PublishResult<FolderPublishSuccess>> {
  const invalid = checkPublishFiles(files);
  if (invalid) return invalid;
  try {
    if (!(await ensureWritePermission(root)))
      return publishFailure('publish-auth', 'no permission to write to the folder');
  } catch (error) {
    return toFailure(error, '.', []);
  }
  const written: string[] = [];
  for (const file of files) {
    try {
      await writeOne(root, file);
    } catch (error) {
      return toFailure(error, file.path, written);
    }
    written.push(file.path);
  }
  return { ok: true, value: { written } };
}
