// Platform: the heavy half of the page services: rendering posts (templates, YAML/TOML, pinyin) and zipping them.
// Loaded on first use, so the popup lists the library without parsing it.
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { ExportTarget, PostFields, PostPreview, ProgressFn, TemplateOption } from '../pure/page-api';
import { isJekyllDate } from '../pure/jekyll-date';
import type { RenderSettings } from '../pure/render-clip';
import { chooseTemplate } from '../pure/site-rules';
import { BUILT_IN_TEMPLATES } from '../pure/presets';
import { renderClip } from '../pure/render-clip';
import { errorMessage } from '../pure/error-message';
import { createBlobSink } from './blob-sink';
import { downloadZipBlob } from './downloads';
import type { ClipImages } from './image-export';
import { clipImagesOf, withImageFiles } from './image-export';
import type { Library } from './store';
import type { Result } from '../pure/result';
import { fail, ok, isRecord } from '../pure/result';
import type { ImageSettings, Post, StoredClip } from '../pure/types';
import { postsToZipFiles, postZipName, writeZipInSlices } from '../pure/zip';
import { findTemplate, zipFolderFor } from '../pure/presets';
import { toLocalDay } from '../pure/dates';

// How long to render between progress updates. Counting posts instead paused 500 times on a 10,000-clip export,
// each redraw of the popup costing far more than the pause itself.
const PROGRESS_EVERY_MS = 150;
// How long to work before letting the page paint and handle input: a pause is one message task (cheap), and a
// slice this short keeps the longest stall, slice plus the one clip or image that overruns it, well under 200 ms.
const SLICE_MS = 40;
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

/** A clip's post with the current template and rules, and the user's edits. */
export function renderPost(clip: StoredClip, settings: RenderSettings): Post {
  const { filename, content } = renderClip(clip, settings);
  return { filename, content };
}

/** A clip's post and the fields the editor shows, both with the current settings. */
export function renderOpened(
  clip: StoredClip,
  settings: RenderSettings,
): {
  post: Post;
  fields: PostFields;
  templateError: string | null;
  templates: TemplateOption[];
  defaultTemplateId: string;
} {
  // The date comes from the same render as the file (site rule zone included), so editor and file agree.
  const rendered = renderClip(clip, settings);
  const post = { filename: rendered.filename, content: rendered.content };
  return {
    post,
    fields: readPostFields(post.content, clip, rendered.dateText),
    templateError: rendered.templateError?.message ?? null,
    templates: [...BUILT_IN_TEMPLATES, ...settings.templates].map(({ id, name }) => ({ id, name })),
    // What the clip gets when nothing is picked for it: the site rule's template, else the active one.
    defaultTemplateId: chooseTemplate(settings, clip.draft.url).template.id,
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
  markdown:
    'Harbourton switched on its first tidal power station on Monday.\n\n## How the turbines work\n\nEach of the six turbines has two sets of blades that reverse when the tide turns.',
  edits: {},
  clippedAt: Date.UTC(2024, 2, 18, 9, 0, 0),
  updatedAt: Date.UTC(2024, 2, 18, 9, 0, 0),
};

/** Exactly the file export would write for `clip` (or the sample when null), and whether it is the sample. */
export function renderPreview(clip: StoredClip | null, settings: RenderSettings): PostPreview {
  const rendered = renderClip(clip ?? SAMPLE_CLIP, settings);
  return {
    filename: rendered.filename,
    content: rendered.content,
    isSample: clip === null,
    templateError: rendered.templateError?.message ?? null,
  };
}

/**
 * Renders every target clip with the current settings and downloads one zip, in the template's folder, with the
 * clips' kept images laid out for their templates. Streamed: images are read one at a time as their entries are
 * written, and the zip is handed to Blobs as it grows, so neither the images nor the archive are held whole.
 * `filename` names the download (a single post's zip); by default `postclip-<day>.zip`.
 */
export async function exportZip(
  lib: Library,
  settings: RenderSettings & { images?: ImageSettings },
  target: ExportTarget,
  onProgress: ProgressFn,
  filename = `postclip-${toLocalDay(new Date())}.zip`,
): Promise<Result<number>> {
  const posts: Post[] = [];
  // Per post: its template's image layout and what its images became at clip time (kept ones go in the zip).
  const images: ClipImages[] = [];
  let lastPause = performance.now();
  let lastProgress = lastPause;
  const add = async (clip: StoredClip, total: number) => {
    posts.push(renderPost(clip, settings));
    images.push(clipImagesOf(clip, settings));
    const now = performance.now();
    if (now - lastProgress >= PROGRESS_EVERY_MS) {
      onProgress(posts.length, total);
      lastProgress = now;
    }
    if (now - lastPause >= SLICE_MS) {
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
  const sink = createBlobSink();
  try {
    await yieldToPaint();
    // Image files are read from the library one at a time, as their entries are written.
    const entries = await withImageFiles(files, images, lib, settings.images, yieldToPaint, SLICE_MS);
    await writeZipInSlices(entries, (chunk) => sink.write(chunk), yieldToPaint, new Date(), SLICE_MS);
  } catch (error) {
    return fail('unknown', errorMessage(error));
  }
  const saved = await downloadZipBlob(sink.finish('application/zip'), filename);
  return saved.ok ? ok(posts.length) : saved;
}

/** One clip's post and its kept images as a small zip, laid out as Export all lays them out. */
export async function exportPostZip(
  lib: Library,
  settings: RenderSettings & { images?: ImageSettings },
  clipId: string,
): Promise<Result<void>> {
  const clip = await lib.getClip(clipId);
  if (!clip) return fail('not-found');
  const written = await exportZip(
    lib,
    settings,
    [clipId],
    () => {},
    postZipName(renderPost(clip, settings).filename),
  );
  return written.ok ? ok(undefined) : written;
}
