// The image engine's costs, printed (no pass/fail): `npx tsx tests/bench/images.ts [--clips N]`.
// - which images: findArticleImages on an article of 200 figures (linkedom), per call;
// - sniff + SHA-256 of 10,000 small images and of one 15 MB image;
// - layout and link rewriting for an export of N clips (default 1,000) with 10 images each.
import { parseHTML } from 'linkedom';
import { findArticleImages } from '../../utils/dom/image-select';
import { hashImageBytes } from '../../utils/pure/images/hash';
import { layoutImages } from '../../utils/pure/images/layout';
import { rewriteImageLinks } from '../../utils/pure/images/rewrite';
import { sniffImageType } from '../../utils/pure/images/sniff';
import { makeJpeg, makePng } from '../fixtures/images/tiny-images';

function readFlag(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

async function time<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

const CLIPS = readFlag('--clips', 1000);
const PER_CLIP = 10;

const figures = Array.from(
  { length: 200 },
  (_, i) =>
    `<figure><picture><source type="image/webp" srcset="/m/${i}-800.webp 800w, /m/${i}-1600.webp 1600w">` +
    `<img src="/m/${i}-800.jpg" srcset="/m/${i}-800.jpg 800w, /m/${i}-1600.jpg 1600w, /m/${i}-3200.jpg 3200w" alt="Figure ${i}" width="800"></picture>` +
    `<figcaption>Caption ${i}</figcaption></figure><p>Paragraph ${i} of the story.</p>`,
).join('');
const { document } = parseHTML(`<html><body><article>${figures}</article></body></html>`) as unknown as {
  document: Document;
};
const article = document.querySelector('article');
if (!article) throw new Error('no article');
const found = await time('findArticleImages, 200 figures (linkedom)', () =>
  findArticleImages(article, { baseUrl: 'https://news.example.com/a/story.html' }),
);
console.log(`  ${found.length} images found`);

const small = Array.from({ length: 10_000 }, (_, i) =>
  i % 2 ? makeJpeg(String(i)) : makePng(8, 8, [i % 256, 0, 0]),
);
await time('sniff + SHA-256 of 10,000 small images', async () => {
  for (const bytes of small) {
    sniffImageType(bytes);
    await hashImageBytes(bytes);
  }
});
const large = new Uint8Array(15 * 1024 * 1024);
large.set(makeJpeg());
await time('sniff + SHA-256 of one 15 MB image', async () => {
  sniffImageType(large);
  await hashImageBytes(large);
});

const posts = Array.from({ length: CLIPS }, (_, c) => ({
  path: `_posts/2024-01-${String((c % 28) + 1).padStart(2, '0')}-story-${c % 300}.md`,
  images: Array.from({ length: PER_CLIP }, (_, i) => ({ id: `hash-${c}-${i}`, ext: 'jpg' })),
}));
const placed = await time(`layoutImages, ${CLIPS} clips × ${PER_CLIP} images (Jekyll)`, () =>
  layoutImages(posts, { kind: 'jekyll', baseurl: '/blog' }),
);
const markdown = Array.from(
  { length: PER_CLIP },
  (_, i) =>
    `Paragraph ${i} with words enough to look like an article.\n\n![Figure ${i}](https://cdn.example.com/m/${i}.jpg)`,
).join('\n\n');
await time(`rewriteImageLinks, ${CLIPS} posts of ${PER_CLIP} images`, () => {
  for (const post of placed) {
    const targets = new Map(
      post.images.map((image, i) => [`https://cdn.example.com/m/${i}.jpg`, image.link]),
    );
    rewriteImageLinks(markdown, targets);
  }
});
