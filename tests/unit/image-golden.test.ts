// Every golden page (tests/golden, pages written after real sites) through the clip pipeline and the image finder:
// each image the post shows must be found under exactly the URL the Markdown holds, or export could not rewrite it.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findDraftImages } from '../../utils/dom/image-select';
import { listCaseNames, loadCase, runCase } from '../golden/update';

const IMAGE_DESTINATION = /!\[(?:\\.|[^\\\]])*\]\(([^)\s]+)/g;

// Pages meant to give a post; the non-articles give none, so nothing to find.
const ARTICLES = listCaseNames().filter((name) => loadCase(name).meta.expect.ok);

describe.each(ARTICLES)('golden page %s', (name) => {
  it('finds every image its post shows, under the URL the Markdown holds', () => {
    const golden = loadCase(name);
    const result = runCase(golden);
    if (!result.ok) throw new Error(`${name}: ${result.code}`);
    const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>') as unknown as {
      document: Document;
    };
    const images = findDraftImages(result.value.draft, document);
    const shown = [...result.value.markdown.matchAll(IMAGE_DESTINATION)].map((m) => m[1] ?? '');
    for (const destination of shown) {
      expect(
        images.some((image) => image.originalUrl === destination),
        `${destination} not found`,
      ).toBe(true);
    }
    for (const image of images) {
      expect(image.url).toMatch(/^https?:\/\//);
      if (image.originalUrl !== null) expect(shown).toContain(image.originalUrl);
    }
  });
});

describe('golden page figures-lazy', () => {
  it('fetches the 1200 px WebP its <picture> offers first, while the Markdown keeps the 600 px JPEG it shows', () => {
    const result = runCase(loadCase('figures-lazy'));
    if (!result.ok) throw new Error(result.code);
    const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>') as unknown as {
      document: Document;
    };
    const logbook = findDraftImages(result.value.draft, document).find((i) =>
      i.alt.startsWith('A handwritten'),
    );
    expect(logbook).toEqual({
      url: 'https://www.wanderquarterly.example/media/2022/11/logbook-1200.webp',
      alt: 'A handwritten logbook open on a wooden desk',
      originalUrl: 'https://www.wanderquarterly.example/media/2022/11/logbook-600.jpg',
    });
  });
});
