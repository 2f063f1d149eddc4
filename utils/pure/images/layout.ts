// Pure: where each kept image goes in an export, and the link the post uses for it, per template family.
import { safeArchivePath, toSafeSegment, truncateToBytes } from '../filename';
import { toWellFormed } from '../text';

/**
 * - `jekyll`: `assets/images/<post-date>-<slug>/<n>.<ext>` at the site root, linked `<baseurl>/assets/images/…`.
 * - `hugo`: a page bundle: `content/posts/<slug>.md` becomes `content/posts/<slug>/index.md` with the images beside it.
 * - `obsidian`: `attachments/<note>-<n>.<ext>` beside the note, as `![[…]]` embeds or relative links.
 * - `plain`: `<post>-<n>.<ext>` beside the post, linked relatively.
 */
export type ImageLayoutKind = 'jekyll' | 'hugo' | 'obsidian' | 'plain';

export interface ImageLayoutOptions {
  kind: ImageLayoutKind;
  /** Jekyll's `baseurl` for a site served under a sub-path (`/blog`); '' for the root. */
  baseurl?: string;
  /** Obsidian: `embed` writes `![[name]]` (the default), `relative` a Markdown link to `attachments/name`. */
  obsidianLinks?: 'embed' | 'relative';
}

/** One distinct image of a post. `id` is what makes two images one file (the content hash); `ext` from the sniffer. */
export interface ImageToPlace {
  id: string;
  ext: string;
}

export interface PostToPlace {
  /** The post's archive path, as postsToZipFiles gives it (`_posts/2022-02-17-x.md`, `content/posts/x.md`). */
  path: string;
  images: readonly ImageToPlace[];
  /** This post's layout when it differs from the export's (a site rule chose another template). */
  kind?: ImageLayoutKind;
}

export interface PlacedImage {
  id: string;
  /** The image's archive path, `/`-separated, inside the export. */
  path: string;
  /** What the post links: a URL path (Jekyll), a relative link, or an Obsidian embed target. */
  link: string;
}

export interface PlacedPost {
  /** The post's archive path: unchanged, except that a Hugo post with images becomes its bundle's `index.md`. */
  path: string;
  /** `embed`: write `![[link]]`; `markdown`: write `![alt](link)`. */
  linkStyle: 'markdown' | 'embed';
  images: PlacedImage[];
}

/** Which image layout a template id implies. User templates have no family yet: they get `plain` until they say. */
export function imageLayoutKindOf(templateId: string): ImageLayoutKind {
  if (templateId === 'jekyll') return 'jekyll';
  if (templateId === 'hugo-yaml' || templateId === 'hugo-toml') return 'hugo';
  if (templateId === 'obsidian') return 'obsidian';
  return 'plain';
}

/** Keeps a name part short enough that `-n.ext` suffixes never get cut off (names must stay unique). */
const MAX_STEM_BYTES = 120;
const EXT_PATTERN = /^[a-z0-9]{1,8}$/;
/** Characters Obsidian refuses in a link target, besides those toSafeSegment already drops. */
const OBSIDIAN_LINK_CHARS = /[[\]#^|]/g;

/** Case- and normalisation-insensitive, as on default macOS and Windows disks. */
function toKey(path: string): string {
  return path.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

function splitPath(path: string): { dir: string; name: string } {
  const parts = path.split(/[/\\]+/);
  const name = parts.pop() ?? '';
  // Every folder segment and the name cleaned: `..`, empty and device-name segments cannot survive.
  const clean = safeArchivePath(parts.join('/'), name);
  const cut = clean.lastIndexOf('/');
  return cut < 0 ? { dir: '', name: clean } : { dir: clean.slice(0, cut), name: clean.slice(cut + 1) };
}

function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return toSafeSegment(truncateToBytes(stem, MAX_STEM_BYTES), 'post');
}

function cleanExt(ext: string): string {
  const lower = ext.replace(/^\./, '').toLowerCase();
  return EXT_PATTERN.test(lower) ? lower : 'bin';
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** A URL path segment that is also a safe Markdown destination: encodeURIComponent leaves `(` and `)` as they are. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}

/** Percent-encodes each segment, so spaces, `(`, `)` and non-ASCII names make a valid Markdown destination. */
function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/** `/blog` from `blog/`, `/blog/`, ` /blog ` or a URL's path; '' for the site root. */
export function normalizeBaseurl(baseurl: string): string {
  // A lone surrogate would make encodeURIComponent throw.
  let path = toWellFormed(baseurl).trim();
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(.*)$/i.exec(path);
  if (absolute) path = absolute[1] ?? '';
  const segments = path
    .split(/[/\\]+/)
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map((s) => encodeSegment(decodeSafely(s)));
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Paths already used, and every folder they sit in: a new file must be neither, a new folder must be neither. */
class TakenPaths {
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>();

  addFile(path: string): void {
    this.files.add(toKey(path));
    // Innermost folder first: once one is known, so are all above it (10,000 images share a few folders).
    for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
      const key = toKey(path.slice(0, cut));
      if (this.dirs.has(key)) break;
      this.dirs.add(key);
    }
  }

  isFree(path: string): boolean {
    const key = toKey(path);
    return !this.files.has(key) && !this.dirs.has(key);
  }
}

/** `make(base)` for the first free base among `base`, `base-2`, `base-3`… (`isAlsoFree` may refuse more). */
function firstFree(
  taken: TakenPaths,
  base: string,
  make: (stem: string) => string,
  isAlsoFree: (path: string) => boolean = () => true,
): string {
  for (let n = 1; ; n++) {
    const path = make(n === 1 ? base : `${base}-${n}`);
    if (taken.isFree(path) && isAlsoFree(path)) return path;
  }
}

/** Distinct images, first appearance first: the same id twice is one file. */
function distinct(images: readonly ImageToPlace[]): ImageToPlace[] {
  const seen = new Set<string>();
  return images.filter((image) => !seen.has(image.id) && Boolean(seen.add(image.id)));
}

function isBundleIndex(name: string): boolean {
  return /^_?index\.[^.]+$/i.test(name);
}

/**
 * Places every post's images for one export (or one clip). Paths are `/`-separated, relative to the export's root,
 * made of safe segments (no `..`, no absolute path, no backslash, no control character, no device name), and unique
 * ignoring case across everything placed, posts included. A post without images keeps its path.
 */
export function layoutImages(posts: readonly PostToPlace[], options: ImageLayoutOptions): PlacedPost[] {
  return [...placeImages(posts, options)];
}

/**
 * layoutImages one post at a time, in order, so a caller can pause between posts: 1,000 posts of 10 images take
 * tens of milliseconds, 10,000 would freeze a page for most of a second.
 */
export function* placeImages(
  posts: readonly PostToPlace[],
  options: ImageLayoutOptions,
): Generator<PlacedPost, void, undefined> {
  const taken = new TakenPaths();
  // Obsidian finds `![[name]]` anywhere in the vault: attachment names must be unique across folders too.
  const attachmentNames = new Set<string>();
  const nameOf = (path: string): string => toKey(path.slice(path.lastIndexOf('/') + 1));
  const split = posts.map((post) => ({
    ...splitPath(post.path),
    images: distinct(post.images),
    kind: post.kind ?? options.kind,
  }));
  const isMoved = (p: (typeof split)[number]): boolean =>
    p.kind === 'hugo' && p.images.length > 0 && !isBundleIndex(p.name);
  // Posts that stay put hold their paths first, so no image can take one.
  for (const p of split) if (!isMoved(p)) taken.addFile(join(p.dir, p.name));
  const place = (p: (typeof split)[number]): PlacedPost => {
    const stem = stemOf(p.name);
    const ext = (image: ImageToPlace): string => cleanExt(image.ext);
    const linkStyle = p.kind === 'obsidian' && options.obsidianLinks !== 'relative' ? 'embed' : 'markdown';
    if (p.images.length === 0) return { path: join(p.dir, p.name), linkStyle, images: [] };
    switch (p.kind) {
      case 'jekyll': {
        const base = normalizeBaseurl(options.baseurl ?? '');
        const folder = firstFree(taken, stem, (s) => `assets/images/${s}`);
        const images = p.images.map((image, i) => {
          const path = `${folder}/${i + 1}.${ext(image)}`;
          taken.addFile(path);
          return { id: image.id, path, link: `${base}/${encodePath(path)}` };
        });
        return { path: join(p.dir, p.name), linkStyle, images };
      }
      case 'hugo': {
        let bundle = p.dir;
        let postPath = join(p.dir, p.name);
        if (isMoved(p)) {
          bundle = firstFree(taken, stem, (s) => join(p.dir, s));
          postPath = `${bundle}/index.md`;
          taken.addFile(postPath);
        }
        const images = p.images.map((image, i) => {
          const path = firstFree(taken, String(i + 1), (s) => join(bundle, `${s}.${ext(image)}`));
          taken.addFile(path);
          return { id: image.id, path, link: encodePath(path.slice(bundle === '' ? 0 : bundle.length + 1)) };
        });
        return { path: postPath, linkStyle, images };
      }
      case 'obsidian': {
        const folder = join(p.dir, 'attachments');
        const base = toSafeSegment(stem.replace(OBSIDIAN_LINK_CHARS, ''), 'note');
        const images = p.images.map((image, i) => {
          const path = firstFree(
            taken,
            `${base}-${i + 1}`,
            (s) => `${folder}/${s}.${ext(image)}`,
            (candidate) => !attachmentNames.has(nameOf(candidate)),
          );
          taken.addFile(path);
          attachmentNames.add(nameOf(path));
          const name = path.slice(folder.length + 1);
          return {
            id: image.id,
            path,
            link: linkStyle === 'embed' ? name : `attachments/${encodePath(name)}`,
          };
        });
        return { path: join(p.dir, p.name), linkStyle, images };
      }
      case 'plain': {
        const images = p.images.map((image, i) => {
          const path = firstFree(taken, `${stem}-${i + 1}`, (s) => join(p.dir, `${s}.${ext(image)}`));
          taken.addFile(path);
          return { id: image.id, path, link: encodePath(path.slice(p.dir === '' ? 0 : p.dir.length + 1)) };
        });
        return { path: join(p.dir, p.name), linkStyle, images };
      }
    }
  };
  for (const p of split) yield place(p);
}
