// Golden cases: loads tests/golden/<case>/ and runs the pipeline on it with the clock frozen. Run as a script it
// rewrites each case's expected.md from the current output, for review: `npx tsx tests/golden/update.ts [case…]`.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../cli/decode';
import { joinLocalPages } from '../../cli/local-pages';
import { parseHtmlDocument } from '../../cli/parse';
import type { ClipOutput } from '../../utils/dom/pipeline';
import { clipDocument } from '../../utils/dom/pipeline';
import type { ErrorCode, Result } from '../../utils/pure/result';
import { isErrorCode } from '../../utils/pure/result';
import type { DateSource, PostOptions } from '../../utils/pure/types';
import { DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

export const GOLDEN_DIR = import.meta.dirname;

/** What a case that clips promises. Keys left out of meta.json are not checked. */
export interface GoldenExpectClip {
  ok: true;
  title: string;
  /** `toIsoString` of the published date: with offset, without (local time, zone unknown) or day only. */
  published: string | null;
  publishedSource?: DateSource;
  /** The front matter's `date:` when it cannot be derived from `published` (a local time in the user's zone). */
  postDate?: string;
  siteName?: string | null;
  byline?: string | null;
  lang?: string | null;
  dir?: 'ltr' | 'rtl' | null;
  canonical?: string | null;
  keywords?: string[];
  filename: string;
  /** Pages of a multi-page article joined into the post; absent: not checked. */
  pagesJoined?: number;
  /** Text the Markdown body must hold: the article's first and last words, converted structures. */
  bodyIncludes?: string[];
  /** Text the Markdown body must not hold: navigation, related lists, share bars, comments, footers. */
  bodyExcludes?: string[];
}

export interface GoldenExpectError {
  ok: false;
  error: ErrorCode;
}

export interface GoldenMeta {
  url: string;
  /** ISO instant the clock is frozen at. */
  now: string;
  /** IANA zone for local times the page gives with no offset and no publisher zone. */
  timeZone: string;
  postOptions?: Partial<PostOptions>;
  /** A multi-page article's later pages: URL → file in the case folder, served to the join as the CLI does. */
  pages?: Record<string, string>;
  expect: GoldenExpectClip | GoldenExpectError;
}

export interface GoldenCase {
  name: string;
  dir: string;
  meta: GoldenMeta;
  html: string;
  /** expected.md, or null when the case has none (error cases, or not generated yet). */
  expectedMarkdown: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** meta.json, checked enough that a typo fails loudly here and not as a puzzling pipeline result. */
function readMeta(path: string): GoldenMeta {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const problem = (what: string): Error => new Error(`${path}: ${what}`);
  if (!isRecord(raw)) throw problem('not an object');
  if (typeof raw.url !== 'string') throw problem('"url" must be a string');
  if (typeof raw.now !== 'string' || Number.isNaN(Date.parse(raw.now)))
    throw problem('"now" must be an ISO date');
  if (typeof raw.timeZone !== 'string') throw problem('"timeZone" must be a string');
  const expected = raw.expect;
  if (!isRecord(expected)) throw problem('"expect" must be an object');
  if (expected.ok === false) {
    if (!isErrorCode(expected.error)) throw problem('"expect.error" must be an error code');
  } else if (expected.ok === true) {
    if (typeof expected.title !== 'string') throw problem('"expect.title" must be a string');
    if (typeof expected.filename !== 'string') throw problem('"expect.filename" must be a string');
    if (expected.published !== null && typeof expected.published !== 'string')
      throw problem('"expect.published" must be a string or null');
  } else {
    throw problem('"expect.ok" must be true or false');
  }
  return raw as unknown as GoldenMeta;
}

/** Case folders, sorted: every folder under tests/golden that holds a meta.json. */
export function listCaseNames(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((name) => statSync(join(GOLDEN_DIR, name)).isDirectory())
    .filter((name) => existsSync(join(GOLDEN_DIR, name, 'meta.json')))
    .sort();
}

export function loadCase(name: string): GoldenCase {
  const dir = join(GOLDEN_DIR, name);
  const expectedPath = join(dir, 'expected.md');
  return {
    name,
    dir,
    meta: readMeta(join(dir, 'meta.json')),
    // Decoded as the CLI decodes saved pages: BOM, declared charset, then detection (cn-portal-gbk is GBK bytes).
    html: decodeHtml(new Uint8Array(readFileSync(join(dir, 'source.html')))).text,
    expectedMarkdown: existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : null,
  };
}

/** The pipeline on the case's page, as the CLI runs it: its DOM, frozen clock, the case's zone, its local pages. */
export function runCase(golden: GoldenCase): Result<ClipOutput> {
  const document = parseHtmlDocument(golden.html, golden.meta.url);
  return clipDocument(document, golden.meta.url, {
    now: new Date(golden.meta.now),
    post: { ...DEFAULT_POST_OPTIONS, timeZone: golden.meta.timeZone, ...golden.meta.postOptions },
    ...(golden.meta.pages
      ? { joinPages: joinLocalPages(join(golden.dir, 'source.html'), golden.meta.pages) }
      : {}),
  });
}

/** Writes expected.md from the current output; prints what changed so the reviewer knows what to read. */
function updateCase(name: string): void {
  const golden = loadCase(name);
  const result = runCase(golden);
  const path = join(golden.dir, 'expected.md');
  if (!result.ok) {
    const isExpected = !golden.meta.expect.ok && golden.meta.expect.error === result.code;
    console.log(
      `${name}: ${result.code}${isExpected ? ' (as expected, no expected.md)' : ' — NOT expected, left alone'}`,
    );
    if (isExpected && existsSync(path)) rmSync(path);
    return;
  }
  if (!golden.meta.expect.ok) {
    console.log(
      `${name}: clipped, but meta.json expects ${golden.meta.expect.error}; no expected.md written`,
    );
    return;
  }
  const { post } = result.value;
  const status =
    golden.expectedMarkdown === null
      ? 'new'
      : golden.expectedMarkdown === post.content
        ? 'unchanged'
        : 'CHANGED';
  writeFileSync(path, post.content);
  const filenameNote =
    post.filename === golden.meta.expect.filename ? '' : ` (meta.json wants ${golden.meta.expect.filename})`;
  console.log(`${name}: ${status} → ${post.filename}${filenameNote}`);
}

function main(args: string[]): void {
  const names = args.length > 0 ? args : listCaseNames();
  const unknown = names.filter((name) => !listCaseNames().includes(name));
  if (unknown.length > 0) {
    console.error(`No such case: ${unknown.join(', ')}. Cases: ${listCaseNames().join(', ')}`);
    process.exitCode = 1;
    return;
  }
  for (const name of names) updateCase(name);
  console.log('Review every CHANGED and new expected.md before committing: `git diff tests/golden`.');
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && resolve(invokedPath) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
