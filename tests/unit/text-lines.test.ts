import { describe, expect, it } from 'vitest';
import { readHeadlineLines, readLinesAround, readTextLines, readTopLines } from '../../utils/dom/text-lines';
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
