// Pure: what the "Remove parts…" picker hands back, checked, and turning a pick into a site rule the user can edit.
import { PAGE_MESSAGE } from './protocol';
import { isRecord } from './result';
import type { SiteRule } from './template-shape';

/** More blocks than anyone marks by hand; a longer list is not the picker's. */
export const MAX_PICKED = 50;
export const MAX_SELECTOR_CHARS = 500;

/** The picker's message to the background when the user presses Enter. */
export interface PickerDone {
  selectors: string[];
}

/** The last pick, kept so the popup can offer "Always remove this on <site>" next time it opens. */
export interface LastPick {
  clipId: string;
  /** The page's host name, as a site rule of type `host` matches it. */
  host: string;
  selectors: string[];
}

function isSelectorList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_PICKED &&
    value.every((s) => typeof s === 'string' && s.trim() !== '' && s.length <= MAX_SELECTOR_CHARS)
  );
}

/** The picker's message, checked field by field: it comes from a script running inside a web page. */
export function readPickerDone(raw: unknown): PickerDone | null {
  if (!isRecord(raw) || raw.type !== PAGE_MESSAGE.pickerDone || !isRecord(raw.payload)) return null;
  const { selectors } = raw.payload;
  return isSelectorList(selectors) ? { selectors: [...new Set(selectors)] } : null;
}

export function readLastPick(raw: unknown): LastPick | null {
  if (!isRecord(raw)) return null;
  const { clipId, host, selectors } = raw;
  if (typeof clipId !== 'string' || typeof host !== 'string' || host === '' || !isSelectorList(selectors))
    return null;
  return { clipId, host, selectors };
}

/**
 * The rules with the picked selectors added: to the user's rule for exactly this host if there is one (its other
 * settings kept, no selector twice), else to a new rule for the host, added last so earlier rules still win.
 */
export function addPickToRules(rules: readonly SiteRule[], pick: LastPick, newId: string): SiteRule[] {
  const index = rules.findIndex((r) => r.match.type === 'host' && r.match.value.toLowerCase() === pick.host);
  const existing = rules[index];
  if (index < 0 || !existing) {
    return [
      ...rules,
      { id: newId, match: { type: 'host', value: pick.host }, removeSelectors: [...pick.selectors] },
    ];
  }
  const removeSelectors = [...new Set([...(existing.removeSelectors ?? []), ...pick.selectors])];
  return rules.map((r, i) => (i === index ? { ...existing, removeSelectors } : r));
}
