// Pure: which site rule applies to a URL (first match wins, the user's before the built-in ones). Kept apart
// from templates so the background can match rules without loading the template engine, pinyin and YAML.
import type { SiteRule } from './template-shape';
import { hostOf } from './url';

const MAX_PATTERN_LENGTH = 500;
const SHANGHAI = 'Asia/Shanghai';
// Only generic names: an "editor" box (责任编辑 lines) and share bars. Site-specific selectors wait until they are
// verified on golden pages modelled on each site (issue 4).
const EDITOR_AND_SHARE = ['.editor', '[class*="share"]', '[id*="share"]'];

function makePortalRule(id: string, host: string): SiteRule {
  return {
    id: `builtin-${id}`,
    match: { type: 'host-suffix', value: host },
    timeZone: SHANGHAI,
    removeSelectors: EDITOR_AND_SHARE,
  };
}

/**
 * Rules used where the user has none of their own: mainland portals publish in +08:00 and print editor and share
 * lines Readability keeps. Conservative by design: nothing here changes the template.
 */
export const BUILT_IN_RULES: readonly SiteRule[] = [
  makePortalRule('cmrnn', 'cmrnn.com.cn'),
  makePortalRule('people', 'people.com.cn'),
  makePortalRule('xinhuanet', 'xinhuanet.com'),
  makePortalRule('news-cn', 'news.cn'),
  makePortalRule('chinanews', 'chinanews.com.cn'),
  makePortalRule('chinanews-com', 'chinanews.com'),
  makePortalRule('sina', 'sina.com.cn'),
  makePortalRule('sohu', 'sohu.com'),
];

/** Whether the text parses as an absolute URL: `file:` and `about:` URLs parse but have no host. */
function isAbsoluteUrl(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

function normalizeHost(value: string): string {
  return value.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/**
 * Whether `text` matches a URL glob: every character is literal except `*` (any run, `/` included), ignoring case.
 * Users never write regular expressions; the classic two-pointer walk takes at most pattern × text steps, so no
 * glob can hang the clip (a RegExp of many `.*` can backtrack exponentially). An empty or overlong glob matches nothing.
 */
export function isGlobMatch(glob: string, text: string): boolean {
  const pattern = glob.trim().toLowerCase();
  if (pattern === '' || pattern.length > MAX_PATTERN_LENGTH) return false;
  const subject = text.toLowerCase();
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < subject.length) {
    if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern[p] === subject[t]) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Whether a rule matches a URL. A URL that does not parse matches nothing. */
export function isRuleMatch(rule: SiteRule, url: string): boolean {
  if (!isAbsoluteUrl(url)) return false;
  const host = hostOf(url);
  const { type, value } = rule.match;
  switch (type) {
    case 'host':
      return host === normalizeHost(value);
    case 'host-suffix': {
      const suffix = normalizeHost(value);
      return suffix !== '' && (host === suffix || host.endsWith(`.${suffix}`));
    }
    case 'pattern':
      return isGlobMatch(value, url);
  }
}

/** The first rule that matches: the user's rules in their order, then the built-in ones. Null when none. */
export function findRule(
  userRules: readonly SiteRule[],
  url: string,
  builtIns: readonly SiteRule[] = BUILT_IN_RULES,
): SiteRule | null {
  return (
    userRules.find((rule) => isRuleMatch(rule, url)) ??
    builtIns.find((rule) => isRuleMatch(rule, url)) ??
    null
  );
}

/**
 * The template with the rule's field overrides: same keys replaced in place, new keys added at the end. An override
 * with an empty value removes the field (`source: ''`).
 */
