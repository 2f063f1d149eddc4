import { describe, expect, it } from 'vitest';
import {
  findHeadlineElement,
  findTitleMatchedHeadline,
  findTitleTextElement,
} from '../../utils/dom/headline';
import { page } from './metadata-pages';

describe('findHeadlineElement', () => {
  it('prefers the article h1 that the titles name over a logo h1 in the site header', () => {
    const doc = page(
      '',
      '<header class="site-header"><h1 class="logo">Example News</h1></header><article><h1>Harbour wall approved</h1></article>',
    );
    expect(findHeadlineElement(doc, ['Harbour wall approved | Example News'])?.textContent).toBe(
      'Harbour wall approved',
    );
  });

  it('finds nothing when the page has no headline element', () => {
    expect(findHeadlineElement(page('', '<p>Just text</p>'))).toBeNull();
  });
});

describe('findTitleTextElement', () => {
  it('finds the innermost table cell that holds the title, outside links', () => {
    const doc = page(
      '',
      '<a><b>老茶馆重新开张</b></a><table><tr><td><b>老茶馆重新开张</b></td></tr></table>',
    );
    const el = findTitleTextElement(doc, '老茶馆重新开张');
    expect(el?.tagName).toBe('B');
    expect(el?.closest('td')).not.toBeNull();
  });
});

describe('findTitleMatchedHeadline', () => {
  it('takes the h1 that matches the tab title, else the first h1', () => {
    const doc = page(
      '<title>Harbour wall approved - Example</title>',
      '<h1>Menu</h1><h1>Harbour wall approved</h1>',
    );
    expect(findTitleMatchedHeadline(doc)?.textContent).toBe('Harbour wall approved');
    expect(findTitleMatchedHeadline(page('<title>x</title>', '<h1>Only one</h1>'))?.textContent).toBe(
      'Only one',
    );
  });
});
