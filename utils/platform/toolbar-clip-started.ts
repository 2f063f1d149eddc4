// Platform: hears the page say it started the toolbar click's clip (entrypoints/clip/index.ts, beside the one
// injected call), so the popup can say "Clipping…" while the call runs. Only our own script in a tab is heard, and
// its probe is checked as the call's answer is.
import { browser } from 'wxt/browser';
import type { ClipStart } from '../pure/toolbar-phase';
import { readClipStarted } from '../pure/toolbar-phase';
import { readProbe } from './clipper';
import type { MessageSender } from './messages';
import { isPickerSender } from './picker-session';

/** The tab, checked probe and call id of a clip-started message from our script in a tab; null for anything else. */
export function readClipStartedFrom(
  raw: unknown,
  sender: MessageSender,
  self: { id: string; origin: string },
): { tabId: number; started: ClipStart } | null {
  const tabId = sender.tab?.id;
  // The picker's check: a content script of this extension, in a tab, not one of our pages.
  if (tabId === undefined || !isPickerSender(sender, self.id, self.origin)) return null;
  const message = readClipStarted(raw);
  if (message === null) return null;
  const probe = readProbe(message.probe);
  return probe.ok ? { tabId, started: { probe: probe.value, callId: message.callId } } : null;
}

/** Installs the listener; it answers nothing (the page does not wait). */
export function listenForClipStarted(onStarted: (tabId: number, started: ClipStart) => void): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    const started = readClipStartedFrom(raw, sender, self);
    if (started) onStarted(started.tabId, started.started);
    return undefined;
  });
}
