// Pure: the one check that a text names an IANA time zone the runtime knows. An empty text is not a zone:
// callers that allow "none" say so themselves.

/** True for a zone name `Intl` accepts, such as `Asia/Shanghai` or `UTC`; false for '' and unknown names. */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
