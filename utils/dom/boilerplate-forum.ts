// DOM: reader comments and forums. Found by repetition: two or more sibling blocks of one shape, each opening with
// a short name and a timestamp (`Ostviertlerin vor 2 Stunden`, `晴天 3小时前`), plus one sign of discussion (a
// heading that counts postings, reply links or vote counts, a comment form, a comment/forum class). The block is
// grown to its heading, rules and "show all" link.
import {
  growBox,
  holdsRunningText,
  isLayout,
  measureProse,
  tagOf,
  textOf,
  tokensOf,
  weighsMoreThan,
} from './boilerplate-measure';
import { listBodyElements } from './boilerplate-elements';
import { findDatesInText } from '../pure/date-parse';
import { findRelativeDates } from '../pure/date-relative';
import { measureText } from '../pure/text-weight';

/** A reference far ahead, so that no relative date counts as "in the future": only its presence matters here. */
const FAR_FUTURE = new Date(Date.UTC(9000, 0, 1));
const TIME_OF_DAY = /(?:^|[^\d])\d{1,2}[:：]\d{2}(?!\d)/u;
/** The head of a posting (name and time) sits in its first characters. */
const HEAD_CHARS = 60;
/** A posting is a few sentences; longer siblings are articles in a list. */
const MAX_POSTING_CHARS = 1500;
/** Heading, rules and a "show all" link around the postings: at most this much more text. */
const MAX_EXTRA_CHARS = 900;
/** Class or id names of discussion areas; one signal among the others. */
const DISCUSSION_TOKEN =
  /comment|forum|discuss|disqus|respon[sd]|repl(?:y|ies)|posting|kommentar|reacti|评论|評論|留言/iu;
/** `Forum: 5 Postings`, `评论（3）`, `12 Comments`: a heading that counts. */
const COUNTING_HEADING = /\d/;
/** A bare vote or like count: `+12`, `86`, `1.2k`. */
const COUNT = /^[+\-−]?\d[\d,.]*[kKmM万+]*$/u;

function hasTimestamp(head: string): boolean {
  return (
    TIME_OF_DAY.test(head) ||
    findRelativeDates(head, FAR_FUTURE, null).length > 0 ||
    findDatesInText(head).length > 0
  );
}

/** Opens with a short name, then a time; holds a posting's worth of text. */
function isPosting(el: Element): boolean {
  // No child element, no name: decided before reading the text (a story's 10,000 paragraphs are such siblings).
  const first = el.firstElementChild;
  if (!first || weighsMoreThan(el, MAX_POSTING_CHARS)) return false;
  // The name before the whole text: it is the shorter read.
  const name = textOf(first);
  // A name has two letters or digits at least: not a `^` back-link or a bullet.
  if (name.length > 40 || !/[\p{L}\p{N}]{2}/u.test(name)) return false;
  const text = textOf(el);
  if (text.length < 8 || measureText(text) > MAX_POSTING_CHARS) return false;
  // The head's time first: most siblings have none, and then the name need not be searched for one.
  return hasTimestamp(headOf(el)) && !hasTimestamp(name);
}

/** The first characters of a posting, its parts spaced apart (`<span>Name</span><span>vor 2 Stunden</span><p>…`). */
function headOf(el: Element): string {
  let head = '';
  for (let node = el.firstChild; node && head.length < HEAD_CHARS; node = node.nextSibling)
    head += ` ${textOf(node)}`;
  return head.slice(0, HEAD_CHARS + 40);
}

function signature(el: Element): string {
  return `${tagOf(el)}.${el.getAttribute('class') ?? ''}`;
}

/**
 * Two children that have children of their own: a posting has one (isPosting) and a group needs two, so any other
 * parent is passed over before a group key is built. Read by sibling links (linkedom builds `children` to count).
 */
function hasTwoNested(parent: Element): boolean {
  let nested = 0;
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling)
    if (child.firstElementChild && ++nested === 2) return true;
  return false;
}

/** Sibling groups of two or more postings of one shape under `parent`. */
function findPostings(parent: Element): Element[] {
  const groups = new Map<string, Element[]>();
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    const key = signature(child);
    const list = groups.get(key);
    if (list) list.push(child);
    else groups.set(key, [child]);
  }
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const postings = filterPostings(list);
    if (postings && postings.length >= 2) return postings;
  }
  return [];
}

/**
 * The postings of a sibling group when they are at least half of it, else null: the test stops once more than
 * half are not postings (a story's paragraphs are such a group, and each test reads a paragraph's text).
 */
function filterPostings(list: Element[]): Element[] | null {
  const postings: Element[] = [];
  let others = 0;
  for (const el of list) {
    if (isPosting(el)) postings.push(el);
    else if (++others * 2 > list.length) return null;
  }
  return postings;
}

/** Two signs of discussion at least: one could be a coincidence (a reference list's links, a dated heading). */
function isDiscussion(box: Element, postings: Element[]): boolean {
  const heading = box.querySelector('h1, h2, h3, h4, h5, h6');
  let named = false;
  for (let el: Element | null = box; el && !isLayout(el); el = el.parentElement)
    if (tokensOf(el).some((t) => DISCUSSION_TOKEN.test(t))) named = true;
  const signs = [
    heading !== null && COUNTING_HEADING.test(textOf(heading)),
    box.querySelector('textarea') !== null,
    named,
    // Each posting has a reply link or button, or a vote count.
    postings.every(
      (p) =>
        p.querySelector('a, button') !== null ||
        Array.from(p.querySelectorAll('span, b, i, em')).some((s) => COUNT.test(textOf(s))),
    ),
  ];
  return signs.filter(Boolean).length >= 2;
}

/** Removes comment and forum blocks; never the block that holds most of the page's text. */
export function removeForums(body: Element, elements = listBodyElements(body)): void {
  // The whole page's prose, measured only once some postings are found (most pages have none).
  let measured: number | null = null;
  const proseOfBody = (): number => (measured ??= measureProse(body));
  // Until a forum is removed every listed element is still in the page: no walk up to ask.
  let hasRemoved = false;
  for (const parent of elements.all()) {
    if (!hasTwoNested(parent) || (hasRemoved && !body.contains(parent)) || elements.isLayout(parent))
      continue;
    const postings = findPostings(parent);
    if (!postings.length) continue;
    const weight = measureProse(parent);
    const bodyProse = proseOfBody();
    if (weight * 2 > bodyProse) continue; // a live blog's entries are the article
    const box = growBox(parent, (up) => {
      const extra = measureText(up.textContent ?? '') - measureText(parent.textContent ?? '');
      return extra <= MAX_EXTRA_CHARS && measureProse(up) * 2 <= bodyProse && !hasOtherProse(up, parent);
    });
    if (!isDiscussion(box, postings)) continue;
    box.remove();
    hasRemoved = true;
    elements.reset();
  }
}

/** Whether `up` holds running text outside `inner` (an article paragraph beside the comments). */
function hasOtherProse(up: Element, inner: Element): boolean {
  for (let child = up.firstElementChild; child; child = child.nextElementSibling) {
    if (child === inner || child.contains(inner)) continue;
    if (holdsRunningText(child) && child.querySelectorAll('p').length > 2) return true;
  }
  return false;
}
