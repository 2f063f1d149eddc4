// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { matchSuggestions, TagInput } from '../../components/tag-input';

afterEach(cleanup);

const LIBRARY_TAGS = ['energy', 'economy', 'education', '商业秘密', 'green energy', 'transport'];

/** A caller that keeps the list, as the popup does; `onTags` sees every change. */
function Host({ initial = [], onTags }: { initial?: string[]; onTags?: (tags: string[]) => void }) {
  const [tags, setTags] = useState(initial);
  return (
    <div onKeyDown={(event) => onTags && event.key === 'Escape' && onTags(['<escape reached the popup>'])}>
      <TagInput
        tags={tags}
        suggestions={LIBRARY_TAGS}
        label="Tags"
        onChange={(next) => {
          setTags(next);
          onTags?.(next);
        }}
      />
    </div>
  );
}

function box() {
  return screen.getByRole('combobox', { name: 'Tags' });
}

function type(text: string) {
  fireEvent.input(box(), { target: { value: text } });
}

function key(name: string) {
  fireEvent.keyDown(box(), { key: name });
}

function chips(): string[] {
  const list = screen.queryByRole('list', { name: 'Tags' });
  return list ? Array.from(list.querySelectorAll('li > span'), (span) => span.textContent ?? '') : [];
}

describe('matchSuggestions', () => {
  it('puts tags that start with the text before those that contain it, leaving out tags already used', () => {
    expect(matchSuggestions('en', LIBRARY_TAGS, [], 8)).toEqual(['energy', 'green energy']);
    expect(matchSuggestions('E', LIBRARY_TAGS, ['Energy'], 8)).toEqual([
      'economy',
      'education',
      'green energy',
    ]);
    expect(matchSuggestions('', LIBRARY_TAGS, [], 2)).toEqual(['energy', 'economy']);
    expect(matchSuggestions('商业', LIBRARY_TAGS, [], 8)).toEqual(['商业秘密']);
  });
});

describe('TagInput', () => {
  it('is a combobox that opens a listbox of matching suggestions as the user types', () => {
    render(<Host />);
    expect(box().getAttribute('aria-expanded')).toBe('false');
    type('ed');
    expect(box().getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('listbox', { name: 'Tags' });
    expect(box().getAttribute('aria-controls')).toBe(list.id);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['education']);
  });

  it('moves through the options with the arrow keys and adds the active one with Enter', () => {
    const onTags = vi.fn();
    render(<Host onTags={onTags} />);
    type('e');
    key('ArrowDown');
    key('ArrowDown');
    const active = screen.getByRole('option', { selected: true });
    expect(active.textContent).toBe('economy');
    expect(box().getAttribute('aria-activedescendant')).toBe(active.id);
    key('ArrowUp');
    key('ArrowUp');
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('green energy');
    key('Enter');
    expect(onTags).toHaveBeenLastCalledWith(['green energy']);
    expect(chips()).toEqual(['green energy']);
    expect((box() as HTMLInputElement).value).toBe('');
  });

  it('adds typed text that is not a suggestion with Enter or a comma, once', () => {
    render(<Host />);
    type('  local news ');
    key('Enter');
    type('气候');
    key('，');
    type('Local News');
    key('Enter');
    expect(chips()).toEqual(['local news', '气候']);
  });

  it('adds a suggestion picked with the pointer', () => {
    render(<Host />);
    type('tra');
    fireEvent.click(screen.getByRole('option', { name: 'transport' }));
    expect(chips()).toEqual(['transport']);
  });

  it('removes the last tag with Backspace in an empty box, and any tag with its button', () => {
    render(<Host initial={['a', 'b', 'c']} />);
    key('Backspace');
    expect(chips()).toEqual(['a', 'b']);
    type('x');
    key('Backspace');
    expect(chips()).toEqual(['a', 'b']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove a' }));
    expect(chips()).toEqual(['b']);
  });

  it('closes the list with Escape and keeps it from the popup; a second Escape reaches the popup', () => {
    const onTags = vi.fn();
    render(<Host onTags={onTags} />);
    type('e');
    key('Escape');
    expect(box().getAttribute('aria-expanded')).toBe('false');
    expect(onTags).not.toHaveBeenCalled();
    key('Escape');
    expect(onTags).toHaveBeenCalledWith(['<escape reached the popup>']);
  });

  it('lets Enter through when there is nothing to add', () => {
    render(<Host />);
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    box().dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('keeps text left in the box as a tag when the box loses focus, and splits a pasted list', () => {
    const onTags = vi.fn();
    render(<Host initial={['energy']} onTags={onTags} />);
    fireEvent.focus(box());
    type('tides, 潮汐，energy');
    fireEvent.blur(box());
    expect(chips()).toEqual(['energy', 'tides', '潮汐']);
    expect(box()).toHaveProperty('value', '');
    // Leaving an empty box adds nothing.
    onTags.mockClear();
    fireEvent.focus(box());
    fireEvent.blur(box());
    expect(onTags).not.toHaveBeenCalled();
  });
});
