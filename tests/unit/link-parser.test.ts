// @vitest-environment jsdom
import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LINK_PARSER_PATH, parseInParserPage } from '../../utils/platform/link-parser';
import { LINK_PARSE_TARGET } from '../../utils/pure/link-clip';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

const OPTIONS = { mode: 'article' as const, now: 1, style: DEFAULT_MARKDOWN_STYLE };
type Offscreen = { hasDocument: () => Promise<boolean>; createDocument: (p: unknown) => Promise<void> };
const withOffscreen = fakeBrowser as unknown as { offscreen?: Offscreen };

afterEach(() => {
  vi.restoreAllMocks();
  delete withOffscreen.offscreen;
  fakeBrowser.reset();
});

describe('parseInParserPage', () => {
  it('Chrome: opens one offscreen document (DOM_PARSER) and sends it the page', async () => {
    let isOpen = false;
    const createDocument = vi.fn((params: unknown) => {
      expect(params).toMatchObject({ url: LINK_PARSER_PATH, reasons: ['DOM_PARSER'] });
      isOpen = true;
      return Promise.resolve();
    });
    withOffscreen.offscreen = { hasDocument: () => Promise.resolve(isOpen), createDocument };
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: 'x' });
    await parseInParserPage('<p>a</p>', 'https://news.example/a', OPTIONS);
    await parseInParserPage('<p>b</p>', 'https://news.example/b', OPTIONS);
    expect(createDocument).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenLastCalledWith({
      target: LINK_PARSE_TARGET,
      html: '<p>b</p>',
      url: 'https://news.example/b',
      options: OPTIONS,
    });
  });

  it('Firefox: without the offscreen API, the parser page runs in a frame of the background page', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: 'x' });
    const parsing = parseInParserPage('<p>a</p>', 'https://news.example/a', OPTIONS);
    await vi.waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    const frame = document.querySelector('iframe');
    expect(frame?.getAttribute('src')).toContain(LINK_PARSER_PATH);
    frame?.dispatchEvent(new Event('load'));
    expect(await parsing).toEqual({ ok: true, value: 'x' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
