// Outside the extension (a file:// preview, a broken install) the pages still render, with an error state
// instead of data, in English from the bundled message file. Each page renders its own app with these.
import EN_MESSAGES from '../public/_locales/en/messages.json';
import type { MessageKey } from '../utils/pure/message-key';
import type { OptionsServices, PopupServices } from '../utils/pure/page-api';
import { fail, ok } from '../utils/pure/result';
import type { I18n } from './i18n-context';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** The browser's own substitution rules, enough for our files: `$name$` → placeholder content → `$n`. */
function translate(key: MessageKey, subs: string[] = []): string {
  const entry: MessageEntry = EN_MESSAGES[key];
  return entry.message.replace(/\$(\w+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name]?.content ?? whole;
    return content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  });
}

export const OFFLINE_I18N: I18n = { t: translate, describeError: () => translate('extensionUnavailable') };

const UNAVAILABLE = fail<never>('unknown');

export const OFFLINE_POPUP: PopupServices = {
  probe: () => Promise.resolve(UNAVAILABLE),
  clip: () => Promise.resolve(UNAVAILABLE),
  isClipOnOpen: () => Promise.resolve(false),
  listSummaries: () => Promise.resolve(ok({ items: [], next: null })),
  getSummary: () => Promise.resolve(UNAVAILABLE),
  openClip: () => Promise.resolve(UNAVAILABLE),
  updateEdits: () => Promise.resolve(UNAVAILABLE),
  deleteClips: () => Promise.resolve(UNAVAILABLE),
  putClips: () => Promise.resolve(UNAVAILABLE),
  download: () => Promise.resolve(UNAVAILABLE),
  exportZip: () => Promise.resolve(UNAVAILABLE),
  copy: () => Promise.resolve(UNAVAILABLE),
  openOptions: () => undefined,
};

export const OFFLINE_OPTIONS: OptionsServices = {
  loadSettings: () => Promise.resolve(UNAVAILABLE),
  saveSettings: () => Promise.resolve(UNAVAILABLE),
  estimateStorage: () => Promise.resolve(null),
  countClips: () => Promise.resolve(UNAVAILABLE),
  exportZip: () => Promise.resolve(UNAVAILABLE),
  backup: () => Promise.resolve(UNAVAILABLE),
  restore: () => Promise.resolve(UNAVAILABLE),
  preview: () => Promise.resolve(ok(null)),
  downloadJson: () => Promise.resolve(UNAVAILABLE),
  browserTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
};
