// Pure: the one way to turn anything thrown into a message for a log or a Result's detail.

/** An Error's message, or the thrown value as text (`throw 'x'` and rejected non-Errors exist). */
export function errorMessage(error: unknown): string {
  // eslint-disable-next-line no-restricted-syntax -- the one place the idiom is written
  return error instanceof Error ? error.message : String(error);
}
