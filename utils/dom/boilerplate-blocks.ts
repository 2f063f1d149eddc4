// DOM: removes the blocks around and inside a story that are not the story, by their structure, on the clone
// Readability reads: sign-up boxes and the links that skip them, forums, promo boxes, `Read more:` links to other
// stories, widget labels, pager image links, counter rows, end-of-story account footers and the site footer. Each
// kind is its own module.
import { listBodyElements } from './boilerplate-elements';
import { removeSignUpBoxes, removeSkipRegions } from './boilerplate-forms';
import { removeForums } from './boilerplate-forum';
import { removePagerImageLinks, removePromoBoxes, removeWidgetLabels } from './boilerplate-promo';
import { removeReadMoreLinks } from './boilerplate-read-more';
import { removeCounterRows, removeEndMarkerTails, removeTrailingFooters } from './boilerplate-widgets';

/** Every structural boilerplate removal, in an order where each sees the page the one before left. */
export function removeBlockBoilerplate(doc: Document, url: string): void {
  const body = doc.body;
  if (!body) return;
  // One list of the body's elements for every pass; removeForums, the only one that removes, renews it.
  const elements = listBodyElements(body);
  removeSkipRegions(body, elements);
  removeSignUpBoxes(body, elements);
  removeForums(body, elements);
  removePromoBoxes(body, elements);
  removeReadMoreLinks(body, url, elements);
  removePagerImageLinks(body, url, elements);
  removeCounterRows(body, elements);
  removeWidgetLabels(body, elements);
  removeEndMarkerTails(body, elements);
  removeTrailingFooters(body);
}
