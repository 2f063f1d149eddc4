// Platform: hotlink-protected image CDNs (Chinese portals, WeChat) answer 403 unless the Referer names the page.
// A fetch cannot set Referer itself (a forbidden header), so for the length of one image fetch by the extension a
// declarativeNetRequest session rule sets it, scoped to that URL and to requests from no tab (the extension's own),
// and is removed after. The permission is `declarativeNetRequestWithHostAccess`: no install warning and no host
// access of its own; the rule acts only where the extension already has the image's host (the optional grant).
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';

type SessionRules = Pick<typeof Browser.declarativeNetRequest, 'updateSessionRules' | 'getSessionRules'>;

/** Rule ids of this module: a range of their own, so a sweep never touches another feature's rules. */
export const REFERER_RULE_MIN = 910_000;
export const REFERER_RULE_MAX = 919_999;

/**
 * What a browser sends from the page by default (strict-origin-when-cross-origin): the page's origin, never its
 * path. A CDN's hotlink check accepts it, since it is what the page itself sends; null for a page with no origin.
 */
export function refererFor(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}/`;
  } catch {
    return null;
  }
}

/** The rule matching exactly `imageUrl` fetched by the extension, or null for a URL a filter cannot name exactly. */
export function refererRule(
  id: number,
  imageUrl: string,
  referer: string,
): Browser.declarativeNetRequest.Rule | null {
  let href: string;
  try {
    href = new URL(imageUrl).href;
  } catch {
    return null;
  }
  // `*`, `^` and `|` are urlFilter syntax; such a URL is fetched without the rule rather than matching others.
  if (!/^https?:\/\//.test(href) || /[*^|]/.test(href)) return null;
  return {
    id,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [
        {
          header: 'referer',
          operation: 'set',
          value: referer,
        },
      ],
    },
    condition: {
      urlFilter: `|${href}|`,
      // -1: requests that belong to no tab, i.e. the extension's own fetch, never the page's.
      tabIds: [-1],
      resourceTypes: ['xmlhttprequest', 'other'] as Browser.declarativeNetRequest.ResourceType[],
    },
  };
}

export interface RefererRules {
  /** Runs `fetch` with the page's Referer on requests to `imageUrl`; without the API, just runs it. */
  withReferer<T>(imageUrl: string, pageUrl: string, fetch: () => Promise<T>): Promise<T>;
  /** Removes rules a stopped background left behind (session rules outlive a service worker). */
  sweep(): Promise<void>;
}

export function createRefererRules(api: SessionRules | undefined): RefererRules {
  let next = REFERER_RULE_MIN + Math.floor(Math.random() * 1000);
  const takeId = (): number => {
    next = next >= REFERER_RULE_MAX ? REFERER_RULE_MIN : next + 1;
    return next;
  };
  return {
    async withReferer(imageUrl, pageUrl, fetch) {
      const referer = refererFor(pageUrl);
      const rule = api && referer ? refererRule(takeId(), imageUrl, referer) : null;
      if (!api || !rule) return fetch();
      let isAdded = false;
      try {
        await api.updateSessionRules({ removeRuleIds: [rule.id], addRules: [rule] });
        isAdded = true;
      } catch {
        // No rule (API refused it): the fetch goes without the Referer, as before.
      }
      try {
        return await fetch();
      } finally {
        if (isAdded) await api.updateSessionRules({ removeRuleIds: [rule.id] }).catch(() => undefined);
      }
    },
    async sweep() {
      if (!api) return;
      const rules = await api.getSessionRules().catch(() => []);
      const ids = rules.map((r) => r.id).filter((id) => id >= REFERER_RULE_MIN && id <= REFERER_RULE_MAX);
      if (ids.length > 0) await api.updateSessionRules({ removeRuleIds: ids }).catch(() => undefined);
    },
  };
}

let shared: RefererRules | undefined;

/** The background's one set of rules (one id counter, so concurrent clips never share an id). */
export function browserRefererRules(): RefererRules {
  shared ??= createRefererRules(browser.declarativeNetRequest);
  return shared;
}
