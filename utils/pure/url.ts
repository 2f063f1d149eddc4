// Pure: the one reading of a URL's host. Five copies once disagreed on case, `www.` and trailing dots.

/** The URL's host name, lower-case, without a trailing dot; '' when the text is not an absolute URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** The host as a reader names the site: `hostOf` without a leading `www.`. */
export function siteHostOf(url: string): string {
  return hostOf(url).replace(/^www\./, '');
}
