// Pure: the library key of a page, the one function both the save and the "already saved?" lookup use.

/** A URL without its #fragment, as the URL parser writes it. */
export function toClipKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url.split('#')[0] ?? url;
  }
}

/** The key of a page: its canonical URL (link[rel=canonical], else og:url) when it has one, else its own URL. */
export function pageKeyOf(page: { url: string; canonical?: string | null }): string {
  return toClipKey(page.canonical ?? page.url);
}
