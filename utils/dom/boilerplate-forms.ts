// DOM: newsletter and sign-up boxes. A short form that asks for an email address, grown to the box around it (its
// heading, pitch and privacy line); a small box named or worded as a newsletter that holds a field or a button; and
// the in-page "skip past" link that jumps over such a box, with the line it lands on.
import {
  dropBlock,
  growBox,
  isGone,
  holdsRunningText,
  isLayout,
  isSentence,
  linkDensity,
  splitTokens,
  tagOf,
  textOf,
  weighsMoreThan,
} from './boilerplate-measure';
import { listBodyElements } from './boilerplate-elements';
import { measureText } from '../pure/text-weight';

const EMAIL_FIELD =
  'input[type="email" i], input[name*="mail" i], input[placeholder*="mail" i], input[autocomplete="email" i]';
const FORM_TAG: ReadonlySet<string> = new Set(['FORM']);
const A_TAG: ReadonlySet<string> = new Set(['A']);
/** A link to an element of the same page by its id: `#after-newsletter`. */
const SAME_PAGE_HREF = /^#[^\s#]+$/;
/** A sign-up box is small: heading, one or two lines of pitch, the field, a privacy line. */
const MAX_BOX_CHARS = 700;
/** More visible fields than this is a contact or order form, not a sign-up. */
const MAX_FIELDS = 3;
/** One signal among the structural ones, never alone: the word for "newsletter" or "subscribe" in a few languages. */
const NEWSLETTER_CUE =
  /newsletter|sign[\s_-]?up|subscri|inbox|abonn|infolettre|bolet[ií]n|iscriviti|nieuwsbrief|邮件|订阅|訂閱|メルマガ|뉴스레터/iu;
/** Text between a skip link and its target: at most this much, and no running text. */
const MAX_SKIPPED_CHARS = 1500;
/** A skip link's landing line is a marker (`after newsletter promotion`), not a sentence. */
const MAX_LANDING_CHARS = 60;

/** Small, no running text, and few links: a box of links around the form is a sidebar, not the sign-up. */
function isSmallBox(el: Element): boolean {
  return !weighsMoreThan(el, MAX_BOX_CHARS) && !holdsRunningText(el) && linkDensity(el) < 0.5;
}

function countFields(form: Element): number {
  return form.querySelectorAll('input:not([type="hidden" i]):not([type="submit" i]), select, textarea')
    .length;
}

/** Forms asking for an email and little else, with the box around them; boxes that say "newsletter" and hold a control. */
export function removeSignUpBoxes(body: Element, elements = listBodyElements(body)): void {
  for (const form of elements.withTags(FORM_TAG)) {
    if (isGone(form, body) || elements.isLayout(form)) continue;
    if (!form.querySelector(EMAIL_FIELD) || form.querySelector('textarea') || countFields(form) > MAX_FIELDS)
      continue;
    if (!isSmallBox(form)) continue;
    dropBlock(growBox(form, isSmallBox));
  }
  // The selector, not a filter of the element list: in the browser it is one native walk, where a script asking
  // each element for two attributes makes thousands of calls.
  const named = body.querySelectorAll('[class], [id]');
  for (let i = 0; i < named.length; i++) {
    const el = named[i];
    if (!el) continue;
    // The name first: it is cheap, and few elements pass it. A token that says it is in the whole name, so the
    // name is split only when the whole says it (`sign up` across two tokens does not count).
    // The class as written (linkedom's getAttribute('class') joins its token set anew): the same tokens.
    const names = `${el.getAttributeNode('class')?.value ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
    if (!NEWSLETTER_CUE.test(names)) continue;
    if (!splitTokens(names).some((t) => NEWSLETTER_CUE.test(t))) continue;
    if (isGone(el, body) || elements.isLayout(el)) continue;
    const hasControl = el.querySelector('input, button, form, [role="button"]') !== null;
    const says = NEWSLETTER_CUE.test(el.textContent ?? '');
    if (hasControl && says && isSmallBox(el)) dropBlock(el);
  }
}

/** Elements by id (and old `<a name>` anchors) under `root`: a clone's ownerDocument may be the original page. */
function indexTargets(root: Element): Map<string, Element> {
  const byId = new Map<string, Element>();
  for (const el of Array.from(root.querySelectorAll('[id], a[name]'))) {
    const key = el.getAttribute('id') ?? el.getAttribute('name') ?? '';
    if (key && !byId.has(key)) byId.set(key, el);
  }
  return byId;
}

/** The element a same-page link points to, when it follows the link in the page. */
function findTarget(link: Element, byId: Map<string, Element>): Element | null {
  const href = link.getAttribute('href') ?? '';
  if (!SAME_PAGE_HREF.test(href)) return null;
  let id = href.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    return null;
  }
  const target = byId.get(id);
  if (!target || target.contains(link)) return null;
  // DOCUMENT_POSITION_FOLLOWING
  return link.compareDocumentPosition(target) & 4 ? target : null;
}

/**
 * `skip past newsletter promotion` → box → `after newsletter promotion`: a link alone on its line that jumps a
 * few siblings ahead marks what it skips as a promotion. The skipped siblings go when they are small and hold no
 * running text or the page's headline; the landing line goes when it is a short label itself.
 */
export function removeSkipRegions(body: Element, elements = listBodyElements(body)): void {
  // Only a link to an id can have a target (findTarget): a page whose `#` links are all bare `#` buttons needs no
  // index of its ids.
  const links = elements.withTags(A_TAG).filter((a) => SAME_PAGE_HREF.test(a.getAttribute('href') ?? ''));
  if (!links.length) return;
  const byId = indexTargets(body);
  for (const link of links) {
    if (isGone(link, body)) continue;
    const target = findTarget(link, byId);
    if (target && isGone(target, body)) continue;
    const linkText = textOf(link);
    if (!target || !linkText || linkText.length > MAX_LANDING_CHARS) continue;
    // The link's own line: the link, or the block that holds nothing else.
    const line = growBox(link, (el) => textOf(el) === linkText);
    if (line.parentElement !== target.parentElement) continue;
    const skipped: Element[] = [];
    for (let el = line.nextElementSibling; el && el !== target; el = el.nextElementSibling) skipped.push(el);
    const weight = skipped.reduce((sum, el) => sum + measureText(el.textContent ?? ''), 0);
    if (weight > MAX_SKIPPED_CHARS || skipped.some((el) => isLayout(el) || holdsRunningText(el))) continue;
    for (const el of skipped) dropBlock(el);
    dropBlock(line);
    const landing = textOf(target);
    const isMarker =
      landing.length <= MAX_LANDING_CHARS &&
      !isSentence(landing) &&
      target.children.length === 0 &&
      !/^H[1-6]$/.test(tagOf(target));
    if (isMarker) dropBlock(target);
  }
}
