// Components get every user-facing string through this context; the entrypoint provides the platform's i18n.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MessageKey } from '../utils/pure/message-key';
import type { ErrorCode } from '../utils/pure/result';

export type Translate = (key: MessageKey, subs?: string[]) => string;

export interface I18n {
  t: Translate;
  describeError: (code: ErrorCode, detail?: string) => string;
}

/** Without a provider, keys show through: visible in tests, never blank. */
export const I18nContext = createContext<I18n>({
  t: (key) => key,
  describeError: (code, detail) => (detail ? `${code} (${detail})` : code),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}
