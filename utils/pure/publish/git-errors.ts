// Pure: turns what isomorphic-git, Node's sockets and the browser's fetch throw into one closed publish code.
import type { PublishErrorCode } from './publish-files';

/** Socket errors from Node (`isomorphic-git/http/node`): the server is unreachable or went away. */
const OFFLINE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
]);
// The browser's fetch says only "TypeError: Failed to fetch" (Chromium) or "NetworkError…" (Firefox);
// Node's undici says "fetch failed"; a socket closed mid-response says "socket hang up" or "aborted".
const OFFLINE_MESSAGE =
  /failed to fetch|networkerror|fetch failed|socket hang up|^aborted$|network error|terminated/i;
/** isomorphic-git's own errors for a response cut short: the server went away mid-way. */
const TRUNCATED_CODES = new Set(['SmartHttpError', 'EmptyServerResponseError', 'ParseError']);

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function messageOf(error: unknown): string {
  const message = fieldOf(error, 'message');
  return typeof message === 'string' ? message : String(error);
}

/** The HTTP status of an isomorphic-git `HttpError`, or null. */
export function httpStatusOf(error: unknown): number | null {
  if (fieldOf(error, 'code') !== 'HttpError') return null;
  const status = fieldOf(fieldOf(error, 'data'), 'statusCode');
  return typeof status === 'number' ? status : null;
}

/** Whether a push failed because the branch moved under us: worth a fetch and another try. */
export function isRemoteMovedError(error: unknown): boolean {
  const code = fieldOf(error, 'code');
  if (code === 'PushRejectedError') return true;
  // The remote's new head is missing from our shallow clone, so the fast-forward check could not finish.
  if (code === 'NotFoundError' || code === 'MaxDepthError') return true;
  // git-receive-pack's own words when the ref changed between its advertisement and our update.
  return (
    code === 'GitPushError' &&
    /fetch first|non-fast-forward|failed to lock|stale info/i.test(messageOf(error))
  );
}

/** One code and a short detail for any error thrown while publishing. */
export function classifyPublishError(error: unknown): { code: PublishErrorCode; detail: string } {
  const detail = messageOf(error);
  const code = fieldOf(error, 'code');
  const name = fieldOf(error, 'name');
  const status = httpStatusOf(error);
  if (status === 401 || status === 403) return { code: 'publish-auth', detail };
  if (status === 404) return { code: 'publish-not-found', detail };
  if (status === 502 || status === 503 || status === 504) return { code: 'publish-offline', detail };
  if (code === 'UserCanceledError') return { code: 'publish-auth', detail };
  if (name === 'QuotaExceededError' || code === 'ENOSPC' || code === 'EDQUOT')
    return { code: 'quota-exceeded', detail };
  if (typeof code === 'string' && OFFLINE_ERRNOS.has(code)) return { code: 'publish-offline', detail };
  if (typeof code === 'string' && TRUNCATED_CODES.has(code)) return { code: 'publish-offline', detail };
  if (OFFLINE_MESSAGE.test(detail)) return { code: 'publish-offline', detail };
  if (code === 'PushRejectedError' || code === 'GitPushError') return { code: 'publish-rejected', detail };
  return { code: 'publish-failed', detail };
}
