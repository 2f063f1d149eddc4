// Test kit: the one browser mock, WXT's fakeBrowser (in-memory storage, runtime, tabs, action...).
// In a test file: `vi.mock('wxt/browser', () => import('../kit/browser'));` and `beforeEach(resetBrowser)`.
// Known gaps (toolchain notes): no commands.onCommand, and message listeners get no sendResponse.
import { fakeBrowser } from 'wxt/testing';

export const browser = fakeBrowser;

/** Clears storage, listeners and tabs between tests. */
export function resetBrowser(): void {
  fakeBrowser.reset();
}
