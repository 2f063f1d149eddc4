// Platform: a multi-page article's next page, fetched by the injected script from the page itself (same origin,
// the page's cookies, the activeTab grant) and parsed with the browser's DOMParser. Never runs a script of it.
import type { LoadedPage } from '../dom/page-join';

/** A later page bigger than this is not one page of an article. */
export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
/** One page may take this long; the join stops at the first page that does not answer in time. */
export const PAGE_TIMEOUT_MS = 4_000;

function charsetOf(response: Response, fallback: string): string {
  const declared = /charset=([\w.:-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
  for (const label of [declared, fallback]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).encoding;
    } catch {
      // An unknown label: try the next.
    }
  }
  return 'utf-8';
}

/**
 * Fetches `url` when it is on `origin`, within `timeoutMs`, and parses it. Null on any failure (other origin,
 * HTTP error, not HTML, too large, timeout): the join keeps what it has. `charset` is the first page's, used when
 * the response names none (sites serve all their pages alike; a `<meta charset>` the first page had, this has too).
 */
export async function fetchPage(
  url: string,
  origin: string,
  charset: string,
  timeoutMs = PAGE_TIMEOUT_MS,
): Promise<LoadedPage | null> {
  try {
    if (new URL(url).origin !== origin) return null;
    const response = await fetch(url, { credentials: 'include', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok || new URL(response.url || url).origin !== origin) return null;
    if (!/html/i.test(response.headers.get('content-type') ?? 'text/html')) return null;
    const buffer = await response.arrayBuffer();
    if (buffer.byteLength > MAX_PAGE_BYTES) return null;
    const html = new TextDecoder(charsetOf(response, charset)).decode(buffer);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return { doc, url: response.url || url };
  } catch {
    return null;
  }
}
