import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findArticleImages, findDraftImages } from '../../utils/dom/image-select';
import { findSkipReason } from '../../utils/dom/image-signals';
import { clipDocument } from '../../utils/dom/pipeline';
import { DEFAULT_POST_OPTIONS } from '../../utils/pure/types';

const PAGE = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'images', 'article-images.html'),
  'utf8',
);
const URL_ = 'https://www.coastalcourier.example/news/2023/nov/20/harbour-towns-winter-storms';
const CDN = 'https://cdn.coastalcourier.example/2023/11';
const SITE = 'https://www.coastalcourier.example';

const parsers: [string, (html: string) => Document][] = [
  ['linkedom', (html) => (parseHTML(html) as unknown as { document: Document }).document],
  ['jsdom', (html) => new JSDOM(html, { url: URL_ }).window.document],
];

function article(doc: Document): Element {
  const el = doc.querySelector('article');
  if (!el) throw new Error('fixture has no <article>');
  return el;
}

describe.each(parsers)('findArticleImages (%s)', (_name, parse) => {
  it('lists the content images in order with the best file and the Markdown URL of each', () => {
    const images = findArticleImages(article(parse(PAGE)), {
      baseUrl: URL_,
      leadImage: 'https://cdn.coastalcourier.example/share/storm-og-1200x630.jpg',
    });
    expect(images).toEqual([
      // The lead image is not in the article: listed first, not in the Markdown.
      { url: 'https://cdn.coastalcourier.example/share/storm-og-1200x630.jpg', alt: '', originalUrl: null },
      // <picture>: the largest keepable candidate ≤ 2,000 px (AVIF 1600w; JPEG XL skipped, 3200w too wide).
      {
        url: `${CDN}/harbour-1600.avif`,
        alt: 'Waves break over the harbour wall at Porthkennack',
        originalUrl: `${CDN}/harbour-800.jpg`,
      },
      // A lazy image with an SVG data: placeholder and a <noscript> twin: listed once.
      {
        url: `${SITE}/wp-content/uploads/2023/11/slipway-1024x683.jpg`,
        alt: 'Boats on the slipway',
        originalUrl: `${SITE}/wp-content/uploads/2023/11/slipway-1024x683.jpg`,
      },
      // blank.gif placeholder, real file in data-original.
      {
        url: `${SITE}/uploads/2023/11/lifeboat-crew.jpg`,
        alt: 'The lifeboat crew on exercise',
        originalUrl: `${SITE}/uploads/2023/11/lifeboat-crew.jpg`,
      },
      // Density descriptors with width 640: 3x is 1,920 px, under the cap.
      {
        url: `${SITE}/uploads/2023/11/map-of-warnings@3x.png`,
        alt: 'Map of the warning areas',
        originalUrl: `${SITE}/uploads/2023/11/map-of-warnings.png`,
      },
      // The same file shown twice under another Markdown URL is its own entry, so both links get rewritten.
      { url: `${CDN}/harbour-800.jpg`, alt: 'The harbour again', originalUrl: `${CDN}/harbour-800.jpg` },
    ]);
  });

  it('does not list the lead image twice when the article shows it', () => {
    const images = findArticleImages(article(parse(PAGE)), {
      baseUrl: URL_,
      leadImage: '/uploads/2023/11/lifeboat-crew.jpg',
    });
    expect(images.filter((i) => i.url.endsWith('lifeboat-crew.jpg'))).toHaveLength(1);
    expect(images[0]?.url).toBe(`${CDN}/harbour-1600.avif`);
  });

  it('honours a lower width cap', () => {
    const images = findArticleImages(article(parse(PAGE)), { baseUrl: URL_, maxWidth: 1000 });
    expect(images[0]?.url).toBe(`${CDN}/harbour-800.avif`);
    expect(images.find((i) => i.alt === 'Map of the warning areas')?.url).toBe(
      `${SITE}/uploads/2023/11/map-of-warnings.png`,
    );
  });

  it('takes a <noscript> fallback when the image itself names no real file', () => {
    const doc = parse(
      '<article><p><img src="/img/loading.gif" class="js-lazy" alt="Quay"><noscript><img src="/img/quay.jpg"></noscript></p>' +
        '<noscript><img src="/img/only-here.jpg" alt="Only here"></noscript>' +
        '<noscript><img src="/img/pixel.gif" width="1" height="1"></noscript></article>',
    );
    expect(findArticleImages(article(doc), { baseUrl: 'https://x.example/a/' })).toEqual([
      { url: 'https://x.example/img/quay.jpg', alt: 'Quay', originalUrl: null },
      { url: 'https://x.example/img/only-here.jpg', alt: 'Only here', originalUrl: null },
    ]);
  });

  it('reads a <picture> with sources only', () => {
    const doc = parse(
      '<article><picture><source srcset="/p/a-640.webp 640w, /p/a-1280.webp 1280w" type="image/webp"></picture></article>',
    );
    expect(findArticleImages(article(doc), { baseUrl: 'https://x.example/' })).toEqual([
      { url: 'https://x.example/p/a-1280.webp', alt: '', originalUrl: 'https://x.example/p/a-1280.webp' },
    ]);
  });

  it('keeps a real inline image and drops a data: placeholder', () => {
    const big = `data:image/png;base64,${'A'.repeat(400)}`;
    const doc = parse(
      `<article><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img src="${big}" alt="inline"></article>`,
    );
    expect(findArticleImages(article(doc), { baseUrl: 'https://x.example/' })).toEqual([
      { url: big, alt: 'inline', originalUrl: big },
    ]);
  });

  it('reads no images from nothing', () => {
    expect(
      findArticleImages(article(parse('<article><p>Text only.</p></article>')), { baseUrl: URL_ }),
    ).toEqual([]);
  });
});

describe('findSkipReason', () => {
  const doc = (
    parseHTML(`<div id="root">
    <img id="pixel" src="a.gif" width="1" height="1">
    <img id="pixel-style" src="a.gif" style="width:0px;height:0px">
    <img id="emoji" class="wp-smiley" src="e.png">
    <img id="small" src="s.png" width="40" height="40">
    <img id="one-side" src="s.png" height="20">
    <img id="avatar-alt" src="a.jpg" alt="Author avatar">
    <div class="post-author"><img id="in-author" src="face.jpg" width="200" height="200"></div>
    <div class="adsbygoogle"><img id="in-ad" src="ad.jpg" width="300" height="250"></div>
    <div hidden><img id="in-hidden" src="h.jpg"></div>
    <img id="aria" aria-hidden="true" src="x.jpg">
    <img id="photo" src="photo.jpg" width="1200" height="800" alt="A photo">
    <img id="heading-ish" class="header-image" src="photo.jpg">
  </div>`) as unknown as { document: Document }
  ).document;
  const root = doc.getElementById('root')!;
  it.each([
    ['pixel', 'https://x.example/a.gif', 'tracker'],
    ['pixel-style', 'https://x.example/a.gif', 'tracker'],
    ['emoji', 'https://x.example/e.png', 'icon'],
    ['small', 'https://x.example/s.png', 'icon'],
    ['one-side', 'https://x.example/s.png', 'icon'],
    ['avatar-alt', 'https://x.example/a.jpg', 'avatar'],
    ['in-author', 'https://x.example/face.jpg', 'avatar'],
    ['in-ad', 'https://x.example/ad.jpg', 'ad'],
    ['in-hidden', 'https://x.example/h.jpg', 'hidden'],
    ['aria', 'https://x.example/x.jpg', 'hidden'],
    ['photo', 'https://securepubads.g.doubleclick.net/x.jpg', 'ad'],
    ['photo', 'https://www.gravatar.com/avatar/abc', 'avatar'],
    ['photo', 'https://x.example/favicon.ico', 'icon'],
    ['photo', 'https://s.w.org/images/core/emoji/14.0.0/72x72/1f30a.png', 'icon'],
    ['photo', 'https://x.example/static/icons/twitter.png', 'icon'],
    ['photo', 'https://x.example/2023/icon-of-the-city.jpg', null],
    ['photo', 'https://x.example/photo.jpg', null],
    ['heading-ish', 'https://x.example/photo.jpg', null],
  ])('%s at %s: %s', (id, url, reason) => {
    expect(findSkipReason(doc.getElementById(id)!, url, root)).toBe(reason);
  });

  it('does not judge the root: an article classed ad-free keeps its pictures', () => {
    const d = (
      parseHTML('<div class="ad-free author-note"><img src="p.jpg"></div>') as unknown as {
        document: Document;
      }
    ).document;
    const div = d.querySelector('div')!;
    expect(findSkipReason(d.querySelector('img')!, 'https://x.example/p.jpg', div)).toBeNull();
  });
});

describe('findDraftImages through the real pipeline', () => {
  it.each(parsers)(
    'gives Markdown URLs that are exactly the destinations in the clipped Markdown (%s)',
    (_n, parse) => {
      const doc = parse(PAGE);
      const result = clipDocument(doc, URL_, {
        now: new Date('2023-11-21T00:00:00Z'),
        post: DEFAULT_POST_OPTIONS,
      });
      if (!result.ok) throw new Error(`not clipped: ${result.code}`);
      const { draft, markdown } = result.value;
      const images = findDraftImages(draft, doc);
      const inMarkdown = images.filter((i) => i.originalUrl !== null);
      expect(inMarkdown.length).toBeGreaterThanOrEqual(4);
      for (const image of inMarkdown) expect(markdown).toContain(`](${image.originalUrl})`);
      // And every photo in the Markdown is one we found.
      const destinations = [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
      const photos = destinations.filter((d) => !d.includes('/emoji/'));
      expect(photos).toHaveLength(5);
      expect(photos.every((d) => images.some((i) => i.originalUrl === d))).toBe(true);
      // Readability drops classes and styles: the emoji is known by its folder, and left out.
      expect(images.some((i) => i.url.includes('/emoji/'))).toBe(false);
      expect(images[0]).toEqual({
        url: 'https://cdn.coastalcourier.example/share/storm-og-1200x630.jpg',
        alt: '',
        originalUrl: null,
      });
    },
  );
});
