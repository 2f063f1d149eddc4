import { describe, expect, it } from 'vitest';
import { readPageSignals, signalsOf } from '../../utils/dom/read-signals';
import { page } from './metadata-pages';

const URL = 'https://example.com/news/a.html';

describe('readPageSignals', () => {
  it('reads the headline once and the lines around it, for every finder', () => {
    const doc = page(
      '<title>Harbour wall approved | Example News</title><meta property="og:title" content="Harbour wall approved">',
      '<header class="site-header"><h1 class="logo">Example News</h1></header>' +
        '<article><p>Above</p><h1>Harbour wall approved</h1><p>Jane Doe</p><p>来源：Example Daily</p></article>',
    );
    const signals = readPageSignals(doc, URL, { text: 'First line\n\nSecond line' });
    expect(signals.title.title).toBe('Harbour wall approved');
    expect(signals.headline?.textContent).toBe('Harbour wall approved');
    expect(signals.lineAfterHeadline).toBe('Jane Doe');
    expect(signals.topLines).toEqual([
      'Example News',
      'Above',
      'Harbour wall approved',
      'Jane Doe',
      '来源：Example Daily',
      'First line',
      'Second line',
    ]);
    expect(signals.docTitle).toBe('Harbour wall approved | Example News');
  });

  it('has no lines around a headline the page lacks', () => {
    const signals = readPageSignals(page('', '<p>Just text</p>'), URL);
    expect(signals.headline).toBeNull();
    expect(signals.topLines).toEqual([]);
    expect(signals.lineAfterHeadline).toBeNull();
  });
});

describe('signalsOf', () => {
  it("returns the caller's signals without reading the page again", () => {
    const doc = page('<title>One</title>', '<h1>One headline</h1>');
    const signals = readPageSignals(doc, URL);
    expect(signalsOf(page('', ''), URL, { signals })).toBe(signals);
    expect(signalsOf(doc, URL, {}).headline?.textContent).toBe('One headline');
  });
});
