// Benchmark: renders 10,000 synthetic stored clips through each built-in template and a site rule, and prints the
// time (issue 4's target: under 5 s for 10,000). Usage: npx tsx tests/bench/templates.ts [--clips N]
import { parseArgs } from 'node:util';
import { renderPost } from '../../utils/pure/post';
import { BUILT_IN_TEMPLATES } from '../../utils/pure/presets';
import type { SiteRule } from '../../utils/pure/site-rules';
import { chooseTemplate } from '../../utils/pure/site-rules';
import type { Template } from '../../utils/pure/template';
import type { StoredClip } from '../../utils/pure/types';
import { DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

const SITES = [
  '中国市场监管新闻网',
  '人民网',
  'The Example Times',
  'Le Monde',
  '新华网',
  'Süddeutsche Zeitung',
];
const WORDS = [
  '商业秘密',
  '保护',
  '宁波',
  '智造',
  'harbour',
  'bridge',
  'reopens',
  'city',
  'council',
  '市场监管',
];
// About 3 KB of Markdown, a typical news article.
const PARAGRAPH = '商业秘密是企业的核心竞争力，直接关系企业的生存与发展。'.repeat(6);
const MARKDOWN = Array.from({ length: 6 }, (_, i) => `${PARAGRAPH}${i}`).join('\n\n');

/** Deterministic pseudo-random numbers, so every run renders the same clips. */
function makeRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function makeClips(count: number): StoredClip[] {
  const random = makeRandom(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const site = pick(SITES);
    const isChinese = /\p{Script=Han}/u.test(site);
    const title = Array.from({ length: 4 + Math.floor(random() * 6) }, () => pick(WORDS)).join(
      isChinese ? '' : ' ',
    );
    const day = 1 + Math.floor(random() * 28);
    const hasZone = random() > 0.5;
    const url = `https://www.site${i % 50}.example/news/2023/05/${day}/a${i}.html`;
    return {
      id: `c${i}`,
      url,
      draft: {
        url,
        canonical: random() > 0.5 ? url : null,
        title: `${title} ${i}`,
        byline: random() > 0.3 ? 'Jane Doe, 李明' : null,
        siteName: site,
        lang: isChinese ? 'zh-CN' : 'en',
        dir: 'ltr',
        excerpt: random() > 0.5 ? `${title}…` : null,
        image: null,
        keywords: Array.from({ length: Math.floor(random() * 8) }, () => pick(WORDS)),
        published: {
          raw: 'x',
          source: 'meta',
          detail: 'x',
          parts: hasZone
            ? { year: 2023, month: 5, day, hour: 9, minute: 15, second: 0, offsetMinutes: 480 }
            : { year: 2023, month: 5, day, hour: 9, minute: 15, second: 0 },
        },
        modified: null,
        contentHtml: '',
        textContent: '',
        kind: 'article',
      },
      markdown: MARKDOWN,
      edits: i % 10 === 0 ? { tags: ['edited'] } : {},
      clippedAt: Date.UTC(2023, 4, 5, 10),
      updatedAt: Date.UTC(2023, 4, 5, 10),
    };
  });
}

function timeRun(clips: StoredClip[], template: Template | null): { ms: number; bytes: number } {
  const rule: SiteRule = {
    id: 'bench',
    match: { type: 'pattern', value: 'https://www.site*.example/news/*' },
    timeZone: 'Asia/Shanghai',
    fields: [
      { key: 'categories', value: '{{site|pinyin}}' },
      { key: 'tags', value: '{{site}}新闻' },
    ],
  };
  const settings = { post: DEFAULT_POST_OPTIONS, templates: [], activeTemplateId: 'jekyll', rules: [rule] };
  let bytes = 0;
  const start = performance.now();
  for (const clip of clips) {
    // Without a template: the export path as wired, the rule looked up per clip.
    const choice = template
      ? { template, timeZone: 'UTC', slugMode: 'readable' as const }
      : chooseTemplate(settings, clip.url);
    const post = renderPost(clip.draft, clip.markdown, choice.template, {
      clippedAt: new Date(clip.clippedAt),
      edits: clip.edits,
      timeZone: choice.timeZone,
      slugMode: choice.slugMode,
    });
    bytes += post.content.length + post.filename.length;
  }
  return { ms: performance.now() - start, bytes };
}

const { values } = parseArgs({ options: { clips: { type: 'string', default: '10000' } } });
const count = Number(values.clips);
const clips = makeClips(count);
// One warm-up pass so the JIT and the pinyin dictionary are loaded, as they are after the first export.
timeRun(clips.slice(0, 200), null);
let total = 0;
for (const template of [...BUILT_IN_TEMPLATES, null]) {
  const { ms, bytes } = timeRun(clips, template);
  total += ms;
  const name = template ? template.id : 'jekyll + user rule (pinyin)';
  console.log(
    `${name.padEnd(30)} ${count} clips in ${(ms / 1000).toFixed(2)} s (${(ms / count).toFixed(3)} ms/clip, ${(bytes / 1e6).toFixed(1)} MB)`,
  );
}
console.log(`all ${BUILT_IN_TEMPLATES.length + 1} runs: ${(total / 1000).toFixed(2)} s`);
