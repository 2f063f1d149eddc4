// Pure: tells a title's headline from the site name around it (`Headline | Reuters`, `标题_国内新闻_新浪网`).
import { compact, countHan, normalizeSpace } from './page-text';
import { hostOf } from './url';

const SECOND_LEVEL = new Set([
  'com',
  'co',
  'net',
  'org',
  'gov',
  'edu',
  'ac',
  'or',
  'ne',
  'go',
  'mil',
  'int',
  'www',
]);

export function hostLabels(url: string): string[] {
  const host = hostOf(url);
  if (!host) return [];
  const labels = host.split('.');
  labels.pop(); // the TLD
  return labels.filter((l) => l.length >= 2 && !SECOND_LEVEL.has(l));
}

/** Whether `label` can be spelled by taking a prefix of each word in turn (`nytimes` ← New York Times). */
function isAbbreviation(label: string, words: string[]): boolean {
  const walk = (pos: number, index: number): boolean => {
    if (pos === label.length) return index === words.length || words.slice(index).every((w) => w.length <= 3);
    const word = words[index];
    if (word === undefined) return false;
    if (['the', 'of', 'and', 'a'].includes(word) && walk(pos, index + 1)) return true;
    for (let n = Math.min(word.length, label.length - pos); n >= 1; n -= 1) {
      if (word.slice(0, n) === label.slice(pos, pos + n) && walk(pos + n, index + 1)) return true;
    }
    return false;
  };
  return label.length >= 3 && words.length <= 8 && walk(0, 0);
}

/** A Chinese site or channel name: `中国市场监管新闻网`, `新浪新闻`, `央视网(cctv.com)`, `国际新闻`. */
export function isChineseSiteLike(segment: string): boolean {
  // Site names are short and plain: no spaces, quotes or punctuation apart from a `(domain)` after them.
  const s = normalizeSpace(segment).replace(/\s*[(（][^)）]{1,30}[)）]$/u, '');
  if (!/^[\p{Script=Han}A-Za-z0-9·]{2,16}$/u.test(s) || countHan(s) < 2) return false;
  return /(?:网|網|报|報|新闻|新聞|资讯|在线|在線|频道|頻道|门户|官网|政府|电视台|电台|通讯社|客户端|周刊|杂志)$/u.test(
    s,
  );
}

/** Whether a title segment names the site: a known site name, the domain, or a Chinese site-like name. */
export function isSiteSegment(segment: string, siteNames: string[], labels: string[]): boolean {
  const c = compact(segment.replace(/^the\s+/i, ''));
  if (!c) return false;
  for (const name of siteNames) {
    const n = compact(name.replace(/^the\s+/i, ''));
    if (!n) continue;
    if (c === n) return true;
    if (n.length >= 4 && c.includes(n) && normalizeSpace(segment).split(' ').length <= 6) return true;
    if (c.length >= 4 && n.includes(c)) return true;
  }
  const words = segment
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  for (const label of labels) {
    if (c === label) return true;
    if (label.length >= 4 && c.includes(label) && words.length <= 6) return true;
    if (c.length >= 4 && label.includes(c)) return true;
    if (isAbbreviation(label, words)) return true;
  }
  return isChineseSiteLike(segment);
}

interface Cut {
  start: number;
  end: number;
}

/** Where a title may be cut: spaced `| - – — · » :: / :`, or unspaced `| ｜ _ – — » ::` and CJK-adjacent `-`, `：`. */
export function findCuts(title: string): Cut[] {
  const cuts: Cut[] = [];
  const re =
    /\s+(?:[|\-–—·•»/\\~]|::)\s+|\s*(?:[|｜_–—»]|::|-{2,}|——)\s*|(?<=[\p{Script=Han}\p{P}])\s*-\s*|(?<=\S)\s*-\s*(?=[\p{Script=Han}])|:\s+|\s*：\s*/gu;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    if (m.index > 0 && m.index + m[0].length < title.length)
      cuts.push({ start: m.index, end: m.index + m[0].length });
  }
  return cuts;
}

/** A title's parts between its cuts: `电信_新浪科技_新浪网` → `电信`, `新浪科技`, `新浪网`. */
export function titleParts(title: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const cut of findCuts(title)) {
    parts.push(title.slice(from, cut.start).trim());
    from = cut.end;
  }
  parts.push(title.slice(from).trim());
  return parts.filter(Boolean);
}

export interface StrippedTitle {
  title: string;
  /** The site-name part that was removed (the outermost one), or null. */
  removed: string | null;
}

/**
 * Removes a site-name suffix or prefix when the removed part matches a site name, the domain, or
 * looks like a Chinese site name: `标题_中国市场监管新闻网`, `Headline | Reuters`. `Star Wars: The Last Jedi` stays.
 */
export function stripSiteName(title: string, siteNames: string[], url: string): StrippedTitle {
  let current = normalizeSpace(title);
  let removed: string | null = null;
  const labels = hostLabels(url);
  // Repeat: `标题_国内新闻_新浪网` carries a channel name before the site name.
  for (let round = 0; round < 3; round += 1) {
    const cuts = findCuts(current);
    let changed = false;
    for (const cut of [...cuts].reverse()) {
      const tail = current.slice(cut.end).trim();
      const head = current.slice(0, cut.start).trim();
      if (head.length >= 2 && isSiteSegment(tail, siteNames, labels)) {
        removed ??= tail;
        current = head;
        changed = true;
        break;
      }
    }
    if (!changed) {
      for (const cut of cuts) {
        const lead = current.slice(0, cut.start).trim();
        const rest = current.slice(cut.end).trim();
        if (
          rest.length >= 2 &&
          compact(rest).length > compact(lead).length &&
          isSiteSegment(lead, siteNames, labels)
        ) {
          removed ??= lead;
          current = rest;
          changed = true;
          break;
        }
      }
    }
    if (!changed) break;
  }
  // Portals put the channel before the site: `标题_科技_腾讯网`. Once the site is gone, a short Han channel goes too.
  if (removed) {
    const channel = /^(.{4,}?)_([\p{Script=Han}]{2,6})$/u.exec(current);
    if (channel?.[1]) current = channel[1].trim();
    // `决议__2007年第23号国务院公报_中国政府网` leaves one of a doubled separator behind.
    current = current.replace(/\s*[_|｜]+$/u, '');
  }
  return { title: current, removed };
}

/** When one title is another plus a separator and more (`<title>` = og:title + `_站名`), that extra part names the site. */
export function learnSuffixes(titles: string[]): string[] {
  const learned: string[] = [];
  for (const a of titles) {
    for (const b of titles) {
      if (a === b || b.length <= a.length) continue;
      if (b.startsWith(a)) {
        const rest = b
          .slice(a.length)
          .replace(/^\s*(?:[|｜_\-–—·•»:：/\\~]|::)+\s*/u, '')
          .trim();
        if (rest && rest !== b.slice(a.length).trim()) learned.push(rest);
      } else if (b.endsWith(a)) {
        const rest = b
          .slice(0, b.length - a.length)
          .replace(/\s*(?:[|｜_\-–—·•»:：/\\~]|::)+\s*$/u, '')
          .trim();
        if (rest && rest !== b.slice(0, b.length - a.length).trim()) learned.push(rest);
      }
    }
  }
  return learned;
}

export function isHeadlineSized(text: string): boolean {
  const han = countHan(text);
  return han >= 4 || text.split(' ').length >= 2 || text.length >= 12;
}

/** Whether `h1` is `title` with a separated suffix or prefix removed (`Headline | Site` and `Site - Headline`). */
export function isTitleConfirmedBy(title: string, h1: string): boolean {
  const t = normalizeSpace(title);
  if (!h1 || !isHeadlineSized(h1) || t === h1) return t === h1;
  const sep = /^\s*(?:[|｜_\-–—·•»:：/\\~]|::)/u;
  // The headline is the longer part: in `Silicon Exposed: Open Verilog flow…` the h1 is the blog's name.
  const isLonger = (rest: string): boolean => compact(h1).length >= compact(rest).length;
  if (t.startsWith(h1) && sep.test(t.slice(h1.length)) && isLonger(t.slice(h1.length))) return true;
  const before = t.slice(0, t.length - h1.length);
  if (t.endsWith(h1) && /(?:[|｜_\-–—·•»:：/\\~]|::)\s*$/u.test(before) && isLonger(before)) return true;
  // A truncated headline (`A long headline about…`) is the start of the full one.
  const stem = t.replace(/(?:\.{3}|…)$/u, '').trim();
  return stem !== t && stem.length >= 10 && h1.startsWith(stem);
}

/** What a title adds around the headline (`Headline | Site` → `Site`), when it is one short segment. */
export function removedAround(title: string, h1: string): string | null {
  const t = normalizeSpace(title);
  const i = t.indexOf(h1);
  if (i < 0) return null;
  const rest = (t.slice(0, i) + ' ' + t.slice(i + h1.length))
    .replace(/^\s*(?:[|｜_\-–—·•»:：/\\~]|::)+\s*|\s*(?:[|｜_\-–—·•»:：/\\~]|::)+\s*$/gu, '')
    .trim();
  return rest && rest.length <= 40 && findCuts(rest).length === 0 ? rest : null;
}

/**
 * Last resort for `<title>Headline - Site</title>` when nothing names the site: a short last part
 * after a spaced `|`, `-`, `–`, `—`, `»` or `::` is taken as the site when the headline before it is longer.
 */
export function stripUnknownSuffix(title: string): StrippedTitle {
  const m = /^(.*\S)\s+(?:[|\-–—»·]|::)\s+([^|\-–—»·]+)$/u.exec(title);
  if (!m?.[1] || !m[2]) return { title, removed: null };
  const head = m[1];
  const tail = m[2].trim();
  const words = (s: string): number => s.split(' ').length + Math.floor(countHan(s) / 2);
  if (words(tail) <= 4 && words(head) >= 3 && head.length > tail.length)
    return { title: head, removed: tail };
  return { title, removed: null };
}
