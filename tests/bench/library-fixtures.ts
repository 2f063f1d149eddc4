// Deterministic fake clips for the library benchmark: realistic sizes (3–8 kB of article HTML and as much
// Markdown), English and Chinese titles, 30 sites, keywords and published dates. No DOM, no extension API, so it
// runs in Node (to know the expected filter matches) and inside the extension page (to fill the store).
import type { ClipDraft, FoundDate } from '../../utils/pure/types';

export interface BenchSite {
  host: string;
  name: string;
  lang: 'en' | 'zh';
  /** Publisher offset, minutes east of UTC. */
  offsetMinutes: number;
}

export interface BenchClip {
  draft: ClipDraft;
  markdown: string;
  /** The `now` to save it with: older clips first, an hour or so apart. */
  clippedAt: number;
}

/** A word that appears in exactly one title (the oldest clip's): a filter for it scans the whole library. */
export const RARE_WORD = 'zeppelinhangar';
/** Saved clips end at this instant (fixed, so runs compare). */
export const NEWEST_CLIPPED_AT = Date.UTC(2025, 5, 30, 12, 0, 0);

const EN_SITES: [string, string, number][] = [
  ['coastal-courier.example', 'The Coastal Courier', 0],
  ['metro-ledger.example', 'Metro Ledger', -300],
  ['northern-gazette.example', 'Northern Gazette', 60],
  ['valley-times.example', 'Valley Times', -480],
  ['harbour-post.example', 'Harbour Post', 600],
  ['prairie-herald.example', 'Prairie Herald', -360],
  ['tech-dispatch.example', 'Tech Dispatch', -420],
  ['science-weekly.example', 'Science Weekly', 0],
  ['market-wire.example', 'Market Wire', -300],
  ['civic-record.example', 'Civic Record', 60],
  ['island-observer.example', 'Island Observer', -600],
  ['river-journal.example', 'River Journal', -300],
  ['summit-review.example', 'Summit Review', 330],
  ['lakeside-daily.example', 'Lakeside Daily', -360],
  ['global-brief.example', 'Global Brief', 0],
];

const ZH_SITES: [string, string, number][] = [
  ['news.dongfang.example', '东方日报', 480],
  ['www.jiangnan-wanbao.example', '江南晚报', 480],
  ['tech.xinzhi.example', '新知科技', 480],
  ['finance.caijing-shibao.example', '财经时报', 480],
  ['www.beifang-chenbao.example', '北方晨报', 480],
  ['city.dushi-kuaibao.example', '都市快报', 480],
  ['www.huanqiu-guancha.example', '环球观察', 480],
  ['sports.tiyu-zhoukan.example', '体育周刊', 480],
  ['www.kexue-shijie.example', '科学世界', 480],
  ['culture.wenhua-bao.example', '文化报', 480],
  ['www.haixia-dao.example', '海峡导报', 480],
  ['news.xibu-shangbao.example', '西部商报', 480],
  ['www.nanfang-pinglun.example', '南方评论', 480],
  ['edu.jiaoyu-xianfeng.example', '教育先锋', 480],
  ['www.hk-mingpai.example', '明湃新闻', 480],
];

export const SITES: BenchSite[] = [
  ...EN_SITES.map(([host, name, offsetMinutes]) => ({ host, name, lang: 'en' as const, offsetMinutes })),
  ...ZH_SITES.map(([host, name, offsetMinutes]) => ({ host, name, lang: 'zh' as const, offsetMinutes })),
];

const EN_ADJECTIVES = [
  'Harbour',
  'Rural',
  'Regional',
  'Quiet',
  'Record',
  'Late-night',
  'Historic',
  'Emergency',
  'Volunteer',
  'Municipal',
  'Solar',
  'Coastal',
  'Student',
  'Veteran',
  'Independent',
];
const EN_SUBJECTS = [
  'city council',
  'school board',
  'ferry operators',
  'hospital staff',
  'orchard growers',
  'bus drivers',
  'library users',
  'fishing crews',
  'startup founders',
  'wildlife rangers',
  'museum curators',
  'rail engineers',
  'water utility',
  'tenants union',
  'climate researchers',
];
const EN_VERBS = [
  'approves',
  'rejects',
  'debates',
  'celebrates',
  'questions',
  'expands',
  'delays',
  'unveils',
  'defends',
  'rethinks',
];
const EN_OBJECTS = [
  'new budget',
  'tidal power plan',
  'night bus routes',
  'flood barrier',
  'housing project',
  'bridge repairs',
  'data centre',
  'park extension',
  'heat wave response',
  'fare increase',
  'reading programme',
  'harbour dredging',
];
const EN_PLACES = ['after long meeting', 'amid protests', 'ahead of winter', 'for 2026', 'in close vote', ''];

const ZH_PLACES = ['本市', '江南', '西部', '沿海', '城郊', '老城区', '高新区', '港口', '山区', '北方'];
const ZH_SUBJECTS = ['地铁', '书房', '医院', '菜市场', '公交', '学校', '社区', '养老院', '体育馆', '博物馆'];
const ZH_ACTIONS = ['延长开放时间', '启动改造', '迎来客流高峰', '试行新规', '获得专项资金', '完成扩建'];
const ZH_TAILS = ['市民夜读有了好去处', '居民点赞', '专家解读', '记者实地探访', '明年全面推广', ''];

const EN_TOPICS = [
  'economy',
  'transport',
  'housing',
  'climate',
  'education',
  'health',
  'energy',
  'culture',
  'technology',
  'local politics',
  'sport',
  'science',
];
const ZH_TOPICS = [
  '经济',
  '交通',
  '住房',
  '气候',
  '教育',
  '健康',
  '能源',
  '文化',
  '科技',
  '城市',
  '体育',
  '民生',
];

const EN_SENTENCES = [
  'Officials said the decision followed months of consultation with residents and local businesses.',
  'The proposal drew support from several neighbourhood groups, though critics warned about the cost.',
  'According to figures released on Monday, demand has risen steadily over the past three years.',
  'Engineers expect the first phase to be finished before the end of the next financial year.',
  'A spokesperson declined to comment on the timetable but said talks would continue next week.',
  'Residents who attended the meeting asked for clearer information about disruption during the works.',
  'The council will publish a full report, including an independent review of the budget, in the spring.',
  'Analysts noted that similar schemes elsewhere had taken longer and cost more than first planned.',
  'Local schools have been invited to take part in a series of open days over the summer.',
  'The project is funded partly by a regional grant and partly by a levy agreed last year.',
];
const ZH_SENTENCES = [
  '记者从相关部门获悉，这项措施将于下月起正式实施，覆盖全市主要街道。',
  '不少市民表示，新规让日常出行更加方便，也希望后续能进一步扩大范围。',
  '据统计，今年前五个月的客流量同比增长超过两成，创下历史新高。',
  '专家指出，配套设施的完善需要时间，短期内仍可能出现排队现象。',
  '负责人介绍，项目资金主要来自专项拨款，预计年底前完成全部工程。',
  '社区工作人员提醒居民关注官方通知，合理安排时间，避免高峰时段。',
  '多位受访者认为，这一变化体现了城市管理的精细化水平正在提升。',
  '下一步，有关部门还将听取各方意见，对方案进行持续优化和调整。',
];

/** Mulberry32: small, fast, and the same sequence in Node and in the browser. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function toOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function makeTitle(random: () => number, site: BenchSite, index: number): string {
  if (site.lang === 'zh') {
    const tail = pick(random, ZH_TAILS);
    const head = `${pick(random, ZH_PLACES)}${pick(random, ZH_SUBJECTS)}${pick(random, ZH_ACTIONS)}`;
    return tail ? `${head} ${tail}` : head;
  }
  const place = pick(random, EN_PLACES);
  const words = [
    pick(random, EN_ADJECTIVES),
    pick(random, EN_SUBJECTS),
    pick(random, EN_VERBS),
    pick(random, EN_OBJECTS),
  ];
  if (place) words.push(place);
  if (index % 97 === 0) words.push(`(part ${Math.floor(index / 97) + 1})`);
  return words.join(' ');
}

function makePublished(random: () => number, site: BenchSite, clippedAt: number): FoundDate | null {
  if (random() < 0.05) return null;
  // Published a few hours to a few days before it was clipped, in the publisher's zone.
  const at = new Date(clippedAt - Math.floor(random() * 4 * 86_400_000) + site.offsetMinutes * 60_000);
  const parts = {
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    day: at.getUTCDate(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: 0,
    offsetMinutes: site.offsetMinutes,
  };
  const raw =
    `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:00` +
    toOffset(site.offsetMinutes);
  return {
    raw,
    source: 'meta',
    detail: 'meta[property=article:published_time]',
    parts,
    zoneFrom: 'page',
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Body {
  html: string;
  markdown: string;
  text: string;
}

/** Article HTML (the shape Readability leaves) and its Markdown, grown block by block to about `target` bytes. */
function makeBody(random: () => number, site: BenchSite, url: string, target: number): Body {
  const sentences = site.lang === 'zh' ? ZH_SENTENCES : EN_SENTENCES;
  const html: string[] = [];
  const markdown: string[] = [];
  const text: string[] = [];
  let size = 0;
  let block = 0;
  while (size < target) {
    const kind = block % 7;
    let h: string;
    let md: string;
    let plain: string;
    if (kind === 3) {
      const heading = pick(random, sentences).slice(0, site.lang === 'zh' ? 12 : 40);
      h = `<h2>${escapeHtml(heading)}</h2>`;
      md = `## ${heading}`;
      plain = heading;
    } else if (kind === 5) {
      const items = [pick(random, sentences), pick(random, sentences), pick(random, sentences)];
      h = `<ul>${items.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`;
      md = items.map((s) => `- ${s}`).join('\n');
      plain = items.join('\n');
    } else if (kind === 6) {
      const quote = pick(random, sentences);
      h = `<blockquote><p>${escapeHtml(quote)}</p></blockquote>`;
      md = `> ${quote}`;
      plain = quote;
    } else {
      const count = 2 + Math.floor(random() * 3);
      const parts = Array.from({ length: count }, () => pick(random, sentences));
      const link = `${url.replace(/\.html$/, '')}/related-${block}.html`;
      const first = parts[0] ?? '';
      const rest = parts.slice(1).join(site.lang === 'zh' ? '' : ' ');
      const joiner = site.lang === 'zh' ? '' : ' ';
      h = `<p><a href="${link}">${escapeHtml(first)}</a>${joiner}<strong>${escapeHtml(rest)}</strong></p>`;
      md = `[${first}](${link})${joiner}**${rest}**`;
      plain = `${first}${joiner}${rest}`;
    }
    html.push(h);
    markdown.push(md);
    text.push(plain);
    size += new TextEncoder().encode(h).length;
    block += 1;
  }
  return {
    html: `<div id="readability-page-1" class="page">${html.join('\n')}</div>`,
    markdown: markdown.join('\n\n'),
    text: text.join('\n\n'),
  };
}

/** Clip number `index` of `count` (0 = oldest). The same index always gives the same clip. */
export function makeBenchClip(index: number, count: number): BenchClip {
  const random = createRandom(0x9e3779b9 ^ index);
  const site = SITES[index % SITES.length] ?? SITES[0];
  if (!site) throw new Error('no sites');
  // About 53 minutes apart, newest last, so the library spans about a year for 10,000 clips.
  const clippedAt = NEWEST_CLIPPED_AT - (count - 1 - index) * 53 * 60_000;
  let title = makeTitle(random, site, index);
  if (index === 0) title = `${title} ${RARE_WORD}`;
  const published = makePublished(random, site, clippedAt);
  const day = published ? published.parts : { year: 2025, month: 1, day: 1 };
  const url = `https://${site.host}/${day.year}/${pad(day.month)}/${pad(day.day)}/story-${index}.html`;
  const keywords = Array.from(
    new Set(
      Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
        pick(random, site.lang === 'zh' ? ZH_TOPICS : EN_TOPICS),
      ),
    ),
  );
  const body = makeBody(random, site, url, 3000 + Math.floor(random() * 5000));
  const draft: ClipDraft = {
    url: `${url}?utm_source=feed#top`,
    canonical: url,
    title,
    byline: site.lang === 'zh' ? '本报记者 李明' : 'Jane Doe, Staff Writer',
    siteName: site.name,
    lang: site.lang === 'zh' ? 'zh-CN' : 'en',
    dir: 'ltr',
    excerpt: body.text.slice(0, 140),
    image: index % 3 === 0 ? `https://${site.host}/images/${index}.jpg` : null,
    keywords,
    published,
    modified: null,
    contentHtml: body.html,
    textContent: body.text,
    kind: 'article',
  };
  return { draft, markdown: body.markdown, clippedAt };
}
