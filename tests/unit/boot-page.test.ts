import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootPage, isExtensionPage } from '../../utils/platform/boot-page';

const scope = globalThis as { chrome?: unknown };

afterEach(() => {
  delete scope.chrome;
  vi.restoreAllMocks();
});

function makeDoc(body = '<div id="app"></div>'): Document {
  return new JSDOM(`<!doctype html><body>${body}</body>`).window.document;
}

describe('bootPage', () => {
  it('renders the offline page outside the extension', async () => {
    const doc = makeDoc();
    const start = vi.fn(() => Promise.resolve());
    const offline = vi.fn((root: HTMLElement) => {
      root.textContent = 'offline';
      return Promise.resolve();
    });
    expect(isExtensionPage()).toBe(false);
    await bootPage(doc, start, offline);
    expect(start).not.toHaveBeenCalled();
    expect(doc.getElementById('app')?.textContent).toBe('offline');
  });

  it('starts the real page inside the extension', async () => {
    scope.chrome = { runtime: { id: 'abc' } };
    const doc = makeDoc();
    let started: HTMLElement | null = null;
    const offline = vi.fn(() => Promise.resolve());
    await bootPage(
      doc,
      (root) => {
        started = root;
        return Promise.resolve();
      },
      offline,
    );
    expect(started === doc.getElementById('app')).toBe(true);
    expect(offline).not.toHaveBeenCalled();
  });

  it('falls back to the offline page when the real one fails to start', async () => {
    scope.chrome = { runtime: { id: 'abc' } };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const doc = makeDoc();
    const offline = vi.fn(() => Promise.resolve());
    await bootPage(doc, () => Promise.reject(new Error('polyfill')), offline);
    expect(offline).toHaveBeenCalledOnce();
  });

  it('does nothing without an #app element', async () => {
    const offline = vi.fn(() => Promise.resolve());
    await bootPage(makeDoc('<main></main>'), () => Promise.resolve(), offline);
    expect(offline).not.toHaveBeenCalled();
  });
});
