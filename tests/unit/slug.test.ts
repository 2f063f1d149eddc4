import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { siteSlug, slugify } from '../../utils/pure/slug';

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('slugify readable', () => {
  it.each([
    ['Hello, World!', 'hello-world'],
    ['Don’t Panic: The #1 Guide', 'dont-panic-the-1-guide'],
    ['厚植商业秘密保护土壤 宁波迈向“智造”未来', '厚植商业秘密保护土壤-宁波迈向-智造-未来'],
    ['《人民日报》：今天，你好！', '人民日报-今天-你好'],
    ['Ｆｕｌｌ　ｗｉｄｔｈ　ＡＢＣ１２３', 'full-width-abc123'],
    ['Хлеб и соль', 'хлеб-и-соль'],
    ['مرحبا بالعالم', 'مرحبا-بالعالم'],
    ['नमस्ते दुनिया', 'नमस्ते-दुनिया'],
    ['Crème brûlée', 'crème-brûlée'],
    ['  --a__b--  ', 'a-b'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title, 'readable')).toBe(slug);
  });

  it('falls back when nothing is left', () => {
    expect(slugify('!!! 😀 “”', 'readable')).toBe('post');
    expect(slugify('', 'readable', 'untitled')).toBe('untitled');
  });

  it('cuts to 100 UTF-8 bytes on a character boundary with no trailing dash', () => {
    const han = slugify('汉'.repeat(60), 'readable');
    expect(han).toBe('汉'.repeat(33));
    const dashed = slugify(`${'a'.repeat(99)} b`, 'readable');
    expect(dashed).toBe('a'.repeat(99));
  });

  it('cuts after the last whole word when that keeps at least half of the 100 bytes', () => {
    // Arabic letters are 2 bytes: a code-point cut at 100 bytes would end inside `البناء`.
    const arabic = slugify('افتتاح أكبر مكتبة عامة في المدينة بعد ثلاث سنوات من البناء', 'readable');
    expect(arabic).toBe('افتتاح-أكبر-مكتبة-عامة-في-المدينة-بعد-ثلاث-سنوات-من');
    expect(slugify(`${'word '.repeat(19)}abcdefghij`, 'readable')).toBe(`${'word-'.repeat(18)}word`);
    // A last word that would leave less than half the budget is cut on a character boundary instead.
    expect(slugify(`short ${'x'.repeat(120)}`, 'readable')).toBe(`short-${'x'.repeat(94)}`);
  });

  it('keeps a letter and its combining marks together when cutting', () => {
    // 7 bytes a grapheme: 14 fit in 100 bytes; a code-point cut would add a bare `x` (99 bytes).
    const grapheme = 'x\u0301\u0302\u0303';
    expect(slugify(grapheme.repeat(30), 'readable')).toBe(grapheme.repeat(14));
  });
});

describe('slugify pinyin', () => {
  it('writes Chinese as toneless pinyin syllables joined by dashes', () => {
    expect(slugify('厚植商业秘密保护土壤 宁波迈向“智造”未来', 'pinyin')).toBe(
      'hou-zhi-shang-ye-mi-mi-bao-hu-tu-rang-ning-bo-mai-xiang-zhi-zao-wei-lai',
    );
  });

  it('keeps Latin words and digits, and other scripts', () => {
    expect(slugify('AI芯片2024年 Report', 'pinyin')).toBe('ai-xin-pian-2024-nian-report');
    expect(slugify('Хлеб и 中国', 'pinyin')).toBe('хлеб-и-zhong-guo');
  });

  it('reads polyphonic characters by context (重/行/长) without special cases', () => {
    expect(slugify('重庆银行行长', 'pinyin')).toBe('chong-qing-yin-hang-hang-zhang');
    expect(slugify('成长', 'pinyin')).toBe('cheng-zhang');
    expect(slugify('很重要', 'pinyin')).toBe('hen-zhong-yao');
  });

  it('writes ü as v and leaves Japanese (kana present) as it is', () => {
    expect(slugify('女足夺冠', 'pinyin')).toBe('nv-zu-duo-guan');
    expect(slugify('東京の天気', 'pinyin')).toBe('東京の天気');
  });
});

describe('siteSlug', () => {
  it.each([
    ['中国市场监管新闻网', 'zhongguoshichangjianguanxinwenwang'],
    ['The New York Times', 'the-new-york-times'],
    ['Le Monde', 'le-monde'],
    ['Süddeutsche Zeitung', 'suddeutsche-zeitung'],
    ['Straße & Æther Ølbar', 'strasse-aether-olbar'],
    ['FT中文网', 'ft-zhongwenwang'],
    ['BBC News 中文', 'bbc-news-zhongwen'],
    ['Коммерсантъ', 'коммерсантъ'],
    ['example.com', 'example-com'],
  ])('%s → %s', (name, slug) => {
    expect(siteSlug(name)).toBe(slug);
  });

  it('falls back when nothing is left', () => {
    expect(siteSlug('★★★')).toBe('site');
    expect(siteSlug('', 'example-com')).toBe('example-com');
  });
});

describe('slug properties', () => {
  it('is never empty, ≤ 100 bytes, has no separators at the ends and no URL-unsafe ASCII (600 runs)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 80 }),
        ),
        fc.constantFrom('readable' as const, 'pinyin' as const),
        (text, mode) => {
          for (const slug of [slugify(text, mode), siteSlug(text)]) {
            expect(slug.length).toBeGreaterThan(0);
            expect(utf8Bytes(slug)).toBeLessThanOrEqual(100);
            expect(slug).not.toMatch(/^-|-$|--/);
            expect(slug).not.toMatch(/[\s!-,./:-@[-^`{-~\uD800-\uDFFF]/u);
            expect(slug).toBe(slug.toLowerCase());
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});
