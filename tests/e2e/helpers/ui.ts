// Expressions evaluated inside the action popup (which Playwright cannot reach as a Page).

/** JS source of a function that finds a button by its accessible name (aria-label, else its text). */
const FIND_BUTTON = `(name) => [...document.querySelectorAll('button')].find((b) =>
  ((b.getAttribute('aria-label') || b.textContent || '').replace(/\\s+/g, ' ').trim()) === name && !b.disabled)`;

export function clickButtonExpr(name: string): string {
  return `(() => { const b = (${FIND_BUTTON})(${JSON.stringify(name)}); if (!b) return false; b.click(); return true; })()`;
}

export const BODY_TEXT_EXPR = `document.body ? document.body.innerText : ''`;

export const ALERT_TEXT_EXPR = `[...document.querySelectorAll('[role=alert]')].map((e) => e.textContent).join(' ')`;

/** Polls a popup expression until `check` passes; returns the last value. */
export async function pollValue<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await read();
  }
  return last;
}
