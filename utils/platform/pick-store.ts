// Platform: the last "Remove parts…" pick, kept in storage.local from the background until the popup next opens.
import { browser } from 'wxt/browser';
import type { LastPick } from '../pure/pick-rule';
import { readLastPick } from '../pure/pick-rule';

export const LAST_PICK_KEY = 'postclip-last-pick';

/** Where the last pick is kept between the background and the next popup. */
export interface PickStore {
  save(pick: LastPick): Promise<void>;
  /** The pick, removed from the store: the offer is made once. */
  take(): Promise<LastPick | null>;
}

export const browserPickStore: PickStore = {
  save: (pick) => browser.storage.local.set({ [LAST_PICK_KEY]: pick }),
  async take() {
    const stored = await browser.storage.local.get(LAST_PICK_KEY);
    await browser.storage.local.remove(LAST_PICK_KEY);
    return readLastPick(stored[LAST_PICK_KEY]);
  },
};
