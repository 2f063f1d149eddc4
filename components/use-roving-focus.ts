// Roving tab index for a list of rows: the whole list is one Tab stop; arrow keys, Home and End move between rows,
// Enter opens the focused row. Keys pressed on a control inside a row (a button, a checkbox) are left to it.
import type { TargetedFocusEvent, TargetedKeyboardEvent } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface RovingFocusOptions {
  /** How many rows the list shows. */
  count: number;
  /** Called with the row's index when the user presses Enter on it. */
  onOpen?: (index: number) => void;
  /** The row that holds the Tab stop at first. */
  initialIndex?: number;
}

export interface RovingItemProps {
  tabIndex: 0 | -1;
  ref: (element: HTMLElement | null) => void;
  onKeyDown: (event: TargetedKeyboardEvent<HTMLElement>) => void;
  onFocus: (event: TargetedFocusEvent<HTMLElement>) => void;
}

export interface RovingFocus {
  /** The row that holds the Tab stop. */
  activeIndex: number;
  /** Moves the Tab stop (and the focus, when `focus` is true), e.g. to the row restored by Undo. */
  setActiveIndex: (index: number, focus?: boolean) => void;
  /** Spread onto row `index`. */
  getItemProps: (index: number) => RovingItemProps;
}

function clamp(index: number, count: number): number {
  return count === 0 ? 0 : Math.max(0, Math.min(count - 1, index));
}

export function useRovingFocus({ count, onOpen, initialIndex = 0 }: RovingFocusOptions): RovingFocus {
  const [activeIndex, setActive] = useState(() => clamp(initialIndex, count));
  const elements = useRef(new Map<number, HTMLElement>());
  const latestOnOpen = useRef(onOpen);
  latestOnOpen.current = onOpen;

  // Rows removed (a delete, a narrower filter): keep the Tab stop on a row that still exists.
  useEffect(() => {
    setActive((current) => clamp(current, count));
  }, [count]);

  const setActiveIndex = useCallback(
    (index: number, focus = false) => {
      const next = clamp(index, count);
      setActive(next);
      if (focus) elements.current.get(next)?.focus();
    },
    [count],
  );

  const getItemProps = (index: number): RovingItemProps => ({
    tabIndex: index === clamp(activeIndex, count) ? 0 : -1,
    ref: (element) => {
      if (element) elements.current.set(index, element);
      else elements.current.delete(index);
    },
    onFocus: () => setActive(index),
    onKeyDown: (event) => {
      if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
      let next: number | null = null;
      switch (event.key) {
        case 'ArrowDown':
          next = index + 1;
          break;
        case 'ArrowUp':
          next = index - 1;
          break;
        case 'Home':
          next = 0;
          break;
        case 'End':
          next = count - 1;
          break;
        case 'Enter':
          if (latestOnOpen.current) {
            event.preventDefault();
            latestOnOpen.current(index);
          }
          return;
        default:
          return;
      }
      event.preventDefault();
      setActiveIndex(next, true);
    },
  });

  return { activeIndex: clamp(activeIndex, count), setActiveIndex, getItemProps };
}
