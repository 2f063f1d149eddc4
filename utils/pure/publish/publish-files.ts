// Pure: what a publish writes — files under a site's root — the checks every destination applies, and its result codes.

/** One file to publish, at a `/`-separated path relative to the site's root (`_posts/2024-03-18-slug.md`). */
export interface PublishFile {
  path: string;
  bytes: Uint8Array;
}

/** Every way a publish can fail. Closed: the options page and the popup show one message per code. */
export const PUBLISH_ERROR_CODES = [
  /** A file path that would leave the site's root, or two files at one path. */
  'publish-invalid',
  /** No network, the server is gone, or the connection dropped mid-way. */
  'publish-offline',
  /** The token was refused (HTTP 401/403), or the folder permission was not granted. */
  'publish-auth',
  /** The browser has not allowed Postclip to reach the repository's server (the optional host permission). */
  'publish-not-allowed',
  /** No repository at that URL (HTTP 404). */
  'publish-not-found',
  /** The server refused the push (a protected branch, a hook), or the remote kept moving. */
  'publish-rejected',
  /** Someone else changed one of our files since we last wrote it: nothing was overwritten. */
  'publish-conflict',
  /** The browser's storage for the local clone (or the folder's disk) is full. */
  'quota-exceeded',
  /** Anything else. */
  'publish-failed',
] as const;

export type PublishErrorCode = (typeof PUBLISH_ERROR_CODES)[number];

export type PublishFailure = {
  ok: false;
  code: PublishErrorCode;
  detail?: string;
  /** With `publish-conflict`: the paths someone else changed. */
  conflicts?: string[];
  /** With `publish-conflict`: path → the blob the remote holds there ("Keep theirs" adopts it). */
  theirs?: Record<string, string>;
};

export type PublishResult<T> = { ok: true; value: T } | PublishFailure;

export function publishFailure(
  code: PublishErrorCode,
  detail?: string,
  conflicts?: string[],
  theirs?: Record<string, string>,
): PublishFailure {
  return {
    ok: false,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(conflicts === undefined ? {} : { conflicts }),
    ...(theirs === undefined ? {} : { theirs }),
  };
}

// C0 controls and DEL are refused by Git hosts and file systems alike; `\` is a separator on Windows.
const BAD_CHARS = /[\u0000-\u001F\u007F\\:*?"<>|]/;

/**
 * Why a path may not be written, or null when it may: relative, `/`-separated, no empty, `.` or `..` segment,
 * nothing inside `.git`, no characters Windows or Git refuse. Both destinations (a repository and a folder) use it.
 */
export function checkPublishPath(path: string): string | null {
  if (path === '') return 'empty path';
  if (path.startsWith('/')) return `absolute path: ${path}`;
  if (BAD_CHARS.test(path)) return `forbidden character in ${JSON.stringify(path)}`;
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return `bad segment in ${path}`;
    if (segment.toLowerCase() === '.git') return `inside .git: ${path}`;
    if (segment.endsWith('.') || segment.endsWith(' ')) return `segment ends with a dot or space: ${path}`;
  }
  return null;
}

/** Checks every path and that no two files share one (ignoring case, as macOS and Windows checkouts would). */
export function checkPublishFiles(files: readonly PublishFile[]): PublishFailure | null {
  if (files.length === 0) return publishFailure('publish-invalid', 'nothing to publish');
  const seen = new Set<string>();
  for (const file of files) {
    const problem = checkPublishPath(file.path);
    if (problem) return publishFailure('publish-invalid', problem);
    const key = file.path.toLowerCase();
    if (seen.has(key)) return publishFailure('publish-invalid', `two files at ${file.path}`);
    seen.add(key);
  }
  return null;
}

/**
 * A folder name for a repository's local clone: readable (`github.com-me-site-git`) and unique (a hash of the
 * whole URL), so two repositories never share a clone and the same one always finds its own.
 */
export function toCloneFolderName(url: string): string {
  // FNV-1a, 32 bits: a stable short name, not a security boundary.
  let hash = 0x811c9dc5;
  for (const char of url) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const readable = url
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[^a-z0-9.]+/gi, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `${readable || 'repo'}-${hash.toString(16).padStart(8, '0')}`;
}
