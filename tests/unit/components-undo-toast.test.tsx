// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n-context';
import { UndoToast } from '../../components/undo-toast';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('UndoToast', () => {
  it('shows the message and calls back on Undo', () => {
    const onUndo = vi.fn();
    const i18n = {
      t: (key: string) => (key === 'undo' ? 'Undo' : key),
      describeError: (code: string) => code,
    };
    void act(() =>
      render(
        <I18nContext.Provider value={i18n}>
          <UndoToast message="Deleted “Tidal power”" onUndo={onUndo} />
        </I18nContext.Provider>,
        container,
      ),
    );
    expect(container.textContent).toBe('Deleted “Tidal power” — Undo');
    const button = container.querySelector('button');
    expect(button?.textContent).toBe('Undo');
    void act(() => button?.click());
    expect(onUndo).toHaveBeenCalledTimes(1);
  });
});
