import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers, MessageSender, SelfIdentity } from '../../utils/platform/messages';
import { handleMessage, parseMessage, registerHandlers, sendMessage } from '../../utils/platform/messages';

vi.mock('wxt/browser', () => import('../kit/browser'));

const SELF: SelfIdentity = { id: 'abc', origin: 'chrome-extension://abc/' };
const POPUP: MessageSender = { id: 'abc', url: 'chrome-extension://abc/popup.html' };
const PROBE = { tabId: 7, url: 'https://a.example/', title: 'A', isReaderable: true, savedClipId: null };

function makeHandlers(): Handlers & { calls: string[]; requests: unknown[] } {
  const calls: string[] = [];
  const requests: unknown[] = [];
  return {
    calls,
    requests,
    'probe-tab': () => {
      calls.push('probe');
      return Promise.resolve({ ok: true, value: PROBE });
    },
    'clip-tab': (request) => {
      calls.push(`clip:${request.mode}`);
      requests.push(request);
      return Promise.resolve({ ok: false, code: 'not-an-article' });
    },
    'start-picker': (request) => {
      calls.push(`picker:${request.tabId}`);
      requests.push(request);
      return Promise.resolve({ ok: true, value: null });
    },
    'batch-start': (request) => {
      calls.push(`batch-start:${request.scope}`);
      requests.push(request);
      return Promise.resolve({ ok: false, code: 'no-active-tab' });
    },
    'batch-cancel': () => {
      calls.push('batch-cancel');
      return Promise.resolve({ ok: true, value: null });
    },
    'batch-status': () => {
      calls.push('batch-status');
      return Promise.resolve({ ok: true, value: null });
    },
    'refetch-images': (request) => {
      calls.push(`refetch:${request.clipId}`);
      requests.push(request);
      return Promise.resolve({ ok: false, code: 'not-found' });
    },
    'publish-clips': (request) => {
      calls.push(`publish:${request.items.length}`);
      requests.push(request);
      return Promise.resolve({ ok: true, value: { published: [], failed: [] } });
    },
    'publish-test': () => {
      calls.push('publish-test');
      return Promise.resolve({ ok: true, value: { ok: false, code: 'publish-auth' } });
    },
    'publish-claim-pending': () => {
      calls.push('publish-claim-pending');
      return Promise.resolve({ ok: true, value: ['c1'] });
    },
    'toolbar-attach': () => {
      calls.push('toolbar-attach');
      return Promise.resolve({ ok: true, value: null });
    },
    'toolbar-outcome': (request) => {
      calls.push(`toolbar-outcome:${request.tabId}`);
      requests.push(request);
      return Promise.resolve({ ok: false, code: 'timeout' });
    },
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('batch messages', () => {
  it('routes start, cancel and status, passing only checked fields', async () => {
    const handlers = makeHandlers();
    const start = { scope: 'selected', discarded: 'skip', windowId: 3, extra: 'dropped' };
    await handleMessage({ type: 'batch-start', payload: start }, POPUP, handlers, SELF);
    await handleMessage({ type: 'batch-cancel', payload: {} }, POPUP, handlers, SELF);
    await handleMessage({ type: 'batch-status', payload: {} }, POPUP, handlers, SELF);
    expect(handlers.calls).toEqual(['batch-start:selected', 'batch-cancel', 'batch-status']);
    expect(handlers.requests).toEqual([{ scope: 'selected', discarded: 'skip', windowId: 3 }]);
  });

  it.each([
    { scope: 'all', discarded: 'skip' },
    { scope: 'window', discarded: 'maybe' },
    { scope: 'window', discarded: 'reload', windowId: -1 },
    { scope: 'window', discarded: 'reload', windowId: '3' },
  ])('refuses a malformed batch-start %o', (payload) => {
    expect(parseMessage({ type: 'batch-start', payload })).toBeNull();
  });
});

describe('toolbar messages', () => {
  it('routes attach and outcome with a checked tab id, and refuses a malformed one', async () => {
    const handlers = makeHandlers();
    await handleMessage({ type: 'toolbar-attach', payload: {} }, POPUP, handlers, SELF);
    const outcome = await handleMessage(
      { type: 'toolbar-outcome', payload: { tabId: 5, extra: 'dropped' } },
      POPUP,
      handlers,
      SELF,
    );
    expect(outcome).toEqual({ ok: false, code: 'timeout' });
    expect(handlers.calls).toEqual(['toolbar-attach', 'toolbar-outcome:5']);
    expect(handlers.requests).toEqual([{ tabId: 5 }]);
    expect(parseMessage({ type: 'toolbar-outcome', payload: { tabId: -1 } })).toBeNull();
    expect(parseMessage({ type: 'toolbar-outcome', payload: {} })).toBeNull();
  });

  it('passes the tab a toolbar popup names to probe and attach, and refuses a malformed one', () => {
    for (const type of ['probe-tab', 'toolbar-attach'] as const) {
      expect(parseMessage({ type, payload: { tabId: 7, extra: 1 } })).toEqual({
        type,
        payload: { tabId: 7 },
      });
      expect(parseMessage({ type, payload: {} })).toEqual({ type, payload: {} });
      expect(parseMessage({ type, payload: { tabId: '7' } })).toBeNull();
      expect(parseMessage({ type, payload: { tabId: -1 } })).toBeNull();
    }
  });
});

describe('refetch-images', () => {
  it('passes a clip id (and a tab id) through, and refuses a malformed one', async () => {
    const handlers = makeHandlers();
    await handleMessage(
      { type: 'refetch-images', payload: { clipId: 'c1', tabId: 3 } },
      POPUP,
      handlers,
      SELF,
    );
    expect(handlers.requests).toEqual([{ clipId: 'c1', tabId: 3 }]);
    expect(parseMessage({ type: 'refetch-images', payload: { clipId: '' } })).toBeNull();
    expect(parseMessage({ type: 'refetch-images', payload: { clipId: 'c', tabId: -1 } })).toBeNull();
  });
});

describe('handleMessage', () => {
  it('routes our pages’ messages to the matching handler', async () => {
    const handlers = makeHandlers();
    expect(await handleMessage({ type: 'probe-tab', payload: {} }, POPUP, handlers, SELF)).toEqual({
      ok: true,
      value: PROBE,
    });
    expect(
      await handleMessage({ type: 'clip-tab', payload: { mode: 'selection' } }, POPUP, handlers, SELF),
    ).toEqual({
      ok: false,
      code: 'not-an-article',
    });
    expect(handlers.calls).toEqual(['probe', 'clip:selection']);
  });

  it('routes start-picker with a tab and its URL, and refuses one without them', async () => {
    const handlers = makeHandlers();
    const payload = { tabId: 4, expectedUrl: 'https://a.example/' };
    expect(await handleMessage({ type: 'start-picker', payload }, POPUP, handlers, SELF)).toEqual({
      ok: true,
      value: null,
    });
    expect(handlers.requests).toEqual([payload]);
    expect(parseMessage({ type: 'start-picker', payload: { tabId: -1, expectedUrl: 'x' } })).toBeNull();
    expect(parseMessage({ type: 'start-picker', payload: { tabId: 4 } })).toBeNull();
  });

  it.each([
    ['another extension', { id: 'evil', url: 'chrome-extension://evil/x.html' }],
    ['a content script on a web page', { id: 'abc', url: 'https://news.example/', tab: { id: 1 } }],
    ['no url', { id: 'abc' }],
    ['a look-alike origin', { id: 'abc', url: 'chrome-extension://abcd/popup.html' }],
  ] as [string, MessageSender][])('ignores %s', (_label, sender) => {
    const handlers = makeHandlers();
    expect(handleMessage({ type: 'probe-tab', payload: {} }, sender, handlers, SELF)).toBeUndefined();
    expect(handlers.calls).toEqual([]);
  });

  it.each([
    { type: 'clip-tab', payload: { mode: 'everything' } },
    { type: 'clip-tab', payload: { mode: 'article', tabId: 7.5 } },
    { type: 'clip-tab', payload: { mode: 'article', tabId: '7' } },
    { type: 'clip-tab', payload: { mode: 'article', tabId: -1 } },
    { type: 'clip-tab', payload: { mode: 'article', tabId: null } },
    { type: 'clip-tab', payload: { mode: 'article', tabId: Number.NaN } },
    { type: 'clip-tab', payload: { mode: 'article', tabId: 7, expectedUrl: 42 } },
    { type: 'clip-tab', payload: { mode: 'article', tabId: 7, expectedUrl: 'x'.repeat(70_000) } },
    { type: 'delete-all', payload: {} },
    { type: 'probe-tab' },
    'probe-tab',
    null,
  ])('answers invalid-message to %j', async (raw) => {
    const handlers = makeHandlers();
    expect(await handleMessage(raw, POPUP, handlers, SELF)).toEqual({ ok: false, code: 'invalid-message' });
    expect(handlers.calls).toEqual([]);
  });

  it('turns a throwing handler into unknown', async () => {
    const handlers: Handlers = { ...makeHandlers(), 'probe-tab': () => Promise.reject(new Error('boom')) };
    expect(await handleMessage({ type: 'probe-tab', payload: {} }, POPUP, handlers, SELF)).toEqual({
      ok: false,
      code: 'unknown',
      detail: 'boom',
    });
  });

  it('passes the named tab and its expected URL to the clip handler', async () => {
    const handlers = makeHandlers();
    const payload = { mode: 'article', tabId: 7, expectedUrl: 'https://a.example/' };
    await handleMessage({ type: 'clip-tab', payload }, POPUP, handlers, SELF);
    await handleMessage({ type: 'clip-tab', payload: { mode: 'page', tabId: 0 } }, POPUP, handlers, SELF);
    expect(handlers.requests).toEqual([payload, { mode: 'page', tabId: 0 }]);
  });

  it('parseMessage keeps only known fields', () => {
    expect(parseMessage({ type: 'clip-tab', payload: { mode: 'page', extra: 1 }, more: 2 })).toEqual({
      type: 'clip-tab',
      payload: { mode: 'page' },
    });
  });
});

describe('sendMessage and registerHandlers', () => {
  it('never throws: no background becomes unknown', async () => {
    expect(await sendMessage('probe-tab', {})).toMatchObject({ ok: false, code: 'unknown' });
  });

  it('turns a non-Result answer into unknown', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ hello: 1 }));
    expect(await sendMessage('probe-tab', {})).toMatchObject({ ok: false, code: 'unknown' });
  });

  it('passes a Result answer through', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, value: PROBE }));
    expect(await sendMessage('probe-tab', {})).toEqual({ ok: true, value: PROBE });
  });

  it('registers a listener that answers our pages only, and removes it', async () => {
    const stop = registerHandlers(makeHandlers());
    const ours = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const message = { type: 'probe-tab', payload: {} };
    expect(await fakeBrowser.runtime.onMessage.trigger(message, ours)).toEqual([{ ok: true, value: PROBE }]);
    expect(await fakeBrowser.runtime.onMessage.trigger(message, { id: 'other' })).toEqual([undefined]);
    stop();
    expect(await fakeBrowser.runtime.onMessage.trigger(message, ours)).toEqual([]);
  });
});

describe('publish messages', () => {
  it('routes a well-formed publish request and refuses a malformed one', async () => {
    const handlers = makeHandlers();
    const items = [{ clipId: 'c1', files: [{ path: '_posts/a.md', text: 'x' }] }];
    await handleMessage(
      { type: 'publish-clips', payload: { items, message: 'm', overwrite: ['_posts/a.md'] } },
      POPUP,
      handlers,
      SELF,
    );
    expect(handlers.calls).toEqual(['publish:1']);
    expect(handlers.requests[0]).toEqual({ items, message: 'm', overwrite: ['_posts/a.md'] });
    const bad = { type: 'publish-clips', payload: { items: [{ clipId: 'c1', files: [{ path: 1 }] }] } };
    expect(parseMessage(bad)).toBeNull();
    expect(parseMessage({ type: 'publish-clips', payload: { items: [], overwrite: 'x' } })).toBeNull();
    expect(parseMessage({ type: 'publish-test', payload: {} })).toEqual({
      type: 'publish-test',
      payload: {},
    });
  });

  it('routes the pending auto-publish claim from our pages, with no payload fields', async () => {
    const handlers = makeHandlers();
    const claimed = await handleMessage(
      { type: 'publish-claim-pending', payload: { extra: 1 } },
      POPUP,
      handlers,
      SELF,
    );
    expect(claimed).toEqual({ ok: true, value: ['c1'] });
    const page = { id: 'abc', url: 'https://evil.example/' };
    expect(
      handleMessage({ type: 'publish-claim-pending', payload: {} }, page, handlers, SELF),
    ).toBeUndefined();
    expect(handlers.calls).toEqual(['publish-claim-pending']);
  });
});
