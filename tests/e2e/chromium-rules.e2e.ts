// End-to-end in real headless Chromium: a site rule typed into the options page decides the exported post's front
// matter and removes an element from the body; the template picked there is what the popup renders.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import type { ChromiumSession } from './helpers/chromium';
import { clickToolbarButton, launchChromium, openExtensionPage } from './helpers/chromium';
import { readText, splitPost, waitForDownload } from './helpers/files';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { BODY_TEXT_EXPR, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const TITLE = '滨海新区中小企业走上“专精特新”之路';
const REMOVED = '本文由规则删除的段落';

let server: PageServer;
let session: ChromiumSession;

async function openOptions(): Promise<Page> {
  const options = await openExtensionPage(session, 'options.html');
  await options.getByRole('button', { name: 'Add rule', exact: true }).waitFor();
  return options;
}

async function openClipInLibrary(): Promise<Page> {
  const lib = await openExtensionPage(session, 'popup.html');
  await lib.getByRole('button', { name: 'Export all', exact: true }).waitFor();
  await lib.getByText(TITLE, { exact: true }).first().click();
  // The whole file sits in a collapsed "Post" section under the editor: open it as a reader would.
  await lib.locator('details.post-file > summary').click();
  await lib.getByLabel('Post', { exact: true }).waitFor();
  return lib;
}

describe('Postclip site rules in Chromium', () => {
  before(async () => {
    server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    session = await launchChromium(EXTENSION);
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('a rule is created in the options page, and a template error is refused with its place', async () => {
    const options = await openOptions();
    await options.getByRole('button', { name: 'Add rule', exact: true }).click();
    const form = options.getByRole('form', { name: 'Site rule' });
    await form.getByLabel('Match by', { exact: true }).selectOption('host');
    await form.getByLabel('Host or pattern', { exact: true }).fill('127.0.0.1');
    // A typo first: the rule is not saved, and the error says where and what was meant.
    await form.getByLabel('Categories', { exact: true }).fill('{{site|pinyn}}');
    await form.getByLabel('Tags (override)', { exact: true }).fill('{{site}}新闻');
    await form.getByLabel("Publisher's time zone", { exact: true }).fill('Asia/Shanghai');
    await form.getByLabel('CSS selectors to remove (one a line)', { exact: true }).fill('.rule-strip');
    await form.getByRole('button', { name: 'Save rule', exact: true }).click();
    const alert = await form.getByRole('alert').innerText();
    assert.match(alert, /Unknown filter 'pinyn' at line 1, column 8 — did you mean 'pinyin'\?/);
    assert.equal(await form.getByLabel('Categories', { exact: true }).getAttribute('aria-invalid'), 'true');
    await form.getByLabel('Categories', { exact: true }).fill('{{site|pinyin}}');
    await form.getByRole('button', { name: 'Save rule', exact: true }).click();
    await options.getByRole('button', { name: 'Edit rule 127.0.0.1', exact: true }).waitFor();
    await options.getByText('Saved', { exact: true }).first().waitFor();

    // It is stored: a fresh options page lists it and opens it with the values typed.
    await options.reload();
    await options.getByRole('button', { name: 'Edit rule 127.0.0.1', exact: true }).click();
    const again = options.getByRole('form', { name: 'Site rule' });
    assert.equal(await again.getByLabel('Categories', { exact: true }).inputValue(), '{{site|pinyin}}');
    assert.equal(
      await again.getByLabel('CSS selectors to remove (one a line)', { exact: true }).inputValue(),
      '.rule-strip',
    );
    await options.close();
  });

  it('a toolbar click clips the matching page', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('rule-article.html'));
    const popup = await clickToolbarButton(session, page);
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /Saved|已保存/.test(t),
      'the popup to report the clip',
    );
    assert.match(text, new RegExp(TITLE));
    await popup.detach();
    await page.close();
  });

  it('Download writes the post with the rule: categories, tags, zone, and the element removed', async () => {
    const lib = await openClipInLibrary();
    await lib.getByRole('button', { name: 'Download', exact: true }).click();
    const file = await waitForDownload(session.downloadsDir, /^2022-02-17-.*\.md$/);
    const { frontMatter, body } = splitPost(await readText(file));
    const fm = parseYaml(frontMatter) as Record<string, unknown>;
    assert.equal(fm.layout, 'post');
    assert.equal(fm.title, TITLE);
    assert.equal(fm.date, '2022-02-17 09:00:40 +0800');
    assert.equal(fm.categories, 'zhongguoshichangjianguanxinwenwang');
    assert.equal(fm.tags, '中国市场监管新闻网新闻');
    assert.match(body, /滨海新区市场监管局相关负责人表示/);
    assert.ok(!body.includes(REMOVED), 'the rule removed .rule-strip from the body');
    await lib.close();
  });

  it('the options preview shows the newest clip, and a template picked there is what the popup renders', async () => {
    const options = await openOptions();
    const filename = options.getByTestId('preview-filename');
    await pollValue(
      () => filename.innerText(),
      (t) => t.startsWith('2022-02-17-'),
      'the preview of the newest clip',
    );
    await options.getByLabel('Template', { exact: true }).selectOption('hugo-toml');
    await pollValue(
      () => options.getByTestId('preview-content').innerText(),
      (t) => t.startsWith('+++'),
      'the TOML preview',
    );
    assert.match(await filename.innerText(), /^content\/posts\/.+\.md$/);
    const lib = await openClipInLibrary();
    const post = await lib.getByLabel('Post', { exact: true }).inputValue();
    assert.match(post, /^\+\+\+\n/);
    assert.match(post, /^categories = "zhongguoshichangjianguanxinwenwang"$/m);
    assert.match(post, /^date = 2022-02-17T09:00:40\+08:00$/m);
    assert.ok(!post.includes(REMOVED));
    await lib.close();
    await options.close();
  });
});
