// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBanner } from '../../components/error-banner';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('ErrorBanner', () => {
  it('shows the given text in a role=alert region', () => {
    void act(() => render(<ErrorBanner message="Postclip can't clip this page." />, container));
    const alert = container.querySelector('[role=alert]');
    expect(alert?.textContent).toBe("Postclip can't clip this page.");
  });

  it('reports a dismissal', () => {
    const onDismiss = vi.fn();
    void act(() => render(<ErrorBanner message="Oops" onDismiss={onDismiss} />, container));
    void act(() => container.querySelector('button')?.click());
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
