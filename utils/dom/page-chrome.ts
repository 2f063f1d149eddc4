// DOM: whether an element sits in the page's chrome (comments, a sidebar, navigation, the site's footer, lists of
// other stories): a name there is a commenter's, another story's writer or an account's, not the article's.
import { isSkipContainer } from './date-context';

export function isInChrome(el: Element): boolean {
  for (let up: Element | null = el; up; up = up.parentElement) if (isSkipContainer(up, null)) return true;
  return false;
}
