// End-to-end in real headless Chromium: a three-page article served from 127.0.0.1, clipped with a toolbar click.
// The injected script fetches pages 2 and 3 from the page itself; the post holds every part once, and the popup
// says how many pages were joined.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ChromiumSession } from './helpers/chromium';
import { clickToolbarButton, launchChromium } from './helpers/chromium';
import type { PageServer } from './helpers/server';
import { startPageServer } from './helpers/server';
import { BODY_TEXT_EXPR, pollValue } from './helpers/ui';

const ROOT = join(import.meta.dirname, '..', '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');

let server: PageServer;
let session: ChromiumSession;

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('Multi-page articles in Chromium', () => {
  before(async () => {
    server = await startPageServer(join(ROOT, 'tests', 'e2e', 'pages'));
    session = await launchChromium(EXTENSION);
  });
  after(async () => {
    await session.close();
    await server.close();
    await rm(session.profileDir, { recursive: true, force: true });
  });

  it('a toolbar click joins all three pages, each part once, and the popup says 3 pages', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('paged/story.html'));
    const popup = await clickToolbarButton(session, page);
    const text = await pollValue(
      () => popup.evaluate<string>(BODY_TEXT_EXPR),
      (t) => /pages joined/.test(t) && t.includes('Part 3 opens here'),
      'the popup to show the joined post',
    );
    await popup.detach();
    assert.match(text, /3 pages joined/);
    // The editor draws only the lines in view: page 3's first line is the last one shown in the popup.
    for (const n of [1, 2, 3]) assert.equal(count(text, `Part ${n} opens here`), 1, `part ${n} opens once`);
    for (const n of [1, 2]) assert.equal(count(text, `Part ${n} closes here`), 1, `part ${n} closes once`);
    assert.ok(text.indexOf('Part 1 opens') < text.indexOf('Part 2 opens'), 'page 1 before page 2');
    assert.ok(text.indexOf('Part 2 opens') < text.indexOf('Part 3 opens'), 'page 2 before page 3');
    assert.ok(count(text, 'Standfirst: after nine years') <= 1, 'the repeated standfirst is kept once');
    assert.doesNotMatch(text, /Next page/);
    await page.close();
  });
});
