// Hotlink-protected images: a session rule sets the page's origin as Referer on exactly one image fetch by the
// extension, and is gone afterwards, whatever the fetch did.
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
vi.mock('wxt/browser', () => import('../kit/browser'));
const { createRefererRules, refererFor, refererRule, REFERER_RULE_MAX, REFERER_RULE_MIN } =
  await import('../../utils/platform/image-referer');

type FakeRule = Browser.declarativeNetRequest.Rule;

function fakeApi(initial: FakeRule[] = []) {
  const rules = new Map<number, FakeRule>(initial.map((r) => [r.id, r]));
  return {
    rules,
    updateSessionRules: vi.fn((update: { removeRuleIds?: number[]; addRules?: FakeRule[] }) => {
      for (const id of update.removeRuleIds ?? []) rules.delete(id);
      for (const rule of update.addRules ?? []) rules.set(rule.id, rule);
      return Promise.resolve();
    }),
    getSessionRules: vi.fn(() => Promise.resolve([...rules.values()])),
  };
}

describe('refererFor', () => {
  it("is the page's origin, as the page itself would send it, and nothing for a page without one", () => {
    expect(refererFor('https://news.example.cn/2024/03/story.html?id=7#top')).toBe(
      'https://news.example.cn/',
    );
    expect(refererFor('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1:8080/');
    expect(refererFor('file:///home/me/page.html')).toBeNull();
    expect(refererFor('not a url')).toBeNull();
  });
});

describe('refererRule', () => {
  it('matches exactly the image URL, only for requests of no tab, and sets Referer', () => {
    const rule = refererRule(REFERER_RULE_MIN, 'https://img.cdn.example/a b.jpg', 'https://news.example/');
    expect(rule?.condition.urlFilter).toBe('|https://img.cdn.example/a%20b.jpg|');
    expect(rule?.condition.tabIds).toEqual([-1]);
    expect(rule?.action).toEqual({
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'referer', operation: 'set', value: 'https://news.example/' }],
    });
  });

  it('makes no rule for a URL a filter cannot name exactly, or that is not http(s)', () => {
    expect(refererRule(1, 'https://img.cdn.example/a*b.jpg', 'https://n.example/')).toBeNull();
    expect(refererRule(1, 'https://img.cdn.example/a^b.jpg', 'https://n.example/')).toBeNull();
    expect(refererRule(1, 'data:image/png;base64,AAAA', 'https://n.example/')).toBeNull();
    expect(refererRule(1, '::', 'https://n.example/')).toBeNull();
  });
});

describe('createRefererRules', () => {
  it('adds the rule before the fetch and removes it after', async () => {
    const api = fakeApi();
    const rules = createRefererRules(api);
    const seen = await rules.withReferer(
      'https://img.cdn.example/p.jpg',
      'https://news.example/s.html',
      () => {
        const [rule] = [...api.rules.values()];
        return Promise.resolve(rule?.action.requestHeaders?.[0]?.value);
      },
    );
    expect(seen).toBe('https://news.example/');
    expect(api.rules.size).toBe(0);
  });

  it('removes the rule when the fetch fails', async () => {
    const api = fakeApi();
    const rules = createRefererRules(api);
    await expect(
      rules.withReferer('https://img.cdn.example/p.jpg', 'https://news.example/', () =>
        Promise.reject(new Error('network')),
      ),
    ).rejects.toThrow('network');
    expect(api.updateSessionRules).toHaveBeenCalledTimes(2);
    expect(api.rules.size).toBe(0);
  });

  it('gives concurrent fetches their own rules', async () => {
    const api = fakeApi();
    const rules = createRefererRules(api);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const sizes: number[] = [];
    const one = (n: number) =>
      rules.withReferer(`https://img.cdn.example/${n}.jpg`, 'https://news.example/', async () => {
        await gate;
        sizes.push(api.rules.size);
      });
    const both = Promise.all([one(1), one(2)]);
    await vi.waitFor(() => expect(api.rules.size).toBe(2));
    release();
    await both;
    expect(sizes).toContain(2);
    expect(api.rules.size).toBe(0);
  });

  it('fetches without a rule where the API is missing or refuses it', async () => {
    await expect(
      createRefererRules(undefined).withReferer('https://i.example/a.png', 'https://n.example/', () =>
        Promise.resolve('fetched'),
      ),
    ).resolves.toBe('fetched');
    const api = fakeApi();
    api.updateSessionRules.mockRejectedValueOnce(new Error('refused'));
    await expect(
      createRefererRules(api).withReferer('https://i.example/a.png', 'https://n.example/', () =>
        Promise.resolve('fetched'),
      ),
    ).resolves.toBe('fetched');
    expect(api.updateSessionRules).toHaveBeenCalledTimes(1);
  });

  it('sweeps the rules a stopped background left, and only its own', async () => {
    const other: FakeRule = { id: 5, action: { type: 'block' }, condition: {} };
    const left: FakeRule = { id: REFERER_RULE_MIN + 3, action: { type: 'block' }, condition: {} };
    const last: FakeRule = { id: REFERER_RULE_MAX, action: { type: 'block' }, condition: {} };
    const api = fakeApi([other, left, last]);
    await createRefererRules(api).sweep();
    expect([...api.rules.keys()]).toEqual([5]);
  });
});
