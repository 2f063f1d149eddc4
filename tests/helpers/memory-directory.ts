// Test helper: an in-memory FileSystemDirectoryHandle with the rules the browser applies — names are one segment,
// a file and a folder never share a name, bytes land only when the writable stream closes, and an optional quota.
import type {
  DirectoryHandleLike,
  FileHandleLike,
  WritableLike,
} from '../../utils/platform/publish/folder-writer';

function domError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

function checkName(name: string): void {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\'))
    throw new TypeError(`Name is not allowed: ${JSON.stringify(name)}`);
}

/** Shared by every folder of one tree: the bytes stored so far and the quota. */
interface Disk {
  used: number;
  quota: number;
  /** Fails the write of a file with this name, once: a disk error mid-publish. */
  failName: string | null;
}

export class MemoryFile implements FileHandleLike {
  bytes = new Uint8Array(0);

  constructor(
    readonly name: string,
    private readonly disk: Disk,
  ) {}

  createWritable(): Promise<WritableLike> {
    const chunks: Uint8Array[] = [];
    let isOpen = true;
    const stream: WritableLike = {
      write: (data) => {
        if (!isOpen) return Promise.reject(new TypeError('stream is closed'));
        if (this.disk.failName === this.name) {
          this.disk.failName = null;
          return Promise.reject(domError('InvalidStateError', 'disk error'));
        }
        const size = chunks.reduce((n, c) => n + c.length, 0) + data.length;
        if (this.disk.used - this.bytes.length + size > this.disk.quota)
          return Promise.reject(domError('QuotaExceededError', 'quota exceeded'));
        chunks.push(data.slice());
        return Promise.resolve();
      },
      close: () => {
        if (!isOpen) return Promise.reject(new TypeError('stream is closed'));
        isOpen = false;
        const next = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let offset = 0;
        for (const chunk of chunks) {
          next.set(chunk, offset);
          offset += chunk.length;
        }
        this.disk.used += next.length - this.bytes.length;
        this.bytes = next;
        return Promise.resolve();
      },
      abort: () => {
        isOpen = false;
        return Promise.resolve();
      },
    };
    return Promise.resolve(stream);
  }
}

export class MemoryDirectory implements DirectoryHandleLike {
  readonly entries = new Map<string, MemoryDirectory | MemoryFile>();
  permission: PermissionState | null = null;
  /** What requestPermission answers. */
  answer: PermissionState = 'granted';

  constructor(private readonly disk: Disk = { used: 0, quota: Number.POSITIVE_INFINITY, failName: null }) {}

  setQuota(bytes: number): void {
    this.disk.quota = bytes;
  }

  failNextWriteOf(name: string): void {
    this.disk.failName = name;
  }

  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<MemoryDirectory> {
    checkName(name);
    const entry = this.entries.get(name);
    if (entry instanceof MemoryDirectory) return Promise.resolve(entry);
    if (entry) return Promise.reject(domError('TypeMismatchError', `${name} is a file`));
    if (!options?.create) return Promise.reject(domError('NotFoundError', `${name} not found`));
    const created = new MemoryDirectory(this.disk);
    this.entries.set(name, created);
    return Promise.resolve(created);
  }

  getFileHandle(name: string, options?: { create?: boolean }): Promise<MemoryFile> {
    checkName(name);
    const entry = this.entries.get(name);
    if (entry instanceof MemoryFile) return Promise.resolve(entry);
    if (entry) return Promise.reject(domError('TypeMismatchError', `${name} is a folder`));
    if (!options?.create) return Promise.reject(domError('NotFoundError', `${name} not found`));
    const created = new MemoryFile(name, this.disk);
    this.entries.set(name, created);
    return Promise.resolve(created);
  }

  /** Every file under this folder as `path → text`. */
  listFiles(prefix = ''): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const [name, entry] of this.entries) {
      if (entry instanceof MemoryFile) out.set(`${prefix}${name}`, entry.bytes);
      else for (const [path, bytes] of entry.listFiles(`${prefix}${name}/`)) out.set(path, bytes);
    }
    return out;
  }
}

/** A picked folder: it has the permission methods, and starts with the grant forgotten. */
export class PickedDirectory extends MemoryDirectory {
  requests = 0;

  queryPermission(): Promise<PermissionState> {
    return Promise.resolve(this.permission ?? 'prompt');
  }

  requestPermission(): Promise<PermissionState> {
    this.requests += 1;
    this.permission = this.answer;
    return Promise.resolve(this.answer);
  }
}
