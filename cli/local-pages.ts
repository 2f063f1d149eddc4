// Node: the later pages of a multi-page article, from disk, never the network: a page the manifest maps to a file, or
// the file named like the page's URL in the first page's folder (`content_1_2.html` beside `content_1.html`).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ClipDraft } from '../utils/pure/types';
import type { ExtractPage, LoadedPage } from '../utils/dom/page-join';
import { joinPagesSync } from '../utils/dom/page-join';
import { MAX_PAGE_BYTES } from './batch';
import { decodeHtml } from './decode';
import { parseHtmlDocument } from './parse';

/** Where a page's later pages may be: its folder, and an explicit URL → file map (relative to `folder`). */
export interface LocalPages {
  folder: string;
  files?: Readonly<Record<string, string>>;
}

/** The saved file for `url`: the mapped one, else one named like the URL's last path segment in the folder. */
export function findLocalPage(url: string, pages: LocalPages): string | null {
  const mapped = pages.files?.[url];
  if (mapped !== undefined) return isAbsolute(mapped) ? mapped : resolve(pages.folder, mapped);
  let name: string;
  try {
    name = decodeURIComponent(basename(new URL(url).pathname));
  } catch {
    return null;
  }
  if (!name || name.includes('/') || name.includes('\\')) return null;
  for (const candidate of [name, `${name}.gz`, `${name}.html`, `${name}.html.gz`]) {
    const path = join(pages.folder, candidate);
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
}

function readLocalBytes(path: string): Uint8Array | null {
  if (statSync(path).size > MAX_PAGE_BYTES) return null;
  const raw = readFileSync(path);
  if (!path.toLowerCase().endsWith('.gz')) return new Uint8Array(raw);
  return new Uint8Array(gunzipSync(raw, { maxOutputLength: MAX_PAGE_BYTES }));
}

/** A loader for the page join: the local file for a URL, parsed as the first page was; null when there is none. */
export function createLocalPageLoader(pages: LocalPages): (url: string) => LoadedPage | null {
  return (url) => {
    const path = findLocalPage(url, pages);
    if (path === null || !existsSync(path)) return null;
    const bytes = readLocalBytes(path);
    return bytes === null ? null : { doc: parseHtmlDocument(decodeHtml(bytes).text, url), url };
  };
}

/** The pipeline's `joinPages` hook for pages saved beside `file` (or mapped in `files`). */
export function joinLocalPages(
  pageFile: string,
  files?: Readonly<Record<string, string>>,
): (doc: Document, url: string, first: ClipDraft, extract: ExtractPage) => ClipDraft {
  const folder = dirname(resolve(pageFile));
  const load = createLocalPageLoader(files ? { folder, files } : { folder });
  return (doc, url, first, extract) => joinPagesSync(doc, url, first, load, extract);
}
