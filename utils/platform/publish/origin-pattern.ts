// Platform: the optional host permission a repository needs: its origin as a match pattern. Pure code, shared by the
// options page (which asks for it) and the background (which checks it is still held before publishing).

/** The match pattern for a repository URL's origin (ports are not part of match patterns), or null. */
export function toOriginPattern(repoUrl: string): string | null {
  try {
    const url = new URL(repoUrl.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}
