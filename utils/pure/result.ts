// Pure: the result shape that crosses context boundaries, with a closed set of error codes.

export const ERROR_CODES = [
  'restricted-page',
  'not-an-article',
  'injection-failed',
  'no-active-tab',
  'timeout',
  'quota-exceeded',
  'storage-failed',
  'invalid-message',
  'page-too-large',
  'not-found',
  'invalid-backup',
  'download-failed',
  'unknown',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What went wrong, as the pages keep it to show: a closed code and, maybe, a technical detail. */
export interface Failure {
  code: ErrorCode;
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | ({ ok: false } & Failure);

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, detail?: string): Result<T> {
  return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** A plain object (not null, not an array): the first check on any value that crossed a boundary. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
