// The heavy half of the page services: re-rendering posts (turndown, YAML, pinyin) and zipping them. Loaded on
// first use, so the popup lists the library without parsing it.
import { parse as parseYaml } from 'yaml';
import type { ExportTarget, PostFields, ProgressFn } from '../../components/services';
import { renderClip } from '../../utils/dom/render-clip';
import { downloadZip } from '../../utils/platform/downloads';
import type { Settings } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import type { Result } from '../../utils/pure/result';
import { ok } from '../../utils/pure/result';
import type { Post, StoredClip } from '../../utils/pure/types';
import { buildZip, postsToZipFiles } from '../../utils/pure/zip';
import { toLocalDay } from './local-day';

// How many posts to render between progress updates (and pauses that let the page paint).
const PROGRESS_EVERY = 20;

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  // Jekyll splits a string on spaces; post.ts writes a string only for a single word.
  if (typeof value === 'string') return value.split(/\s+/).filter((s) => s !== '');
  return [];
}

/** The front matter fields the editor shows, read back from the rendered post so they are what gets written. */
export function readPostFields(content: string, clip: StoredClip): PostFields {
  const match = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(content);
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = match ? parseYaml(match[1] ?? '') : null;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      data = parsed as Record<string, unknown>;
  } catch {
    // Our own front matter always parses; if not, the editor falls back to the stored values.
  }
  const title = data.title;
  const date = data.date;
  return {
    title: typeof title === 'string' ? title : (clip.edits.title ?? clip.draft.title),
    date: typeof date === 'string' ? date : (clip.edits.date ?? ''),
    categories: toList(data.categories),
    tags: toList(data.tags),
  };
}

function yieldToPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function renderPost(clip: StoredClip, settings: Settings): Post {
  return renderClip(clip, settings.markdown, settings.post, document);
}

/** Renders every target clip with the current settings and downloads one zip laid out as `_posts/`. */
export async function exportZip(
  lib: Library,
  settings: Settings,
  target: ExportTarget,
  onProgress: ProgressFn,
): Promise<Result<number>> {
  const posts: Post[] = [];
  const add = async (clip: StoredClip, total: number) => {
    posts.push(renderPost(clip, settings));
    if (posts.length % PROGRESS_EVERY === 0) {
      onProgress(posts.length, total);
      await yieldToPaint();
    }
  };
  if (target === 'all') {
    const total = await lib.count();
    onProgress(0, total);
    await lib.forEachClip((clip) => add(clip, total));
  } else {
    const clips = await lib.getClips(target);
    onProgress(0, clips.length);
    for (const clip of clips) await add(clip, clips.length);
  }
  onProgress(posts.length, posts.length);
  if (posts.length === 0) return ok(0);
  const bytes = buildZip(postsToZipFiles(posts));
  const saved = await downloadZip(bytes, `postclip-${toLocalDay(new Date())}.zip`);
  return saved.ok ? ok(posts.length) : saved;
}
