// Node: writes posts into a folder as they come, each whole or not at all, under names unique in the folder's run.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createNameAllocator } from '../utils/pure/filename';
import type { Post } from '../utils/pure/types';

export interface PostWriter {
  /** Queues the post; its name is fixed now, in the order posts are added. Returns the path it will have. */
  add: (post: Post) => string;
  /** Waits for every queued post; returns the paths written. Rejects with the first write that failed. */
  flush: () => Promise<string[]>;
}

/**
 * A file is written under a temporary name beside its final one, then renamed: a run stopped by Ctrl-C or a
 * crash leaves whole posts, never a half-written one under a real name.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.postclip-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function createPostWriter(dir: string): PostWriter {
  const allocate = createNameAllocator();
  const written: string[] = [];
  let queue: Promise<void> = mkdir(dir, { recursive: true }).then(() => undefined);
  return {
    add(post) {
      const path = join(dir, allocate(post.filename));
      // One at a time, in order: a batch of thousands must not open thousands of files at once.
      queue = queue.then(async () => {
        await writeFileAtomic(path, post.content);
        written.push(path);
      });
      return path;
    },
    async flush() {
      await queue;
      return [...written];
    },
  };
}
