// Golden tests: pages we wrote, run through the whole pipeline (utils/dom/pipeline) with the clock frozen,
// checked against the facts in meta.json and then against the whole expected.md. See README.md here.
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toIsoString } from '../../utils/pure/dates';
import type { GoldenCase, GoldenExpectClip } from './update';
import { listCaseNames, loadCase, runCase } from './update';

const CASES = listCaseNames().map(loadCase);
const FRONT_MATTER = /^---\n([\s\S]*?\n)---\n/;

/** Jekyll's `date:` for an ISO published date: `2022-02-17T09:00:40+08:00` → `2022-02-17 09:00:40 +0800`. */
function toJekyllForm(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})([+-])(\d{2}):(\d{2})$/.exec(iso);
  return m ? `${m[1]} ${m[2]} ${m[3]}${m[4]}${m[5]}` : null;
}

function checkClip(golden: GoldenCase, want: GoldenExpectClip): void {
  const result = runCase(golden);
  if (!result.ok) {
    expect.fail(
      `${golden.name}: expected a post, got error ${result.code}${result.detail ? `: ${result.detail}` : ''}`,
    );
    return;
  }
  const { draft, post } = result.value;

  // Facts first, softly, so one run lists every wrong field of the case.
  expect.soft(draft.kind, 'kind of clip').toBe('article');
  expect.soft(draft.title, 'title').toBe(want.title);
  const published = draft.published ? toIsoString(draft.published.parts) : null;
  expect.soft(published, `published date (found: ${JSON.stringify(draft.published)})`).toBe(want.published);
  if (want.publishedSource !== undefined)
    expect.soft(draft.published?.source, 'where the published date was found').toBe(want.publishedSource);
  if (want.siteName !== undefined) expect.soft(draft.siteName, 'siteName').toBe(want.siteName);
  if (want.byline !== undefined) expect.soft(draft.byline, 'byline').toBe(want.byline);
  if (want.lang !== undefined) expect.soft(draft.lang, 'lang').toBe(want.lang);
  if (want.dir !== undefined) expect.soft(draft.dir, 'dir').toBe(want.dir);
  if (want.canonical !== undefined) expect.soft(draft.canonical, 'canonical').toBe(want.canonical);
  if (want.keywords !== undefined) expect.soft(draft.keywords, 'keywords').toEqual(want.keywords);
  if (want.pagesJoined !== undefined)
    expect.soft(draft.pagesJoined ?? 1, 'pages joined').toBe(want.pagesJoined);

  // The front matter must be valid YAML that gives the title back, in YAML 1.2 and in Jekyll's YAML 1.1.
  const frontMatter = FRONT_MATTER.exec(post.content)?.[1];
  expect.soft(frontMatter, 'post starts with a --- front matter block').toBeDefined();
  if (frontMatter !== undefined) {
    const parsed: unknown = parseYaml(frontMatter);
    const parsed11: unknown = parseYaml(frontMatter, { version: '1.1' });
    expect.soft(parsed, 'front matter (YAML 1.2)').toMatchObject({ title: want.title });
    expect.soft(parsed11, 'front matter (YAML 1.1, as Jekyll reads it)').toMatchObject({ title: want.title });
    const postDate = want.postDate ?? (want.published === null ? null : toJekyllForm(want.published));
    if (postDate !== null) expect.soft(parsed, 'front matter date').toMatchObject({ date: postDate });
  }
  expect.soft(post.filename, 'filename').toBe(want.filename);

  // Booleans, not toContain: a failure names the text instead of printing the whole body.
  const body = post.content.replace(FRONT_MATTER, '');
  for (const text of want.bodyIncludes ?? [])
    expect.soft(body.includes(text), `body should include ${JSON.stringify(text)}`).toBe(true);
  for (const text of want.bodyExcludes ?? [])
    expect.soft(body.includes(text), `body should not include ${JSON.stringify(text)}`).toBe(false);

  // Then the whole post, byte for byte.
  expect(
    golden.expectedMarkdown,
    `${golden.name}/expected.md is missing: run npx tsx tests/golden/update.ts ${golden.name}`,
  ).not.toBeNull();
  expect(post.content, `${golden.name}/expected.md`).toBe(golden.expectedMarkdown);
}

describe('golden pages', () => {
  it('has cases to run', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(14);
  });

  it.each(CASES.map((golden) => [golden.name, golden] as const))('%s', (_name, golden) => {
    const want = golden.meta.expect;
    if (want.ok) {
      checkClip(golden, want);
      return;
    }
    const result = runCase(golden);
    expect(result.ok ? 'a post' : result.code, `${golden.name} should not clip`).toBe(want.error);
    expect(golden.expectedMarkdown, `${golden.name} expects an error: delete its expected.md`).toBeNull();
  });
});
