// DOM: shows the article a page hides until its own script runs (an inline `visibility: hidden` on the story box).
import { UNSEEN_TAGS } from './html-blocks';
import { escapeRegExp } from '../pure/page-text';

/** The declaration that hides a box until a script clears it (WeChat's `#js_content`); Readability drops such nodes. */
const HIDING_DECLARATION = /^\s*visibility\s*:\s*hidden\s*(?:!important\s*)?$/i;

/** Script types a browser runs: none given, or a JavaScript one (not JSON-LD, templates or data). */
const RUN_TYPE = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;

/** Characters a reader could see under `root`, whitespace aside (source indentation is not text), scripts left out. */
function seenTextLength(root: Node): number {
  let length = 0;
  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    if (node.nodeType === 3) length += (node as Text).data.replace(/\s+/g, '').length;
    const skip = node.nodeType !== 1 || UNSEEN_TAGS.has((node as Element).tagName.toUpperCase());
    if (!skip && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return length;
}

/** The page's inline scripts, read once and only when a hidden box asks. */
interface ScriptText {
  text: string | null;
}

/** Whether one of the page's own inline scripts names the element by its id (`getElementById('x')`, `'#x'`). */
function isNamedByScript(doc: Document, id: string, scripts: ScriptText): boolean {
  scripts.text ??= Array.from(doc.querySelectorAll('script:not([src])'))
    .filter((script) => RUN_TYPE.test((script.getAttribute('type') ?? '').trim()))
    .map((script) => script.textContent ?? '')
    .join('\n');
  return new RegExp(`['"#]${escapeRegExp(id)}['"\\s)\\]]`).test(scripts.text);
}

/** The style with its hiding declaration left out, the others as written. */
function withoutHiding(style: string): string {
  return style
    .split(';')
    .filter((declaration) => !HIDING_DECLARATION.test(declaration))
    .join(';');
}

/**
 * Clears the inline hiding of a box that the page's own script shows after load (an inline script names its id) and
 * that holds most of the page's text. For a saved or fetched copy of a page, where no script ran: there the box
 * stays hidden, Readability drops hidden nodes, and the CLI failed the page as "not an article" while the browser
 * clipped it. A box hidden for good (no script names it) or a small one (a menu, a popup) is left as it is.
 */
export function revealScriptHiddenArticle(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const hidden = Array.from(body.querySelectorAll('[id][style*="visibility"]')).filter(
    (el) =>
      el.id.trim() !== '' &&
      (el.getAttribute('style') ?? '').split(';').some((d) => HIDING_DECLARATION.test(d)),
  );
  if (hidden.length === 0) return;
  // Read only once a box is hidden so: most pages have none.
  const pageChars = seenTextLength(body);
  const scripts: ScriptText = { text: null };
  for (const el of hidden) {
    if (seenTextLength(el) * 2 <= pageChars || !isNamedByScript(doc, el.id, scripts)) continue;
    el.setAttribute('style', withoutHiding(el.getAttribute('style') ?? ''));
  }
}
