// DOM: whether an element sits in the page's chrome (comments, a sidebar, navigation, the site's footer, lists of
// other stories): a name there is a commenter's, another story's writer or an account's, not the article's.
import { isSkipContainer } from './date-context';

/** Whether `el` itself is a chrome box (a comment list, a sidebar, a related-stories list), its ancestors unread. */
export function isChromeBox(el: Element): boolean {
  return isSkipContainer(el, null);
}

export function isInChrome(el: Element): boolean {
  for (let up: Element | null = el; up; up = up.parentElement) if (isChromeBox(up)) return true;
  return false;
}
