// Platform: the browser's side of "Clip this link": fetch from the background, parse in the link parser page, and
// the clipper's own library, settings and clock.
import type { ClipperDeps } from './clipper';
import type { LinkClipDeps } from './link-clip';
import { fetchLinkedPage } from './link-clip';
import { parseInParserPage } from './link-parser';

export function createLinkClipDeps(deps: ClipperDeps): LinkClipDeps {
  return {
    fetchPage: fetchLinkedPage,
    parseAndClip: parseInParserPage,
    getLibrary: () => deps.getLibrary(),
    loadSettings: () => deps.loadSettings(),
    now: () => deps.now(),
  };
}
