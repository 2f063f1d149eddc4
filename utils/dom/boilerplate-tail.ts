// DOM: the run of link rows that closes what Readability kept on old portal layouts: `[情感] other story` table rows,
// lists of other headlines and the short labels between them. Read from the end, after the story's last sentence.
import { isSentence, spacedText, tagOf } from './boilerplate-measure';
import { measureText } from '../pure/text-weight';

const ROW_SELECTOR = 'p, li, tr, dd, dt, div, h2, h3, h4, h5, h6';
/** Share of a row's text in links for a link row. */
const MIN_ROW_LINK_SHARE = 0.85;
/** A label between link rows (`性福`, `-`, `招商创业 雅虎推荐`) is this short, by measureText. */
const MAX_LABEL_WEIGHT = 24;
/** At least this many link rows make a list of other stories; fewer may be the story's own links. */
const MIN_LINK_ROWS = 3;
/** The run never takes more than this share of the article's text. */
const MAX_RUN_SHARE = 0.5;

function isLeafRow(el: Element): boolean {
  if (tagOf(el) === 'TR') return el.querySelector('table') === null;
  return el.querySelector(ROW_SELECTOR) === null;
}

/** Link text that is an address itself (`https://nodejs.org/api/…`): a source the author cites, not a headline. */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;

function isReferenceRow(row: Element): boolean {
  const links = Array.from(row.querySelectorAll('a'));
  return links.length > 0 && links.every((a) => BARE_URL.test((a.textContent ?? '').trim()));
}

function linkShare(row: Element, text: string): number {
  const linked = Array.from(row.querySelectorAll('a')).reduce(
    (s, a) => s + measureText(a.textContent ?? ''),
    0,
  );
  const total = measureText(text);
  return total === 0 ? 0 : linked / total;
}

/** Removes the trailing run of link rows (three or more, labels between them allowed) from `root`. */
export function removeTrailingLinkRows(root: Element): void {
  // Read from the end, each row checked as it is reached: the run stops at the story's last sentence, so a long
  // story's other rows are never looked at.
  const rows = root.querySelectorAll(ROW_SELECTOR);
  const run: Element[] = [];
  let linkRows = 0;
  let weight = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (!row || !isLeafRow(row)) continue;
    const text = spacedText(row);
    if (!text) {
      if (!row.querySelector('img, picture, video, iframe')) run.push(row);
      continue;
    }
    // A list of the article's sources ends it as a paragraph does: other stories are named by headlines.
    if (isReferenceRow(row)) break;
    const isLinkRow = row.querySelector('a') !== null && linkShare(row, text) >= MIN_ROW_LINK_SHARE;
    const isLabel = !isLinkRow && measureText(text) <= MAX_LABEL_WEIGHT && !isSentence(text);
    if (!isLinkRow && !isLabel) break;
    if (isLinkRow) linkRows++;
    weight += measureText(text);
    run.push(row);
  }
  if (linkRows < MIN_LINK_ROWS || weight > MAX_RUN_SHARE * measureText(root.textContent ?? '')) return;
  for (const row of run) row.remove();
}
