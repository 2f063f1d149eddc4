// Tags as removable chips plus a text box that suggests the user's existing tags (ARIA 1.2 combobox with a
// listbox popup). Data in by props, the new list out through onChange.
import type { TargetedKeyboardEvent } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';

export interface TagInputProps {
  /** The tags the clip has now. */
  tags: string[];
  /** Called with the whole new list when a tag is added or removed. */
  onChange: (tags: string[]) => void;
  /** Tags to suggest, e.g. every tag in the library (most used first: the order is kept). */
  suggestions: string[];
  /** Accessible name of the text box and of the chip list, localised by the caller (`Tags`, `标签`). */
  label: string;
  /** Accessible name of a chip's remove button, given the tag (`Remove tag X`). */
  removeLabel?: (tag: string) => string;
  /** How many suggestions the list shows at most. */
  maxSuggestions?: number;
}

const SEPARATORS = new Set([',', '，', '、']);
const SEPARATOR_PATTERN = /[,，、]/u;

function sameTag(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** Suggestions for the typed text: those that start with it first, then those that contain it; none already used. */
export function matchSuggestions(text: string, suggestions: string[], used: string[], max: number): string[] {
  const needle = text.trim().toLocaleLowerCase();
  const fresh = suggestions.filter((tag) => !used.some((u) => sameTag(u, tag)));
  if (needle === '') return fresh.slice(0, max);
  const starts = fresh.filter((tag) => tag.toLocaleLowerCase().startsWith(needle));
  const contains = fresh.filter((tag) => !starts.includes(tag) && tag.toLocaleLowerCase().includes(needle));
  return [...starts, ...contains].slice(0, max);
}

export function TagInput({
  tags,
  onChange,
  suggestions,
  label,
  removeLabel = (tag) => `Remove ${tag}`,
  maxSuggestions = 8,
}: TagInputProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = useMemo(
    () => matchSuggestions(text, suggestions, tags, maxSuggestions),
    [text, suggestions, tags, maxSuggestions],
  );
  const isExpanded = isOpen && options.length > 0;

  /** Adds the typed text as tags (a pasted `a, b` gives two), leaving out blanks and tags already there. */
  function add(typed: string) {
    setText('');
    setActive(-1);
    const next = [...tags];
    for (const part of typed.split(SEPARATOR_PATTERN)) {
      const clean = part.trim();
      if (clean !== '' && !next.some((t) => sameTag(t, clean))) next.push(clean);
    }
    if (next.length > tags.length) onChange(next);
  }

  function remove(index: number) {
    onChange(tags.filter((_, i) => i !== index));
  }

  function handleKeyDown(event: TargetedKeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isExpanded) {
          setOpen(true);
          setActive(0);
        } else setActive((current) => (current + 1) % options.length);
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!isExpanded) {
          setOpen(true);
          setActive(options.length - 1);
        } else setActive((current) => (current <= 0 ? options.length - 1 : current - 1));
        return;
      case 'Enter': {
        const chosen = isExpanded && active >= 0 ? options[active] : undefined;
        if (chosen === undefined && text.trim() === '') return;
        // Adding a tag must not submit a surrounding form.
        event.preventDefault();
        add(chosen ?? text);
        return;
      }
      case 'Escape':
        if (!isExpanded) return; // Let it bubble: the popup's Escape goes back.
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        setActive(-1);
        return;
      case 'Backspace':
        if (text === '' && tags.length > 0) {
          event.preventDefault();
          remove(tags.length - 1);
        }
        return;
      default:
        if (SEPARATORS.has(event.key)) {
          event.preventDefault();
          add(text);
        }
    }
  }

  const activeId = isExpanded && active >= 0 ? `${id}-option-${active}` : undefined;
  return (
    <div class="tag-input">
      {tags.length > 0 ? (
        <ul class="tag-input-chips" aria-label={label}>
          {tags.map((tag, i) => (
            <li key={tag} class="tag-chip">
              <span>{tag}</span>
              <button type="button" aria-label={removeLabel(tag)} onClick={() => remove(i)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={isExpanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        autocomplete="off"
        value={text}
        onInput={(event) => {
          setText(event.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={handleKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // Text left in the box is a tag the user meant: leaving the box (Tab, or a click on Save) keeps it.
          if (text.trim() !== '') add(text);
          else setActive(-1);
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} hidden={!isExpanded} class="tag-input-options">
        {isExpanded
          ? options.map((option, i) => (
              <li
                key={option}
                id={`${id}-option-${i}`}
                role="option"
                aria-selected={i === active}
                // Keep the focus in the text box while the pointer picks.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => add(option)}
              >
                {option}
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
