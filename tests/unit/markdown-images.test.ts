import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  pickLargestCandidate,
  prepareImage,
  preparePicture,
  resolveImageUrl,
  resolveLinkUrl,
} from '../../utils/dom/markdown-images';

const BASE = 'https://news.example.com/world/2024/story.html';

function body(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document.body;
}

describe('srcset and URL helpers', () => {
  it('pickLargestCandidate reads widths, densities and URLs with commas', () => {
    expect(pickLargestCandidate('a.jpg 400w, b.jpg 1600w, c.jpg 800w')).toBe('b.jpg');
    expect(pickLargestCandidate('a.jpg, b.jpg 2x')).toBe('b.jpg');
    expect(
      pickLargestCandidate('https://c/w_800,h_600/a.jpg 800w, https://c/w_1600,h_1200/a.jpg 1600w'),
    ).toBe('https://c/w_1600,h_1200/a.jpg');
    expect(pickLargestCandidate('  ')).toBe('');
  });

  it('resolveLinkUrl and resolveImageUrl allow only safe schemes', () => {
    expect(resolveLinkUrl('mailto:a@b.c', BASE)).toBe('mailto:a@b.c');
    expect(resolveLinkUrl('javascript:void(0)', BASE)).toBeNull();
    expect(resolveLinkUrl('/x', 'not a url')).toBeNull();
    expect(resolveImageUrl('data:image/svg+xml,<svg/>', BASE)).toBe('data:image/svg+xml,<svg/>');
    expect(resolveImageUrl('data:text/html,x', BASE)).toBeNull();
    expect(resolveImageUrl('blob:https://a/b', BASE)).toBeNull();
  });
});

describe('prepareImage and preparePicture', () => {
  it('takes the lazy source over a placeholder and drops tracking pixels', () => {
    const root = body(
      '<img src="/img/blank.gif" data-src="/img/a.jpg"><img src="/px.gif" width="1" height="1">',
    );
    for (const img of Array.from(root.querySelectorAll('img'))) prepareImage(img, BASE);
    const imgs = Array.from(root.querySelectorAll('img'));
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual(['https://news.example.com/img/a.jpg']);
  });

  it('gives a <picture> without an <img> one from its source', () => {
    const root = body('<picture><source srcset="a.jpg 1x, b.jpg 2x"></picture>');
    const picture = root.querySelector('picture');
    if (!picture) throw new Error('no picture');
    preparePicture(picture);
    expect(picture.querySelector('img')?.getAttribute('srcset')).toBe('a.jpg 1x, b.jpg 2x');
  });
});
