// Backup → restore → backup gives the same bytes; restore only adds; a broken backup changes nothing.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup, restoreBackup } from '../../utils/platform/backup';
import type { Settings } from '../../utils/platform/settings';
import { DEFAULT_SETTINGS } from '../../utils/platform/settings';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import type { ClipDraft, StoredClip } from '../../utils/pure/types';

vi.mock('wxt/browser', () => import('../kit/browser'));

const NOW = new Date('2024-06-01T12:00:00.000Z');
const CLIP_COUNT = 50;

const TITLES = [
  '市场监管总局发布《重点工业产品质量安全监管目录》',
  '東京で桜が満開に 🌸',
  '서울 뉴스: 오늘의 날씨',
  'عنوان الخبر العاجل',
  'Emoji family 👩‍👩‍👧 and flags 🇨🇳🇺🇸',
  'Jane Doe: Staff Writer',
  '#1 Reporter',
  'C:\\new\\folder',
  'yes',
  '---\nlayout: evil\n---',
  '"quoted" and \'single\' and `tick`',
  '</script><script>alert(1)</script>',
  'line\u2028separator\u2029paragraph',
  'nul \u0000 and bell \u0007',
  'bidi \u202Eevil\u202C',
  '__proto__',
  'x'.repeat(1_500),
];

function makeClip(n: number): StoredClip {
  const title = `${TITLES[n % TITLES.length] ?? ''} ${n}`;
  const isChinese = n % TITLES.length === 0;
  const draft: ClipDraft = {
    url: `https://news.example.com/story/${n}?ref=home`,
    canonical: n % 3 === 0 ? `https://news.example.com/s/${n}` : null,
    title,
    byline: n % 2 === 0 ? `记者 ${n}` : null,
    siteName: isChinese ? '中国市场监管新闻网' : 'Example News',
    lang: isChinese ? 'zh-CN' : 'en',
    dir: n % TITLES.length === 3 ? 'rtl' : 'ltr',
    excerpt: n % 4 === 0 ? `Excerpt ${n} ✓` : null,
    image: n % 5 === 0 ? `https://img.example.com/${n}.jpg` : null,
    keywords: [`k${n % 7}`, '新闻'],
    published:
      n % 6 === 5
        ? null
        : {
            raw: `2024-03-${String((n % 28) + 1).padStart(2, '0')} 09:00`,
            source: 'text',
            detail: 'div.info',
            parts: { year: 2024, month: 3, day: (n % 28) + 1, hour: 9, minute: 0, offsetMinutes: 480 },
            zoneFrom: 'publisher',
          },
    modified: null,
    contentHtml: `<p>${title.replace(/</g, '&lt;')}</p><p>正文 ${n}</p>`,
    textContent: `${title}\n正文 ${n}`,
    kind: n % 10 === 9 ? 'selection' : 'article',
  };
  return {
    id: `clip-${String(n).padStart(3, '0')}`,
    url: draft.canonical ?? draft.url,
    draft,
    markdown: `${title}\n\n正文 ${n} 😀`,
    edits:
      n % 4 === 1
        ? { title: `Edited ${n} — 编辑`, date: '2024-03-18 08:00:00 +0800', tags: ['a', 'b c'] }
        : {},
    clippedAt: 1_700_000_000_000 + n * 60_000,
    updatedAt: 1_700_000_000_000 + n * 60_000 + 5,
  };
}

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  clipOnOpen: false,
  post: { ...DEFAULT_SETTINGS.post, slugMode: 'pinyin', timeZone: 'Asia/Shanghai' },
  markdown: { ...DEFAULT_SETTINGS.markdown, emDelimiter: '*', linkStyle: 'referenced' },
};

const libraries: Library[] = [];
async function freshLibrary(clips: StoredClip[] = []): Promise<Library> {
  const lib = await openLibrary(new IDBFactory());
  libraries.push(lib);
  if (clips.length > 0) await lib.putClips(clips);
  return lib;
}

afterEach(() => {
  for (const lib of libraries.splice(0)) lib.close();
});

async function listIds(lib: Library): Promise<string[]> {
  const ids: string[] = [];
  await lib.forEachClip((clip) => void ids.push(clip.id));
  return ids;
}

const CLIPS = Array.from({ length: CLIP_COUNT }, (_, n) => makeClip(n));

describe('backup round trip', () => {
  it('backup → restore into an empty library → backup is byte-for-byte identical', async () => {
    const source = await freshLibrary(CLIPS);
    const first = await createBackup(source, SETTINGS, NOW);
    const target = await freshLibrary();
    const restored = await restoreBackup(target, first);
    if (!restored.ok) throw new Error(`restore failed: ${restored.code} ${restored.detail ?? ''}`);
    expect(restored.value).toMatchObject({ added: CLIP_COUNT, updated: 0, unchanged: 0 });
    const second = await createBackup(target, restored.value.settings, NOW);
    expect(Buffer.from(second, 'utf8').equals(Buffer.from(first, 'utf8'))).toBe(true);
    expect(second).toBe(first);
  });

  it('keeps CJK, emoji and hostile titles exactly', async () => {
    const target = await freshLibrary();
    const restored = await restoreBackup(
      target,
      await createBackup(await freshLibrary(CLIPS), SETTINGS, NOW),
    );
    expect(restored.ok).toBe(true);
    for (const clip of CLIPS) expect(await target.getClip(clip.id)).toEqual(clip);
  });

  it('restoring a backup into its own library changes nothing', async () => {
    const lib = await freshLibrary(CLIPS);
    const first = await createBackup(lib, SETTINGS, NOW);
    const restored = await restoreBackup(lib, first);
    expect(restored.ok && restored.value).toMatchObject({ added: 0, updated: 0, unchanged: CLIP_COUNT });
    expect(await createBackup(lib, SETTINGS, NOW)).toBe(first);
  });

  it('never deletes: clips only in the library are kept', async () => {
    const extras = [makeClip(900), makeClip(901), makeClip(902)];
    const lib = await freshLibrary(extras);
    const backup = await createBackup(await freshLibrary(CLIPS), SETTINGS, NOW);
    const restored = await restoreBackup(lib, backup);
    expect(restored.ok).toBe(true);
    expect(await lib.count()).toBe(CLIP_COUNT + extras.length);
    for (const clip of extras) expect(await lib.getClip(clip.id)).toEqual(clip);
  });
});

describe('a broken backup is refused and changes nothing', () => {
  type Tamper = (file: { format?: unknown; version?: unknown; clips: Record<string, unknown>[] }) => void;
  const TAMPERS: [string, Tamper][] = [
    [
      'a script URL',
      (file) => void ((file.clips[10]?.draft as Record<string, unknown>).url = 'javascript:alert(1)'),
    ],
    ['a text clippedAt', (file) => void ((file.clips[3] ?? {}).clippedAt = 'soon')],
    ['a clip without a draft', (file) => void delete (file.clips[49] ?? {}).draft],
    [
      'a clip that is not an object',
      (file) => void (file.clips[0] = 'clip' as unknown as Record<string, unknown>),
    ],
    ['no format', (file) => void delete file.format],
    ['a newer version', (file) => void (file.version = 99)],
    [
      'an oversized title',
      (file) => void ((file.clips[7]?.draft as Record<string, unknown>).title = 'x'.repeat(2_001)),
    ],
  ];

  async function expectRefused(text: string): Promise<void> {
    const extras = [makeClip(900), makeClip(901)];
    const lib = await freshLibrary(extras);
    const before = await listIds(lib);
    const result = await restoreBackup(lib, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('invalid-backup');
    expect(await lib.count()).toBe(before.length);
    expect(await listIds(lib)).toEqual(before);
    for (const clip of extras) expect(await lib.getClip(clip.id)).toEqual(clip);
  }

  it.each([0.1, 0.5, 0.99])('a backup truncated to %s of its length', async (fraction) => {
    const text = await createBackup(await freshLibrary(CLIPS), SETTINGS, NOW);
    await expectRefused(text.slice(0, Math.floor(text.length * fraction)));
  });

  it.each(TAMPERS)('a backup with %s', async (_name, tamper) => {
    const text = await createBackup(await freshLibrary(CLIPS), SETTINGS, NOW);
    const file = JSON.parse(text) as Parameters<Tamper>[0];
    tamper(file);
    await expectRefused(JSON.stringify(file, null, 2));
  });

  it('empty text and a JSON array', async () => {
    await expectRefused('');
    await expectRefused('[]');
  });
});
