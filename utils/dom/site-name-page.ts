// DOM: the site's name as the page itself shows it when no metadata declares it: the holder of the copyright line
// (`© 2026 Harbour Post`, `Copyright © 江城新闻网 All Rights Reserved`) or the alt text of the logo linking home.
import { UNSEEN_TAGS, withBlockTags } from './html-blocks';
import { isInChrome } from './page-chrome';
import { copyrightHolder } from '../pure/copyright';
import { clean } from '../pure/page-text';

const MAX_NAME_CHARS = 40;
/** The last lines of a page are where a copyright line stands. */
const TAIL_CHARS = 3000;

/** Elements that end a line of what the page shows: a footer's `<p>`s and `<li>`s are separate lines. */
const LINE_TAGS = withBlockTags('BR', 'TR', 'TD', 'TH');

/**
 * The last `max` characters of what the page shows (its `textContent` without scripts and styles), read
 * backwards, with a line break between blocks: `<p>© 2024 Harbour Post</p><p>Privacy</p>` is two lines.
 */
function readTailText(root: Element, max: number): string {
  const parts: string[] = [];
  let chars = 0;
  const walk = (el: Element): void => {
    for (let node = el.lastChild; node && chars < max; node = node.previousSibling) {
      if (node.nodeType === 3) {
        // Only block boundaries end a line; a source line break is a gap (two spaces), which ends a holder's
        // name but not the space between `© 2019` and the name on the next source line.
        const text = (node.textContent ?? '').replace(/\s*\n\s*/g, '  ');
        parts.push(text);
        chars += text.length;
      } else if (node.nodeType === 1) {
        const tag = (node as Element).tagName.toUpperCase();
        if (UNSEEN_TAGS.has(tag)) continue;
        const isBlock = LINE_TAGS.has(tag);
        if (isBlock) parts.push('\n');
        walk(node as Element);
        if (isBlock) parts.push('\n');
      }
    }
  };
  walk(root);
  return parts.reverse().join('').slice(-max);
}

/** The copyright holder named near the end of the page, or null. */
export function findCopyrightHolder(doc: Document): string | null {
  return doc.body ? copyrightHolder(readTailText(doc.body, TAIL_CHARS)) : null;
}

/** The alt text of an image inside a link to the site's home page (`<a href="/"><img alt="…"></a>`), or null. */
export function findLogoName(doc: Document, url: string): string | null {
  let home: URL;
  try {
    home = new URL('/', url);
  } catch {
    return null;
  }
  for (const img of Array.from(doc.querySelectorAll('a[href] img[alt]')).slice(0, 20)) {
    const href = img.closest('a')?.getAttribute('href') ?? '';
    let target: URL;
    try {
      target = new URL(href, url);
    } catch {
      continue;
    }
    const isHome = target.origin === home.origin && /^\/(?:index\.\w+)?$/.test(target.pathname);
    const alt = clean(img.getAttribute('alt'));
    if (isHome && alt && alt.length <= MAX_NAME_CHARS && !/^(?:logo|home|首页)$/i.test(alt)) return alt;
  }
  return null;
}

/**
 * Elements whose class or id names the publishing account of a platform page (WeChat's `rich_media_meta_nickname`,
 * `profile_nickname`; `account-name` elsewhere; not `channel-name`, a news site's section). The platform's og:site_name (`微信公众平台`) is
 * the same for every account; the account is the name readers know the post by.
 */
const ACCOUNT_SELECTOR = [
  '[class*="nickname"]',
  '[id*="nickname"]',
  '[class*="account-name"]',
  '[class*="account_name"]',
].join(', ');
const MAX_ACCOUNT_ELEMENTS = 20;
const MAX_NAME_ELEMENTS = 3;

/**
 * The one account the page names as its publisher, or null. Only when every account element names the same
 * account, and not the byline's author: a forum page names a poster per post, and a personal blog's
 * nickname is the author, not a site.
 */
export function findAccountName(doc: Document, byline: string | null): string | null {
  const names = new Set<string>();
  const elements = Array.from(doc.querySelectorAll(ACCOUNT_SELECTOR)).slice(0, MAX_ACCOUNT_ELEMENTS);
  for (const el of elements) {
    // A wrapper's own label (`<div class="nickname-box"><span>…</span><em>关注</em>`) is read from its leaf.
    // In comments, a sidebar or the site's chrome: a commenter's nickname there names no publisher.
    if (el.querySelector(ACCOUNT_SELECTOR) || isInChrome(el)) continue;
    // A name is a leaf or a link around it; a widget (a login box's `nickname` label, a form) holds more.
    if (el.querySelectorAll('*').length > MAX_NAME_ELEMENTS || el.closest('form')) continue;
    const name = clean(el.textContent);
    if (name) names.add(name);
  }
  if (names.size !== 1) return null;
  const [name = ''] = names;
  // `有态度网...`: a name the page cut short for its box is not one to show.
  if (
    name.length > MAX_NAME_CHARS ||
    !/\p{L}/u.test(name) ||
    /\d{4}/.test(name) ||
    /(?:\.{3}|…)$/u.test(name)
  )
    return null;
  const author = clean(byline);
  if (author && (author.includes(name) || name.includes(author))) return null;
  return name;
}
