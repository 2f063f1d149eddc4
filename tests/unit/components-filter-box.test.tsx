// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FilterBox } from '../../components/filter-box';

let container: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

function type(input: HTMLInputElement, value: string) {
  void act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('FilterBox', () => {
  it('is a labelled input', () => {
    void act(() => render(<FilterBox onQuery={vi.fn()} />, container));
    const input = container.querySelector('input');
    const label = container.querySelector(`label[for="${input?.id}"]`);
    expect(label?.textContent).toBe('filterClips');
  });

  it('calls back once with the trimmed query after the user pauses', () => {
    const onQuery = vi.fn();
    void act(() => render(<FilterBox onQuery={onQuery} delayMs={100} />, container));
    const input = container.querySelector('input') as HTMLInputElement;
    type(input, 'ti');
    vi.advanceTimersByTime(50);
    type(input, 'tidal ');
    vi.advanceTimersByTime(99);
    expect(onQuery).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onQuery).toHaveBeenCalledTimes(1);
    expect(onQuery).toHaveBeenCalledWith('tidal');
  });

  it('reports clearing the filter', () => {
    const onQuery = vi.fn();
    void act(() => render(<FilterBox onQuery={onQuery} />, container));
    const input = container.querySelector('input') as HTMLInputElement;
    type(input, 'x');
    vi.advanceTimersByTime(200);
    type(input, '');
    vi.advanceTimersByTime(200);
    expect(onQuery.mock.calls).toEqual([['x'], ['']]);
  });
});
