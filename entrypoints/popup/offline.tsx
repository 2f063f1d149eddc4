// Outside the extension (a file:// preview, a broken install) the pages still render, with an error state
// instead of data, in English from the bundled message file.
import { render } from 'preact';
import type { I18n, MessageKey } from '../../components/i18n-context';
import { I18nContext } from '../../components/i18n-context';
import { OptionsApp } from '../../components/options-app';
import { PopupApp } from '../../components/popup-app';
import type { OptionsServices, PopupServices } from '../../components/services';
import { fail, ok } from '../../utils/pure/result';
import EN_MESSAGES from '../../public/_locales/en/messages.json';
import type { PageKind } from './boot';

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

const UNAVAILABLE = fail<never>('unknown');

const OFFLINE_POPUP: PopupServices = {
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

const OFFLINE_OPTIONS: OptionsServices = {
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

export function startOffline(root: HTMLElement, kind: PageKind): void {
  const i18n: I18n = { t: translate, describeError: () => translate('extensionUnavailable') };
  render(
    <I18nContext.Provider value={i18n}>
      {kind === 'popup' ? <PopupApp services={OFFLINE_POPUP} /> : <OptionsApp services={OFFLINE_OPTIONS} />}
    </I18nContext.Provider>,
    root,
  );
}
