import { describe, expect, it } from 'vitest';
import {
  TEXT_HEAD_CHARS,
  TEXT_HEAD_LINES,
  TEXT_TAIL_LINES,
  readHeadlineLines,
  readLinesAround,
  readTextEnds,
  readTextLines,
  readTopLines,
} from '../../utils/dom/text-lines';
import { firstLines, lastLines } from '../../utils/pure/page-text';
import { page } from './metadata-pages';

describe('readTextLines', () => {
  it('gives one line per block, cell or <br>, and skips scripts', () => {
    const doc = page(
      '',
      '<p>One <b>two</b></p><script>x()</script><table><tr><td>a</td><td>b</td></tr></table>c<br>d',
    );
    expect(readTextLines(doc.body)).toEqual(['One two', 'a', 'b', 'c', 'd']);
  });

  it('counts from an element and keeps a few lines before it', () => {
    const doc = page('', '<p>1</p><p>2</p><p>3</p><h1>H</h1><p>4</p><p>5</p>');
    const h1 = doc.querySelector('h1');
    expect(readTextLines(doc.body, 2, h1, 1)).toEqual(['3', 'H', '4']);
  });
});

describe('readTopLines', () => {
  it('reads around the headline, then the first lines of the article text', () => {
    const doc = page('', '<h1>Headline</h1><p>作者：张三</p>');
    const lines = readTopLines(doc, doc.querySelector('h1'), { text: 'First line\n\nSecond line' });
    expect(lines).toEqual(['Headline', '作者：张三', 'First line', 'Second line']);
  });
});

describe('readLinesAround', () => {
  it('splits the kept lines before the element from the lines counted from it', () => {
    const doc = page('', '<p>1</p><p>2</p><p>3</p><h1>H</h1><p>4</p><p>5</p>');
    expect(readLinesAround(doc.body, 2, doc.querySelector('h1'), 2)).toEqual({
      before: ['2', '3'],
      from: ['H', '4'],
    });
  });
});

describe('readHeadlineLines', () => {
  it('reads nothing without a headline', () => {
    expect(readHeadlineLines(page('', '<p>1</p>'), null)).toEqual({ before: [], from: [] });
  });
});

describe('readTextEnds', () => {
  it('is the whole text of a short article, lines split as readTextLines splits them', () => {
    const doc = page(
      '',
      '<p>One <b>two</b></p><div>a<br>b<span> c </span></div><table><tr><td>x</td></tr></table>',
    );
    expect(readTextEnds(doc.body)).toBe(readTextLines(doc.body, Number.POSITIVE_INFINITY).join('\n'));
  });

  it('is the whole text when the two ends just meet', () => {
    const paragraphs = Array.from(
      { length: TEXT_HEAD_LINES + TEXT_TAIL_LINES - 1 },
      (_, i) => `<p>Line ${i}</p>`,
    );
    const doc = page('', `<div>${paragraphs.join('')}</div>`);
    expect(readTextEnds(doc.body)).toBe(readTextLines(doc.body, Number.POSITIVE_INFINITY).join('\n'));
  });

  it('of a long article keeps the head (lines and characters) and the last lines, and skips the middle', () => {
    const words = 'the ferry crosses the bay every twenty minutes at rush hour';
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>${i} ${words} <a href="/x">link</a>.</p>`);
    const doc = page('', `<article><h2>Top</h2>${paragraphs.join('\n')}<p>来源：新华社</p></article>`);
    const full = readTextLines(doc.body, Number.POSITIVE_INFINITY).join('\n');
    const ends = readTextEnds(doc.body);
    expect(ends.length).toBeLessThan(full.length / 4);
    expect(ends.slice(0, TEXT_HEAD_CHARS)).toBe(full.slice(0, TEXT_HEAD_CHARS));
    expect(ends.split('\n').slice(0, TEXT_HEAD_LINES)).toEqual(full.split('\n').slice(0, TEXT_HEAD_LINES));
    expect(firstLines(ends, 8)).toEqual(firstLines(full, 8));
    expect(lastLines(ends, TEXT_TAIL_LINES)).toEqual(lastLines(full, TEXT_TAIL_LINES));
    expect(lastLines(ends, 1)).toEqual(['来源：新华社']);
  });
});
