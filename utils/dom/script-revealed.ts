// DOM: shows the article a page hides until its own script runs (an inline `visibility: hidden` on the story box).
import { UNSEEN_TAGS } from './html-blocks';

/** An inline style that hides the box until a script clears it (WeChat's `#js_content`, anti-flicker snippets). */
const HIDDEN_UNTIL_SCRIPT =
  /(?:^|;)\s*(?:visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?)\s*(?:!important\s*)?(?:;|$)/i;

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
    .map((script) => script.textContent ?? '')
    .join('\n');
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`['"#]${escaped}['"\\s)\\]]`).test(scripts.text);
}

/**
 * Clears the inline hiding of a box that the page's own script shows after load (an inline script names its id) and
 * that holds most of the page's text. A saved copy of such a page keeps the box hidden, and Readability drops hidden
 * nodes, so the CLI failed the page as "not an article" while the browser clipped it. A box hidden for good (no
 * script names it) or a small one (a menu, a popup) is left as it is.
 */
export function revealScriptHiddenArticle(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const hidden = Array.from(
    body.querySelectorAll('[id][style*="visibility"], [id][style*="opacity"]'),
  ).filter((el) => HIDDEN_UNTIL_SCRIPT.test(el.getAttribute('style') ?? ''));
  if (hidden.length === 0) return;
  // Read only once a box is hidden so: most pages have none.
  const pageChars = seenTextLength(body);
  const scripts: ScriptText = { text: null };
  for (const el of hidden) {
    if (seenTextLength(el) * 2 <= pageChars || !isNamedByScript(doc, el.id, scripts)) continue;
    const style = el.getAttribute('style') ?? '';
    el.setAttribute('style', style.replace(new RegExp(HIDDEN_UNTIL_SCRIPT.source, 'gi'), ';'));
  }
}
