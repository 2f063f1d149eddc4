// Platform: the heavy half of the page services: re-rendering posts (turndown, templates, YAML/TOML, pinyin) and zipping them.
// Loaded on first use, so the popup lists the library without parsing it.
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { ExportTarget, PostFields, PostPreview, ProgressFn } from '../pure/page-api';
import { isJekyllDate } from '../pure/jekyll-date';
import type { RenderSettings } from '../dom/render-clip';
import { renderClip } from '../dom/render-clip';
import { downloadZip } from './downloads';
import type { Library } from './store';
import type { Result } from '../pure/result';
import { fail, ok, isRecord } from '../pure/result';
import type { Post, StoredClip } from '../pure/types';
import { buildZipInSlices, postsToZipFiles } from '../pure/zip';
import { findTemplate, zipFolderFor } from '../pure/presets';
import { toLocalDay } from '../pure/dates';

// How long to render between progress updates (and pauses that let the page paint). Counting posts instead
// paused 500 times on a 10,000-clip export, each pause at least 4 ms, each redraw of the popup far more.
const PROGRESS_EVERY_MS = 150;
const YAML_BLOCK = /^---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;
const TOML_BLOCK = /^\+\+\+\r?\n([\s\S]*?\r?\n)?\+\+\+(?:\r?\n|$)/;

function toList(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map(String);
  // Jekyll splits a string on spaces; post.ts writes a string only for a single word.
  if (typeof value === 'string') return value.split(/\s+/).filter((s) => s !== '');
  return null;
}

/** The front matter as data: YAML between `---`, TOML between `+++`, nothing for a post without one. */
export function readFrontMatter(content: string): Record<string, unknown> {
  try {
    const yaml = YAML_BLOCK.exec(content);
    if (yaml) {
      const parsed: unknown = parseYaml(yaml[1] ?? '');
      return isRecord(parsed) ? parsed : {};
    }
    const toml = TOML_BLOCK.exec(content);
    if (toml) return parseToml(toml[1] ?? '');
  } catch {
    // Our own front matter always parses; if not, the editor falls back to the stored values.
  }
  return {};
}

/**
 * The front matter fields the editor shows: read back from the rendered post (YAML or TOML) so they are what gets
 * written; a field the post lacks (plain Markdown, Obsidian's `published`) shows the stored value. `postDate` is the
 * post's date in Jekyll's form, shown when the post writes its date in another form or not at all.
 */
export function readPostFields(content: string, clip: StoredClip, postDate: string): PostFields {
  const data = readFrontMatter(content);
  const { title, date } = data;
  return {
    title: typeof title === 'string' ? title : (clip.edits.title ?? clip.draft.title),
    // The editor takes Jekyll's date form; other forms (Hugo's RFC 3339) show the post's date in it.
    date: typeof date === 'string' && isJekyllDate(date) ? date : (clip.edits.date ?? postDate),
    categories: toList(data.categories) ?? clip.edits.categories ?? [],
    tags: toList(data.tags) ?? clip.edits.tags ?? [],
  };
}

/**
 * Lets the page paint and handle input. A message task, not setTimeout: nested timers are clamped to 4 ms, and
 * pages that are not in front get their timers throttled to once a second.
 */
function yieldToPaint(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A clip's post with the current template, rules and Markdown style. */
export function renderPost(clip: StoredClip, settings: RenderSettings): Post {
  const { filename, content } = renderClip(clip, settings, document);
  return { filename, content };
}

/** A clip's post and the fields the editor shows, both with the current settings. */
export function renderOpened(
  clip: StoredClip,
  settings: RenderSettings,
): { post: Post; fields: PostFields; templateError: string | null } {
  // The date comes from the same render as the file (site rule zone included), so editor and file agree.
  const rendered = renderClip(clip, settings, document);
  const post = { filename: rendered.filename, content: rendered.content };
  return {
    post,
    fields: readPostFields(post.content, clip, rendered.dateText),
    templateError: rendered.templateError?.message ?? null,
  };
}

/** A sample clip for the options preview when the library is empty: a short news story, as a clip would store it. */
export const SAMPLE_CLIP: StoredClip = {
  id: 'sample',
  url: 'https://news.example.com/2024/03/18/harbour-tidal-power.html',
  draft: {
    url: 'https://news.example.com/2024/03/18/harbour-tidal-power.html',
    canonical: 'https://news.example.com/2024/03/18/harbour-tidal-power.html',
    title: 'Harbour city opens its first tidal power station',
    byline: 'Maya Lindqvist',
    siteName: 'The Coastal Courier',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'The turbines sit twelve metres below the surface and turn with both tides.',
    image: null,
    keywords: ['energy', 'tidal power'],
    published: {
      raw: '2024-03-18T07:45:00+00:00',
      source: 'meta',
      detail: 'meta[property=article:published_time]',
      parts: { year: 2024, month: 3, day: 18, hour: 7, minute: 45, second: 0, offsetMinutes: 0 },
      zoneFrom: 'page',
    },
    modified: null,
    contentHtml:
      '<p>Harbourton switched on its first tidal power station on Monday.</p><h2>How the turbines work</h2><p>Each of the six turbines has two sets of blades that reverse when the tide turns.</p>',
    textContent:
      'Harbourton switched on its first tidal power station on Monday. How the turbines work Each of the six turbines has two sets of blades that reverse when the tide turns.',
    kind: 'article',
  },
  markdown: '',
  edits: {},
  clippedAt: Date.UTC(2024, 2, 18, 9, 0, 0),
  updatedAt: Date.UTC(2024, 2, 18, 9, 0, 0),
};

/** Exactly the file export would write for `clip` (or the sample when null), and whether it is the sample. */
export function renderPreview(clip: StoredClip | null, settings: RenderSettings): PostPreview {
  const rendered = renderClip(clip ?? SAMPLE_CLIP, settings, document);
  return {
    filename: rendered.filename,
    content: rendered.content,
    isSample: clip === null,
    templateError: rendered.templateError?.message ?? null,
  };
}

/** Renders every target clip with the current settings and downloads one zip, in the template's folder. */
export async function exportZip(
  lib: Library,
  settings: RenderSettings,
  target: ExportTarget,
  onProgress: ProgressFn,
): Promise<Result<number>> {
  const posts: Post[] = [];
  let lastPause = performance.now();
  const add = async (clip: StoredClip, total: number) => {
    posts.push(renderPost(clip, settings));
    if (performance.now() - lastPause >= PROGRESS_EVERY_MS) {
      onProgress(posts.length, total);
      await yieldToPaint();
      lastPause = performance.now();
    }
  };
  let visited: number;
  if (target === 'all') {
    const total = await lib.count();
    onProgress(0, total);
    visited = await lib.forEachClip((clip) => add(clip, total));
  } else {
    const clips = await lib.getClips(target);
    onProgress(0, clips.length);
    for (const clip of clips) await add(clip, clips.length);
    visited = clips.length;
  }
  onProgress(posts.length, posts.length);
  if (posts.length === 0) return ok(0);
  const template = findTemplate(settings.activeTemplateId, settings.templates, settings.post);
  const files = postsToZipFiles(posts, zipFolderFor(template));
  // Never a zip that silently lacks a clip: one post per clip read, one unique entry per post.
  const names = new Set(files.map((file) => file.path.toLowerCase()));
  if (visited !== posts.length || files.length !== posts.length || names.size !== files.length) {
    return fail(
      'unknown',
      `Export stopped: ${visited} clips read, ${posts.length} posts, ${names.size} files.`,
    );
  }
  const bytes = await buildZipInSlices(files, yieldToPaint);
  const saved = await downloadZip(bytes, `postclip-${toLocalDay(new Date())}.zip`);
  return saved.ok ? ok(posts.length) : saved;
}
