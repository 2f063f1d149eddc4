// The library filter: reports the query after the user pauses typing, so each keystroke does not re-query.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from './i18n-context';

// Filtering runs on an in-memory index (a few ms for 10,000 clips), so a short pause only merges fast keystrokes.
export const FILTER_DEBOUNCE_MS = 30;

export interface FilterBoxProps {
  onQuery: (query: string) => void;
  delayMs?: number;
}

export function FilterBox({ onQuery, delayMs = FILTER_DEBOUNCE_MS }: FilterBoxProps) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(onQuery);
  latest.current = onQuery;

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  function handleInput(next: string) {
    setValue(next);
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current(next.trim());
    }, delayMs);
  }

  return (
    <div class="filter">
      <label class="visually-hidden" for="filter-clips">
        {t('filterClips')}
      </label>
      <input
        id="filter-clips"
        type="search"
        value={value}
        placeholder={t('filterPlaceholder')}
        autocomplete="off"
        onInput={(e) => handleInput(e.currentTarget.value)}
      />
    </div>
  );
}
