// DOM: whether a short text is what a control says (a follow or subscribe button, a form's field): such a
// label sits beside the account name on portal pages (`去驴行` / `关注`) and is no byline.
import { clean } from '../pure/page-text';
import { textFitsIn } from './text-length';

/** Elements that may be controls; `isControl` checks the class words and that nothing but a label is inside. */
const CANDIDATE_SELECTOR =
  'button, [role="button"], label, [class*="btn"], [class*="button"], [class*="follow"], [class*="subscribe"]';
/**
 * A class that names a control: its last word says what it is (`btn`, `subscribe-btn`, `follow`,
 * `js-subscribe`), or it is a button style (`btn-primary`). `follow-name`, `follow-card` are what a control
 * sits beside.
 */
const CONTROL_CLASS = /^(?:btn-[\w-]+|(?:[\w-]*[-_])?(?:btn|button|follow|subscribe))$/iu;
/** What a control holds besides its label: icons and inline wrappers of the label. */
const INLINE_TAGS = new Set(['SPAN', 'I', 'EM', 'B', 'STRONG', 'SVG', 'IMG', 'USE', 'PATH']);
const MAX_CONTROLS = 200;

/** Links to where a person can be followed or mailed. */
const SOCIAL_HREF =
  /^(?:mailto:|https?:\/\/(?:www\.)?(?:twitter\.com|x\.com|facebook\.com|instagram\.com|linkedin\.com|threads\.net|bsky\.app|mastodon\.\w+)(?:[/?#]|$))/iu;
/** What a social link says when it is a control: a handle, an address, the network's name or a call to follow. */
const SOCIAL_TEXT =
  /^(?:@\S+|\S+@\S+|twitter|x|facebook|instagram|linkedin|threads|bluesky|mastodon|e-?mail|mail|follow|share)$/iu;

/**
 * Whether a social link is a control: its text is a handle, the network's name or nothing (an icon). A name linked
 * to its profile (`Posted by <a href="https://www.linkedin.com/in/janedoe">Jane Doe</a>`) is the byline's name.
 */
function isSocialControl(el: Element, tag: string): boolean {
  if (tag !== 'A' || !SOCIAL_HREF.test(el.getAttribute('href') ?? '')) return false;
  const text = clean(el.textContent);
  return !text || SOCIAL_TEXT.test(text);
}

/**
 * Whether `el` is a control: a button or one by role or class, holding only its label and icons, or a social
 * link that holds no name.
 */
export function isControl(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (isSocialControl(el, tag)) return true;
  const named =
    tag === 'BUTTON' ||
    tag === 'LABEL' ||
    el.getAttribute('role') === 'button' ||
    (el.getAttribute('class') ?? '').split(/\s+/u).some((c) => CONTROL_CLASS.test(c));
  if (!named) return false;
  for (const child of Array.from(el.querySelectorAll('*')))
    if (!INLINE_TAGS.has(child.tagName.toUpperCase())) return false;
  return true;
}

/** Whether `text` is the whole text of a button or a button-like element on the page. */
export function isControlLabel(doc: Document, text: string): boolean {
  const target = clean(text);
  if (!target) return false;
  for (const el of Array.from(doc.querySelectorAll(CANDIDATE_SELECTOR)).slice(0, MAX_CONTROLS)) {
    // The length test first: a large wrapper is not read whole.
    if (textFitsIn(el, target.length) && clean(el.textContent) === target && isControl(el)) return true;
  }
  return false;
}
