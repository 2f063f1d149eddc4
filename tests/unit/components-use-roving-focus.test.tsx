// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useRovingFocus } from '../../components/use-roving-focus';

afterEach(cleanup);

function List({ titles, onOpen }: { titles: string[]; onOpen: (index: number) => void }) {
  const { getItemProps } = useRovingFocus({ count: titles.length, onOpen });
  return (
    <ul aria-label="Clips">
      {titles.map((title, i) => (
        <li key={title} aria-label={title} {...getItemProps(i)}>
          {title} <button type="button">Delete {title}</button>
        </li>
      ))}
    </ul>
  );
}

const TITLES = ['Alpha', 'Bravo', 'Charlie', 'Delta'];

function row(name: string) {
  return screen.getByRole('listitem', { name });
}

function tabStops(): string[] {
  return screen
    .getAllByRole('listitem')
    .filter((li) => li.tabIndex === 0)
    .map((li) => li.getAttribute('aria-label') ?? '');
}

describe('useRovingFocus', () => {
  it('makes the rows a single Tab stop, on the first row', () => {
    render(<List titles={TITLES} onOpen={vi.fn()} />);
    expect(tabStops()).toEqual(['Alpha']);
  });

  it('moves the focus and the Tab stop with the arrow keys, Home and End, stopping at the ends', () => {
    render(<List titles={TITLES} onOpen={vi.fn()} />);
    row('Alpha').focus();
    fireEvent.keyDown(row('Alpha'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row('Bravo'));
    expect(tabStops()).toEqual(['Bravo']);
    fireEvent.keyDown(row('Bravo'), { key: 'End' });
    expect(document.activeElement).toBe(row('Delta'));
    fireEvent.keyDown(row('Delta'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(row('Delta'));
    fireEvent.keyDown(row('Delta'), { key: 'Home' });
    expect(document.activeElement).toBe(row('Alpha'));
    fireEvent.keyDown(row('Alpha'), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(row('Alpha'));
    expect(tabStops()).toEqual(['Alpha']);
  });

  it('opens the focused row with Enter', () => {
    const onOpen = vi.fn();
    render(<List titles={TITLES} onOpen={onOpen} />);
    fireEvent.keyDown(row('Alpha'), { key: 'ArrowDown' });
    fireEvent.keyDown(row('Bravo'), { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(1);
  });

  it('leaves keys on a control inside a row to that control', () => {
    const onOpen = vi.fn();
    render(<List titles={TITLES} onOpen={onOpen} />);
    const button = screen.getByRole('button', { name: 'Delete Bravo' });
    button.focus();
    fireEvent.keyDown(button, { key: 'Enter' });
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(onOpen).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button);
  });

  it('takes the Tab stop to a row the user clicks or tabs into', () => {
    render(<List titles={TITLES} onOpen={vi.fn()} />);
    fireEvent.focus(row('Charlie'));
    expect(tabStops()).toEqual(['Charlie']);
  });

  it('keeps the Tab stop on a row that exists when rows go away', () => {
    const { rerender } = render(<List titles={TITLES} onOpen={vi.fn()} />);
    fireEvent.keyDown(row('Alpha'), { key: 'End' });
    rerender(<List titles={TITLES.slice(0, 2)} onOpen={vi.fn()} />);
    expect(tabStops()).toEqual(['Bravo']);
  });
});
