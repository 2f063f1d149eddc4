// DOM: whether a short text is what a control says (a follow or subscribe button, a form's field): such a
// label sits beside the account name on portal pages (`去驴行` / `关注`) and is no byline.
import { clean } from '../pure/page-text';

/** Buttons and elements whose class names them as one: `subscribe-btn`, `follow`, `button`. */
const CONTROL_SELECTOR =
  'button, [role="button"], label, [class*="btn"], [class*="button"], [class*="follow"], [class*="subscribe"]';
const MAX_CONTROLS = 200;

/** Whether `text` is the whole text of a button or a button-like element on the page. */
export function isControlLabel(doc: Document, text: string): boolean {
  const target = clean(text);
  if (!target) return false;
  for (const el of Array.from(doc.querySelectorAll(CONTROL_SELECTOR)).slice(0, MAX_CONTROLS)) {
    if (clean(el.textContent) === target) return true;
  }
  return false;
}
