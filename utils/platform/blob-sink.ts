// Platform: a file written in chunks and kept as Blobs, so a page never holds a whole large archive as one array.
// The browser keeps Blob bytes outside the page's heap (Chromium moves them to its browser process, and to disk when
// they grow large), so what the page holds is at most `flushBytes` of chunks waiting to become the next Blob.

export interface BlobSink {
  write(chunk: Uint8Array): void;
  /** The whole file, as one Blob made of the parts (no copy of the bytes). */
  finish(type: string): Blob;
  /** Bytes written so far. */
  readonly size: number;
  /** Bytes held in chunks not yet turned into a Blob: never more than `flushBytes` plus one chunk. */
  readonly pendingBytes: number;
}

export const DEFAULT_FLUSH_BYTES = 8 * 1024 * 1024;

export function createBlobSink(flushBytes = DEFAULT_FLUSH_BYTES): BlobSink {
  const parts: Blob[] = [];
  let pending: Uint8Array<ArrayBuffer>[] = [];
  let pendingBytes = 0;
  let size = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingBytes = 0;
  };
  return {
    write(chunk) {
      // Blob parts may not view a SharedArrayBuffer; fflate's chunks never do, but the type says they could.
      pending.push(
        chunk.buffer instanceof ArrayBuffer ? (chunk as Uint8Array<ArrayBuffer>) : new Uint8Array(chunk),
      );
      pendingBytes += chunk.length;
      size += chunk.length;
      if (pendingBytes >= flushBytes) flush();
    },
    finish(type) {
      flush();
      return new Blob(parts, { type });
    },
    get size() {
      return size;
    },
    get pendingBytes() {
      return pendingBytes;
    },
  };
}
