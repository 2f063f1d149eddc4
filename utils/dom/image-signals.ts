// DOM: why an `<img>` is not article content: tracker, icon, avatar, ad or hidden. Reads attributes only, no layout.

export type SkipReason = 'tracker' | 'icon' | 'avatar' | 'ad' | 'hidden';

/** A declared side this small is a tracking pixel (1×1, 0×0, 2×2 spacers). */
const MAX_TRACKER_SIDE = 2;
/** Both sides at most this: an icon, a bullet or an emoji, not a picture. */
const MAX_ICON_SIDE = 48;
/** One declared side at most this, the other unknown: still an inline icon (`height="20"` emoji). */
const MAX_ICON_ONE_SIDE = 32;

const ICON_WORDS = new Set([
  'icon',
  'icons',
  'emoji',
  'emojis',
  'emoticon',
  'emoticons',
  'smiley',
  'smilies',
  'favicon',
  'sprite',
  'sprites',
  'spacer',
]);
const AVATAR_WORDS = new Set(['avatar', 'avatars', 'gravatar', 'userpic', 'headshot', 'profilepic', '头像']);
/** Containers whose pictures are the writer's, not the story's. */
const AUTHOR_CONTAINER_WORDS = new Set(['byline', 'author', 'authors', 'contributor']);
const AD_WORDS = new Set([
  'ad',
  'ads',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'adsbygoogle',
  'adslot',
  'sponsor',
  'sponsored',
  'dfp',
  '广告',
]);
/** Hosts (and their subdomains) that serve ads or tracking pixels, never article pictures. */
const AD_OR_TRACKER_HOSTS = [
  'doubleclick.net',
  'googlesyndication.com',
  'googleadservices.com',
  'google-analytics.com',
  'adnxs.com',
  'amazon-adsystem.com',
  'scorecardresearch.com',
  'taboola.com',
  'outbrain.com',
  'hm.baidu.com',
  'cnzz.com',
  'facebook.com',
];
const AD_HOST_LABELS = new Set([
  'ad',
  'ads',
  'adserver',
  'adservice',
  'pixel',
  'beacon',
  'track',
  'tracking',
]);

/** Lower-case words of a class, id, alt or URL path: `author-avatar__img` → author, avatar, img. */
function toWords(text: string | null): string[] {
  if (!text) return [];
  return text
    .toLowerCase()
    .split(/[^a-z0-9\u3400-\u9fff]+/u)
    .filter((w) => w !== '');
}

function hasWord(words: readonly string[], set: ReadonlySet<string>): boolean {
  return words.some((w) => set.has(w));
}

function readPixels(value: string | null): number | null {
  if (value === null) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value);
  return m ? Number(m[1]) : null;
}

function readStyle(el: Element, property: 'width' | 'height'): string | null {
  const style = el.getAttribute('style') ?? '';
  return new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i').exec(style)?.[1]?.trim() ?? null;
}

function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = (el.getAttribute('style') ?? '').toLowerCase();
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/.test(style);
}

function sizeSignal(img: Element): SkipReason | null {
  const width = readPixels(readStyle(img, 'width')) ?? readPixels(img.getAttribute('width'));
  const height = readPixels(readStyle(img, 'height')) ?? readPixels(img.getAttribute('height'));
  if ((width !== null && width <= MAX_TRACKER_SIDE) || (height !== null && height <= MAX_TRACKER_SIDE))
    return 'tracker';
  if (width !== null && height !== null)
    return width <= MAX_ICON_SIDE && height <= MAX_ICON_SIDE ? 'icon' : null;
  const side = width ?? height;
  return side !== null && side <= MAX_ICON_ONE_SIDE ? 'icon' : null;
}

function hostSignal(url: string): SkipReason | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  if (AD_OR_TRACKER_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return 'ad';
  if (AD_HOST_LABELS.has(host.split('.')[0] ?? '')) return 'ad';
  const pathWords = toWords(parsed.pathname);
  // Folder names only for icons (`/emoji/72x72/1f30a.png`, `/static/icons/x.png`): a photo may be named `icon-…`.
  const folderWords = toWords(parsed.pathname.slice(0, parsed.pathname.lastIndexOf('/')));
  if (pathWords.includes('favicon') || /\.ico$/i.test(parsed.pathname) || hasWord(folderWords, ICON_WORDS))
    return 'icon';
  if (hasWord(pathWords, AVATAR_WORDS)) return 'avatar';
  return null;
}

/**
 * Why `img` (with its chosen absolute `url`) is not content, or null when it is. Looks at the image's own size,
 * class, id, alt and URL, and at its ancestors below `root` for hiding, ad slots and author boxes.
 */
export function findSkipReason(img: Element, url: string, root: Element): SkipReason | null {
  if (isHiddenElement(img) || img.getAttribute('aria-hidden') === 'true') return 'hidden';
  const size = sizeSignal(img);
  if (size) return size;
  const ownWords = [...toWords(img.getAttribute('class')), ...toWords(img.getAttribute('id'))];
  const altWords = toWords(img.getAttribute('alt'));
  if (hasWord(ownWords, ICON_WORDS)) return 'icon';
  if (hasWord(ownWords, AVATAR_WORDS) || hasWord(altWords, AVATAR_WORDS)) return 'avatar';
  if (hasWord(ownWords, AD_WORDS)) return 'ad';
  const host = hostSignal(url);
  if (host) return host;
  // The root itself is not judged: an article's own class (`ad-free`, `author-note`) must not drop every picture.
  for (let el = img.parentElement; el && el !== root; el = el.parentElement) {
    if (isHiddenElement(el)) return 'hidden';
    const words = [...toWords(el.getAttribute('class')), ...toWords(el.getAttribute('id'))];
    if (hasWord(words, AD_WORDS) || el.hasAttribute('data-ad') || el.hasAttribute('data-ad-slot'))
      return 'ad';
    if (hasWord(words, AVATAR_WORDS) || hasWord(words, AUTHOR_CONTAINER_WORDS)) return 'avatar';
  }
  return null;
}
