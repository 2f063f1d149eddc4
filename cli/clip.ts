// Node: `npm run clip`: the extension's pipeline on saved pages, one page to a post, or many pages to JSON lines.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ErrorCode } from '../utils/pure/result';
import { BUILT_IN_TEMPLATES } from '../utils/pure/presets';
import type { SiteRule } from '../utils/pure/site-rules';
import { readSiteRule } from '../utils/pure/site-rules';
import type { Template } from '../utils/pure/template';
import { compileTemplate, readTemplate } from '../utils/pure/template';
import type { BatchLine, PageEntry } from './batch';
import { clipPagesWithImages } from './images';
import {
  getLocalTimeZone,
  isValidTimeZone,
  pageReferenceTime,
  parseManifest,
  parseNow,
  PageTooLargeError,
  readPageBytes,
} from './batch';
import { DEFAULT_WORKERS, runBatch } from './pool';
import { createPostWriter } from './post-writer';
import { createProgress } from './progress';
import { errorMessage } from '../utils/pure/error-message';

export const SAMPLE_FILE = fileURLToPath(new URL('./sample-news.html', import.meta.url));
export const SAMPLE_URL = 'https://news.example.com/2022/02/17/xihu-driverless-bus.html';

export const EXIT_OK = 0;
export const EXIT_NOT_ARTICLE = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGINT, what shells report for a program stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

const PAGE_FILE = /\.x?html?(?:\.gz)?$/i;

const USAGE = `Usage: npm run clip -- [options] [page.html | page.html.gz | folder ...]

Clips saved pages with the same pipeline as the Postclip extension.
With no page, clips the bundled sample (cli/sample-news.html).

  --url URL          the page's address (one page only; default: its canonical or og:url)
  --json             print the extracted fields as JSON instead of the post
  --out DIR          write each post to DIR under its Jekyll file name
  --tz ZONE          IANA zone for local times with no offset (default: this machine's, ${getLocalTimeZone()})
  --now ISO          the clip time dates are read against (default: a manifest line's "now", else the file's mtime)
  --jsonl FILE       batch: a manifest of {"file": …, "url": …} lines; prints one JSON line per page, in order
  --workers N        worker threads for batches (default ${DEFAULT_WORKERS}; 0 = none)
  --template ID      post template: ${BUILT_IN_TEMPLATES.map((t) => t.id).join(', ')} (default jekyll), or a template of --rules
  --rules FILE       site rules as JSON: a list of rules, or an exported templates file {"templates": […], "rules": […]}
  --images           with --out: keep each page's images from its saved files (page_files/ beside page.html) and
                     write posts and images as the zip export lays them out (_posts/, assets/images/, Hugo bundles…)
  --fetch-images     like --images, and download images with no local copy (the page as Referer)
  --baseurl PATH     Jekyll baseurl for image links (a site served under /blog)
  -h, --help         this text

Several pages or a folder: prints one JSON line per page, or with --out writes the posts.
With --publish URL --token-env VAR: pushes the posts to a Git repository as one commit (--publish --help).
On a terminal, batches show their progress on stderr. Ctrl-C stops a batch: the posts written so far stay.
Exit codes: 0 ok, 1 the page is not an article (or could not be clipped), 2 usage error, 130 interrupted.`;

/** Where the CLI writes; swapped in tests and by `npm start`. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: only then does a batch draw its progress line. */
  isStderrTTY?: boolean;
  /** Where Ctrl-C comes from; default: this process's SIGINT. */
  interrupts?: InterruptSource;
}

/** The part of `process` (or any EventEmitter) that tells of Ctrl-C. */
export interface InterruptSource {
  once: (event: 'SIGINT', listener: () => void) => unknown;
  off: (event: 'SIGINT', listener: () => void) => unknown;
}

const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isStderrTTY: process.stderr.isTTY,
};

const REASONS: Partial<Record<ErrorCode, string>> = {
  'not-an-article': 'Readability found no article',
  'page-too-large': 'the page is too large to clip',
  'not-found': 'no such file',
  timeout: 'clipping took too long',
};

/** One line for stderr: `not-an-article: Readability found no article in page.html`. */
export function describeFailure(code: ErrorCode, file: string, detail?: string): string {
  const reason = REASONS[code] ?? 'could not clip the page';
  // The extractor's detail for a non-article repeats the reason; elsewhere it says what went wrong.
  const hasDetail = Boolean(detail) && code !== 'not-an-article';
  return `${code}: ${reason} in ${file}${hasDetail ? ` (${detail})` : ''}`;
}

class UsageError extends Error {}

interface CliOptions {
  url: string | null;
  isJson: boolean;
  out: string | null;
  timeZone: string;
  /** --now: the reference time for every page; absent: each manifest line's `now`, else the file's mtime. */
  now?: Date;
  jsonl: string | null;
  workers: number;
  inputs: string[];
  isHelp: boolean;
  template: string | null;
  rulesFile: string | null;
  /** --images (or --fetch-images): write posts with their images under --out. */
  images: { fetch: boolean; baseurl: string } | null;
}

function readOptions(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        tz: { type: 'string' },
        now: { type: 'string' },
        jsonl: { type: 'string' },
        workers: { type: 'string' },
        template: { type: 'string' },
        rules: { type: 'string' },
        images: { type: 'boolean' },
        'fetch-images': { type: 'boolean' },
        baseurl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(errorMessage(error));
  }
  const { values, positionals } = parsed;
  const timeZone = values.tz ?? getLocalTimeZone();
  if (!isValidTimeZone(timeZone)) throw new UsageError(`unknown time zone: ${timeZone}`);
  const now = values.now === undefined ? null : parseNow(values.now);
  if (values.now !== undefined && !now) throw new UsageError(`--now wants an ISO 8601 time: ${values.now}`);
  const workers = values.workers === undefined ? DEFAULT_WORKERS : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers wants a whole number`);
  if (values.url !== undefined) {
    try {
      new URL(values.url);
    } catch {
      throw new UsageError(`not an absolute URL: ${values.url}`);
    }
  }
  const wantsImages = (values.images ?? false) || (values['fetch-images'] ?? false);
  if (wantsImages && values.out === undefined) throw new UsageError('--images writes files: give --out DIR');
  if (values.jsonl !== undefined && positionals.length > 0) {
    throw new UsageError('give either --jsonl MANIFEST or pages, not both');
  }
  return {
    url: values.url ?? null,
    isJson: values.json ?? false,
    out: values.out ?? null,
    timeZone,
    ...(now ? { now } : {}),
    jsonl: values.jsonl ?? null,
    workers,
    inputs: positionals,
    isHelp: values.help ?? false,
    template: values.template ?? null,
    rulesFile: values.rules ?? null,
    images: wantsImages ? { fetch: values['fetch-images'] ?? false, baseurl: values.baseurl ?? '' } : null,
  };
}

interface TemplateChoice {
  activeTemplateId?: string;
  templates?: Template[];
  rules?: SiteRule[];
}

/** Reads a rules file: a list of rules, or `{ templates?, rules? }`. Every item must be valid: a typo is an error. */
export function parseRulesJson(text: string, file: string): { templates: Template[]; rules: SiteRule[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not JSON`);
  }
  const record =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const rawRules: unknown = Array.isArray(raw) ? raw : record?.rules;
  const rawTemplates: unknown = record?.templates ?? [];
  if (!Array.isArray(rawRules) && !Array.isArray(rawTemplates))
    throw new UsageError(`${file}: expected a list of rules or {"templates": […], "rules": […]}`);
  const rules = (Array.isArray(rawRules) ? rawRules : []).map((item: unknown, i) => {
    const rule = readSiteRule(item);
    if (!rule)
      throw new UsageError(`${file}: rule ${i + 1} is not a valid rule (it needs an id and a match)`);
    return rule;
  });
  const templates = (Array.isArray(rawTemplates) ? rawTemplates : []).map((item: unknown, i) => {
    const template = readTemplate(item);
    if (!template) throw new UsageError(`${file}: template ${i + 1} is not a valid template`);
    const compiled = compileTemplate(template);
    if (!compiled.ok) throw new UsageError(`${file}: template ${template.id}: ${compiled.error.message}`);
    return template;
  });
  return { templates, rules };
}

async function readTemplateChoice(options: CliOptions): Promise<TemplateChoice> {
  const choice: TemplateChoice = {};
  if (options.rulesFile !== null) {
    let text: string;
    try {
      text = await readFile(options.rulesFile, 'utf8');
    } catch {
      throw new UsageError(`cannot read rules file ${options.rulesFile}`);
    }
    const { templates, rules } = parseRulesJson(text, options.rulesFile);
    choice.templates = templates;
    choice.rules = rules;
  }
  if (options.template !== null) {
    const known = [...BUILT_IN_TEMPLATES, ...(choice.templates ?? [])].map((t) => t.id);
    if (!known.includes(options.template))
      throw new UsageError(`unknown template: ${options.template} (known: ${known.join(', ')})`);
    choice.activeTemplateId = options.template;
  }
  return choice;
}

/** Files named on the command line, folders expanded to the pages inside them (sorted, recursive). */
async function expandInputs(inputs: string[]): Promise<{ files: string[]; hasFolder: boolean }> {
  const files: string[] = [];
  let hasFolder = false;
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new UsageError(`no such file or folder: ${input}`);
    if (!info.isDirectory()) {
      files.push(input);
      continue;
    }
    hasFolder = true;
    const names = await readdir(input, { recursive: true });
    files.push(
      ...names
        .filter((name) => PAGE_FILE.test(name))
        .sort()
        .map((name) => join(input, name)),
    );
  }
  return { files, hasFolder };
}

async function clipOne(file: string, url: string | null, options: CliOptions, io: CliIo): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readPageBytes(file);
  } catch (error) {
    if (error instanceof PageTooLargeError) {
      io.stderr(`${describeFailure('page-too-large', file)}\n`);
      return EXIT_NOT_ARTICLE;
    }
    const detail = errorMessage(error);
    throw new UsageError(`cannot read ${file}: ${detail}`);
  }
  // Loaded here, not at the top: a batch clips in its workers, and this thread never needs the pipeline.
  const { clipHtmlBytes, toBatchLine } = await import('./clip-page');
  const page = clipHtmlBytes(
    bytes,
    url,
    {
      timeZone: options.timeZone,
      now: await pageReferenceTime(file, undefined, options.now),
      ...(await readTemplateChoice(options)),
    },
    { path: file },
  );
  const line = toBatchLine(file, page, options.timeZone);
  if (!line.ok) {
    io.stderr(`${describeFailure(line.error, file, line.detail)}\n`);
    // A refused page's line still holds its metadata: --json prints it, and the exit code still says refused.
    if (options.isJson && line.readerable === false) io.stdout(`${JSON.stringify(line, null, 2)}\n`);
    return EXIT_NOT_ARTICLE;
  }
  if (options.out !== null) {
    const writer = createPostWriter(options.out);
    writer.add(line.post);
    for (const path of await writer.flush()) io.stderr(`wrote ${path}\n`);
  }
  if (options.isJson) io.stdout(`${JSON.stringify(line, null, 2)}\n`);
  else if (options.out === null)
    io.stdout(line.post.content.endsWith('\n') ? line.post.content : `${line.post.content}\n`);
  return EXIT_OK;
}

async function clipMany(
  entries: PageEntry[],
  options: CliOptions,
  io: CliIo,
  isQuiet: boolean,
): Promise<number> {
  const choice = await readTemplateChoice(options);
  const writer = options.out === null ? null : createPostWriter(options.out);
  const progress = createProgress({ write: io.stderr, isTTY: io.isStderrTTY === true }, entries.length);
  const stderr = (text: string): void => {
    progress.clear();
    io.stderr(text);
  };
  // Ctrl-C stops the batch, not the process: workers end, posts already queued are written whole, then a summary.
  // A second Ctrl-C finds no handler and ends the process at once, as users expect.
  const controller = new AbortController();
  const interrupts = io.interrupts ?? process;
  const onInterrupt = (): void => controller.abort();
  interrupts.once('SIGINT', onInterrupt);
  let summary;
  try {
    summary = await runBatch(
      entries,
      {
        timeZone: options.timeZone,
        workers: options.workers,
        ...(options.now ? { now: options.now } : {}),
        ...choice,
        signal: controller.signal,
        onProgress: (done) => progress.update(done),
      },
      (line: BatchLine) => {
        if (line.ok) writer?.add(line.post);
        else if (isQuiet) stderr(`${describeFailure(line.error, line.file, line.detail)}\n`);
        if (!isQuiet) io.stdout(`${JSON.stringify(line)}\n`);
      },
    );
  } finally {
    interrupts.off('SIGINT', onInterrupt);
  }
  const paths = (await writer?.flush()) ?? [];
  progress.clear();
  const wrote = options.out === null ? '' : `; wrote ${paths.length} posts to ${options.out}`;
  if (summary.isCancelled) {
    io.stderr(`interrupted: clipped ${summary.emitted} of ${summary.total} pages${wrote}\n`);
    return EXIT_INTERRUPTED;
  }
  if (options.out !== null) io.stderr(`wrote ${paths.length} of ${entries.length} posts to ${options.out}\n`);
  return EXIT_OK;
}

/** Pages to posts with their images under --out (cli/images.ts). */
async function clipWithImages(entries: PageEntry[], options: CliOptions, io: CliIo): Promise<number> {
  const images = options.images ?? { fetch: false, baseurl: '' };
  const settings = {
    timeZone: options.timeZone,
    ...(options.now ? { now: options.now } : {}),
    ...(await readTemplateChoice(options)),
  };
  const run = { out: options.out ?? '.', fetchImages: images.fetch, baseurl: images.baseurl };
  const written = await clipPagesWithImages(entries, settings, run, io);
  return entries.length === 1 && written === 0 ? EXIT_NOT_ARTICLE : EXIT_OK;
}

async function runCli(argv: string[], io: CliIo): Promise<number> {
  const options = readOptions(argv);
  if (options.isHelp) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (options.jsonl !== null) {
    let text: string;
    try {
      text = await readFile(options.jsonl, 'utf8');
    } catch {
      throw new UsageError(`cannot read manifest ${options.jsonl}`);
    }
    let entries: PageEntry[];
    try {
      entries = parseManifest(text, options.jsonl);
    } catch (error) {
      throw new UsageError(errorMessage(error));
    }
    return options.images ? clipWithImages(entries, options, io) : clipMany(entries, options, io, false);
  }
  if (options.inputs.length === 0) {
    const url = options.url ?? SAMPLE_URL;
    if (options.images) return clipWithImages([{ file: SAMPLE_FILE, path: SAMPLE_FILE, url }], options, io);
    return clipOne(SAMPLE_FILE, url, options, io);
  }
  const { files, hasFolder } = await expandInputs(options.inputs);
  if (options.images) {
    if (options.url !== null && files.length !== 1) throw new UsageError('--url names one page');
    return clipWithImages(
      files.map((file) => ({ file, path: resolve(file), url: options.url })),
      options,
      io,
    );
  }
  const [first] = files;
  if (files.length === 1 && first !== undefined && !hasFolder)
    return clipOne(first, options.url, options, io);
  if (options.url !== null) throw new UsageError('--url names one page; several pages use their own URLs');
  const entries = files.map((file) => ({ file, path: resolve(file), url: null }));
  // With --out and no --json, the posts are the output; JSON lines would only be noise.
  return clipMany(entries, options, io, options.out !== null && !options.isJson);
}

/** Runs the CLI with these arguments (no `node` and script name) and returns the exit code. */
export async function main(argv: string[], io: CliIo = PROCESS_IO): Promise<number> {
  // Loaded only for a publish: isomorphic-git stays out of every other run's start-up.
  if (argv.some((arg) => arg === '--publish' || arg.startsWith('--publish=')))
    return (await import('./publish')).runPublishCli(argv, io);
  try {
    return await runCli(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`postclip: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `postclip: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = EXIT_NOT_ARTICLE;
    },
  );
}
