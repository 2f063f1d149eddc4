// Benchmark: body precision/recall/F1 (shingle overlap, body-score.ts) of Readability's own output and of Postclip's
// CLI pipeline against the corpus's expected text, and the readerable check's agreement with labels.
// Usage: npm run bench:body -- ../shared/corpus [--set readability|chinese] [--worst N] [--show N] [--page PREFIX]
// --show N prints, under each of the worst pages, its N longest runs of missing (-) and extra (+) text.
// A folder laid out as the Scrapinghub article-extraction-benchmark (`ground-truth.json` + `html/*.html.gz`) is
// scored the same way, in its two fixed halves (`--half A|B` for one), and by that benchmark's own metric too.
// --rank own lists the worst pages by Postclip's own F1 instead of by its loss against Readability.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { clipHtmlBytes } from '../../cli/clip-page';
import { decodeHtml } from '../../cli/decode';
import { parseHtmlDocument } from '../../cli/parse';
import { isReaderable } from '../../utils/dom/extract';
import type { BodyScore } from './body-score';
import { markdownToText, meanScore, scoreBody, unmatchedRuns } from './body-score';
import { errorMessage } from '../../utils/pure/error-message';
import { isOutsideSet, readOutsideSet } from './body-outside';
import type { ZyteCounts } from './body-zyte';
import { zyteCounts, zyteScore } from './body-zyte';

const READABILITY_URL = 'http://fakehost/test/page.html';
const CHINESE_URL = 'http://localhost/page.html';
/** Fixed, so dates on the pages never count as "in the future" on a later run. */
const NOW = new Date('2026-01-01T00:00:00Z');
const HERE = dirname(fileURLToPath(import.meta.url));
const OWN_PAGES = join(HERE, 'readerable-pages');

/** One page to score: its HTML bytes and the expected article text. */
interface Page {
  name: string;
  bytes: Uint8Array;
  url: string;
  expected: string;
}

interface PageResult {
  name: string;
  readability: BodyScore;
  postclip: BodyScore;
  postclipError: string | null;
  /** The Scrapinghub benchmark's per-page counts (body-zyte.ts), for its own metric. */
  readabilityZyte: ZyteCounts;
  postclipZyte: ZyteCounts;
  /** Kept for `--show`: what Postclip left out of the expected text, and what it added. */
  postclipText: string;
  expected: string;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Text of a node with a line break at each block boundary: `textContent` would glue `end.</p><p>Next`. */
function textOf(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      out.push(n.nodeValue ?? '');
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    const isBlock = BLOCK.has(tag);
    if (isBlock) out.push('\n');
    for (const child of Array.from(n.childNodes)) walk(child);
    if (isBlock) out.push('\n');
  };
  walk(node);
  return out.join('');
}

function htmlToText(html: string): string {
  const doc = parseHtmlDocument(`<!doctype html><html><head></head><body>${html}</body></html>`, CHINESE_URL);
  return doc.body ? textOf(doc.body) : '';
}

function readReadabilitySet(root: string): { pages: Page[]; readerable: Map<string, boolean> } {
  const dir = join(root, 'readability', 'test-pages');
  const pages: Page[] = [];
  const readerable = new Map<string, boolean>();
  for (const name of readdirSync(dir).sort()) {
    const source = join(dir, name, 'source.html');
    const expected = join(dir, name, 'expected.html');
    if (!existsSync(source) || !existsSync(expected)) continue;
    pages.push({
      name,
      bytes: readFileSync(source),
      url: READABILITY_URL,
      expected: htmlToText(readFileSync(expected, 'utf8')),
    });
    const metaPath = join(dir, name, 'expected-metadata.json');
    if (existsSync(metaPath)) {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as { readerable?: unknown };
      if (typeof meta.readerable === 'boolean') readerable.set(name, meta.readerable);
    }
  }
  return { pages, readerable };
}

function readChineseSet(root: string): Page[] {
  const dir = join(root, 'chinese-web-content-extraction');
  const pages: Page[] = [];
  for (const file of readdirSync(join(dir, 'original')).sort()) {
    if (!file.endsWith('.html')) continue;
    const id = basename(file, '.html');
    const cleaned = join(dir, 'cleaned', `${id}.txt`);
    if (!existsSync(cleaned)) continue;
    pages.push({
      name: id,
      bytes: readFileSync(join(dir, 'original', file)),
      url: CHINESE_URL,
      expected: readFileSync(cleaned, 'utf8'),
    });
  }
  return pages;
}

/** Readability alone, as its README runs it, on the CLI's DOM (linkedom): the baseline to beat. */
function runReadability(page: Page): string {
  try {
    const doc = parseHtmlDocument(decodeHtml(page.bytes).text, page.url);
    const article = new Readability(doc).parse();
    return article?.content ? htmlToText(article.content) : '';
  } catch {
    return '';
  }
}

/** Postclip's CLI path, page bytes to the post body in Markdown (front matter not included). */
function runPostclip(page: Page): { text: string; error: string | null } {
  try {
    const clipped = clipHtmlBytes(page.bytes, page.url, { timeZone: 'UTC', now: NOW });
    if (!clipped.result.ok) return { text: '', error: clipped.result.code };
    return { text: markdownToText(clipped.result.value.markdown), error: null };
  } catch (error) {
    return { text: '', error: errorMessage(error) };
  }
}

function scorePages(pages: Page[]): PageResult[] {
  return pages.map((page) => {
    const postclip = runPostclip(page);
    const readability = runReadability(page);
    return {
      name: page.name,
      readability: scoreBody(readability, page.expected),
      postclip: scoreBody(postclip.text, page.expected),
      postclipError: postclip.error,
      readabilityZyte: zyteCounts(page.expected, readability),
      postclipZyte: zyteCounts(page.expected, postclip.text),
      postclipText: postclip.text,
      expected: page.expected,
    };
  });
}

const f3 = (n: number): string => n.toFixed(3);
/** `--rank own`: list the worst pages by Postclip's own F1, not by its loss against Readability. */
const RANK_OWN =
  process.argv.includes('--rank') && process.argv[process.argv.indexOf('--rank') + 1] === 'own';

/** The longest runs of missing and extra text of one page, each cut to a line. */
function printRuns(x: PageResult, show: number): void {
  const cut = (t: string): string => (t.length > 160 ? `${t.slice(0, 157)}...` : t);
  for (const [sign, runs] of [
    ['-', unmatchedRuns(x.expected, x.postclipText)],
    ['+', unmatchedRuns(x.postclipText, x.expected)],
  ] as const) {
    for (const run of runs.slice(0, show)) console.log(`        ${sign}${run.tokens} ${cut(run.text)}`);
  }
}

/** The P/R/F1 rows of both extractors: the bench's shingle metric, and with `zyte` that benchmark's own. */
function printRows(results: PageResult[], zyte: boolean): void {
  const row = (name: string, s: { precision: number; recall: number; f1: number }): void =>
    console.log(`  ${name.padEnd(20)} ${f3(s.precision)} ${f3(s.recall)} ${f3(s.f1)}`);
  console.log(`  ${'extractor'.padEnd(20)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}`);
  row('readability', meanScore(results.map((x) => x.readability)));
  row('postclip', meanScore(results.map((x) => x.postclip)));
  if (!zyte) return;
  row('readability (zyte)', zyteScore(results.map((x) => x.readabilityZyte)));
  row('postclip (zyte)', zyteScore(results.map((x) => x.postclipZyte)));
}

function printSet(label: string, results: PageResult[], worst: number, show: number, zyte = false): void {
  const failed = results.filter((x) => x.postclipError !== null);
  console.log(`\n${label}: ${results.length} pages`);
  if (failed.length && zyte) {
    // evaluate.py's own rule for an empty body: recall 0, and no precision (it is undefined), so not counted.
    console.log(
      '  (a page postclip gives no body on counts as empty: 0 on the shingle metric; on the zyte one,',
    );
    console.log('  recall 0 and no precision, as its evaluate.py scores an empty body)');
  }
  printRows(results, zyte);
  if (zyte) {
    // Page by page, where each extractor wins by more than a rounding difference.
    const behind = results.filter((x) => x.postclip.f1 < x.readability.f1 - 0.01).length;
    const ahead = results.filter((x) => x.postclip.f1 > x.readability.f1 + 0.01).length;
    console.log(`  pages where postclip F1 is below readability's by > 0.01: ${behind}; above: ${ahead}`);
  }
  if (failed.length) {
    const codes = failed.map((x) => `${x.name} (${x.postclipError ?? ''})`).join(', ');
    console.log(`  postclip gave no body on ${failed.length}: ${codes}`);
    // The same figures without the refused pages: what a clipped page looks like, beside what is refused.
    const clipped = results.filter((x) => x.postclipError === null);
    console.log(`  on the ${clipped.length} pages postclip clips:`);
    printRows(clipped, zyte);
  }
  if (worst > 0) {
    const sorted = [...results].sort((a, b) =>
      RANK_OWN
        ? a.postclip.f1 - b.postclip.f1
        : a.postclip.f1 - a.readability.f1 - (b.postclip.f1 - b.readability.f1),
    );
    const against = RANK_OWN ? 'by postclip F1' : 'against Readability';
    console.log(`  worst ${worst} ${against} (name: postclip P/R/F1 | readability F1):`);
    for (const x of sorted.slice(0, worst)) {
      const q = x.postclip;
      console.log(`    ${x.name}: ${f3(q.precision)}/${f3(q.recall)}/${f3(q.f1)} | ${f3(x.readability.f1)}`);
      if (show > 0) printRuns(x, show);
    }
  }
}

/** The readerable check on one page's HTML, on the CLI's DOM. */
function readerableOf(bytes: Uint8Array, url: string): boolean {
  return isReaderable(parseHtmlDocument(decodeHtml(bytes).text, url));
}

function printReadabilityAgreement(pages: Page[], labels: Map<string, boolean>): void {
  let agree = 0;
  let articles = 0;
  let articlesYes = 0;
  const wrong: string[] = [];
  for (const page of pages) {
    const label = labels.get(page.name);
    if (label === undefined) continue;
    const got = readerableOf(page.bytes, page.url);
    if (got === label) agree++;
    else wrong.push(`${page.name} (label ${String(label)})`);
    if (label) {
      articles++;
      if (got) articlesYes++;
    }
  }
  const labelled = Array.from(labels.keys()).filter((k) => pages.some((p) => p.name === k)).length;
  console.log(`\nreaderable vs readability labels: ${agree}/${labelled} agree (${pct(agree, labelled)})`);
  console.log(`  articles readerable: ${articlesYes}/${articles} (${pct(articlesYes, articles)})`);
  if (wrong.length) console.log(`  disagree: ${wrong.join(', ')}`);
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

/** Our own pages: `article/*.html` must be readerable, `list/*.html` must not. */
function printOwnPages(): void {
  const read = (kind: string): { name: string; isReaderable: boolean }[] => {
    const dir = join(OWN_PAGES, kind);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({
        name: f,
        isReaderable: readerableOf(readFileSync(join(dir, f)), `https://example.org/${kind}/${f}`),
      }));
  };
  const articles = read('article');
  const lists = read('list');
  const yes = articles.filter((a) => a.isReaderable);
  const wrongLists = lists.filter((l) => l.isReaderable);
  console.log(`\nreaderable on tests/bench/readerable-pages:`);
  console.log(
    `  articles readerable: ${yes.length}/${articles.length} (${pct(yes.length, articles.length)})`,
  );
  const missed = articles.filter((a) => !a.isReaderable).map((a) => a.name);
  if (missed.length) console.log(`  articles refused: ${missed.join(', ')}`);
  console.log(`  list pages wrongly readerable: ${wrongLists.length}/${lists.length}`);
  if (wrongLists.length) console.log(`    ${wrongLists.map((l) => l.name).join(', ')}`);
}

/** An outside labelled set (body-outside.ts): all pages, then each half, by both metrics. */
function printOutsideSet(
  root: string,
  half: string | undefined,
  only: (pages: Page[]) => Page[],
  worst: number,
  show: number,
): void {
  const pages = readOutsideSet(root).filter((p) => half === undefined || p.half === half.toUpperCase());
  const kept = new Set(only(pages).map((p) => p.name));
  const scored = new Map<string, PageResult>();
  for (const r of scorePages(pages.filter((p) => kept.has(p.name)))) scored.set(r.name, r);
  const resultsOf = (h?: 'A' | 'B'): PageResult[] =>
    pages.flatMap((p) => (h === undefined || p.half === h ? (scored.get(p.name) ?? []) : []));
  printSet(`${root} (ground-truth.json)`, resultsOf(), 0, 0, true);
  for (const h of ['A', 'B'] as const) {
    const part = resultsOf(h);
    if (part.length) printSet(`half ${h} (sha256(id) ${h === 'A' ? '0-7' : '8-f'})`, part, worst, show, true);
  }
  // Every page here is an article: the popup's auto-clip check should say so.
  const chosen = pages.filter((p) => kept.has(p.name));
  const yes = chosen.filter((p) => readerableOf(p.bytes, p.url)).length;
  console.log(`\n  readerable (all are articles): ${yes}/${chosen.length} (${pct(yes, chosen.length)})`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      set: { type: 'string' },
      worst: { type: 'string', default: '0' },
      show: { type: 'string', default: '0' },
      page: { type: 'string' },
      half: { type: 'string' },
      rank: { type: 'string' },
    },
  });
  const root = resolve(positionals[0] ?? '../shared/corpus');
  const worst = Number(values.worst) || 0;
  const show = Number(values.show) || 0;
  const only = (pages: Page[]): Page[] =>
    values.page === undefined ? pages : pages.filter((p) => p.name.startsWith(values.page ?? ''));
  const started = Date.now();
  if (isOutsideSet(root)) {
    printOutsideSet(root, values.half, only, worst, show);
    console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  if (values.set === undefined || values.set === 'readability') {
    const { pages, readerable } = readReadabilitySet(root);
    printSet('readability/test-pages (expected.html)', scorePages(only(pages)), worst, show);
    printReadabilityAgreement(pages, readerable);
  }
  if (values.set === undefined || values.set === 'chinese') {
    const pages = only(readChineseSet(root));
    printSet('chinese-web-content-extraction (cleaned/)', scorePages(pages), worst, show);
    // No readerable labels here, but every page has hand-cut content: mostly articles, blogs and forum posts.
    const yes = pages.filter((p) => readerableOf(p.bytes, p.url)).length;
    console.log(
      `  readerable (no labels; all have content): ${yes}/${pages.length} (${pct(yes, pages.length)})`,
    );
  }
  printOwnPages();
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
