// DOM: removes the blocks around and inside a story that are not the story, by their structure, on the clone
// Readability reads: sign-up boxes and the links that skip them, forums, promo boxes, `Read more:` links to other
// stories, widget labels, pager image links, counter rows, end-of-story account footers and the site footer. Each
// kind is its own module.
import { removeSignUpBoxes, removeSkipRegions } from './boilerplate-forms';
import { removeForums } from './boilerplate-forum';
import { removePagerImageLinks, removePromoBoxes, removeWidgetLabels } from './boilerplate-promo';
import { removeReadMoreLinks } from './boilerplate-read-more';
import { removeCounterRows, removeEndMarkerTails, removeTrailingFooters } from './boilerplate-widgets';

/** Every structural boilerplate removal, in an order where each sees the page the one before left. */
export function removeBlockBoilerplate(doc: Document, url: string): void {
  const body = doc.body;
  if (!body) return;
  removeSkipRegions(body);
  removeSignUpBoxes(body);
  removeForums(body);
  removePromoBoxes(body);
  removeReadMoreLinks(body, url);
  removePagerImageLinks(body, url);
  removeCounterRows(body);
  removeWidgetLabels(body);
  removeEndMarkerTails(body);
  removeTrailingFooters(body);
}
