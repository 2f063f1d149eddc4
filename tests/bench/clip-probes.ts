// Watchers bench:clip installs from outside (CDP, Runtime.evaluate), so the extension's source stays untouched.
// Every time is epoch milliseconds (performance.timeOrigin + performance.now()): one clock for Node, the
// service worker, the popup and the page.
import { build } from 'esbuild';

/** One `chrome.scripting.executeScript` call the background made, and when its promise settled. */
export interface ScriptCall {
  kind: 'files' | 'check' | 'probe' | 'clip' | 'probe-clip' | 'fetch-image' | 'other';
  start: number;
  end: number | null;
}

/** One readwrite IndexedDB transaction in the background: the store write. */
export interface WriteTransaction {
  stores: string;
  start: number;
  end: number | null;
}

export interface WorkerTrace {
  calls: ScriptCall[];
  writes: WriteTransaction[];
}

/**
 * Wraps the service worker's `chrome.scripting.executeScript` and `IDBDatabase.prototype.transaction` to note
 * when each starts and ends. The webextension polyfill looks the method up on each call, so the wrap sees them.
 * Idempotent: returns false when already installed (the worker has not restarted).
 */
export const INSTALL_WORKER_TRACE = `(() => {
  const g = globalThis;
  if (g.__pcTrace) return false;
  const now = () => performance.timeOrigin + performance.now();
  const trace = { calls: [], writes: [] };
  g.__pcTrace = trace;
  const scripting = chrome.scripting;
  const original = scripting.executeScript.bind(scripting);
  scripting.executeScript = (injection, callback) => {
    const call = injection && injection.args && injection.args[0];
    const kind = injection && injection.files ? 'files' : call && typeof call.kind === 'string' ? call.kind : 'other';
    const record = { kind, start: now(), end: null };
    trace.calls.push(record);
    if (typeof callback === 'function') {
      return original(injection, (result) => { record.end = now(); callback(result); });
    }
    return original(injection).then(
      (result) => { record.end = now(); return result; },
      (error) => { record.end = now(); throw error; },
    );
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
    const tx = transaction.call(this, stores, mode, ...rest);
    if (mode === 'readwrite') {
      const record = { stores: String(stores), start: now(), end: null };
      trace.writes.push(record);
      tx.addEventListener('complete', () => { record.end = now(); });
    }
    return tx;
  };
  return true;
})()`;

export const TAKE_WORKER_TRACE = `(() => { const t = globalThis.__pcTrace; const out = { calls: t.calls, writes: t.writes }; t.calls = []; t.writes = []; return out; })()`;

/** What the popup tells about itself once the clipped row is on screen. */
export interface PopupTrace {
  navigationStart: number;
  domContentLoaded: number;
  /** When the row with the Saved/Updated badge entered the DOM, and the frame after it. */
  shownAt: number | null;
  paintedAt: number | null;
  /** The row was already there when the watcher was installed: shownAt is an upper bound. */
  isLate: boolean;
  title: string | null;
  /** The popup's own mark of the frame after it first showed a saved clip; null from builds without it. */
  markedAt: number | null;
  /** The frame after the opened post's body editor (the textarea, then CodeMirror) first showed; null: not seen. */
  editorAt: number | null;
  codeMirrorAt: number | null;
}

/** Watches the popup's DOM for the new row's badge and notes the time, then the next animation frame. */
export const INSTALL_POPUP_WATCH = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const state = { shownAt: null, paintedAt: null, isLate: false, title: null, editorAt: null, codeMirrorAt: null };
  // The opened post's body, after the row: a textarea (or a long body's start) at once, then CodeMirror.
  const editor = (selector, key) => {
    if (state[key] !== null || state[key + 'Seen'] || !document.querySelector(selector)) return;
    state[key + 'Seen'] = true;
    requestAnimationFrame(() => { state[key] = now(); });
  };
  const editors = new MutationObserver(() => {
    editor('.body-editor .markdown-editor', 'editorAt');
    editor('.body-editor .cm-editor', 'codeMirrorAt');
    if (state.codeMirrorAt !== null) editors.disconnect();
  });
  editors.observe(document, { childList: true, subtree: true });
  globalThis.__pcWatch = state;
  const find = () => document.querySelector('.badge-saved, .badge-updated');
  const seen = (isLate) => {
    const badge = find();
    if (!badge || state.shownAt !== null) return false;
    state.shownAt = now();
    state.isLate = isLate;
    const row = badge.closest('[data-row-id]');
    const title = row && row.querySelector('[data-testid="clip-row-title"]');
    state.title = title ? title.textContent : null;
    requestAnimationFrame(() => { state.paintedAt = now(); });
    return true;
  };
  if (seen(true)) return;
  const observer = new MutationObserver(() => { if (seen(false)) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})()`;

export const READ_POPUP_WATCH = `(() => {
  const w = globalThis.__pcWatch;
  const nav = performance.getEntriesByType('navigation')[0];
  if (!w || w.paintedAt === null) return null;
  // The post's editor too, unless it has not come 10 s after the row (a build that opens no post).
  const waited = performance.timeOrigin + performance.now() - w.paintedAt;
  if ((w.editorAt === null || w.codeMirrorAt === null) && waited < 10000) return null;
  return {
    navigationStart: performance.timeOrigin,
    domContentLoaded: performance.timeOrigin + (nav ? nav.domContentLoadedEventEnd : 0),
    shownAt: w.shownAt, paintedAt: w.paintedAt, isLate: w.isLate, title: w.title,
    editorAt: w.editorAt, codeMirrorAt: w.codeMirrorAt,
    // The popup's own mark (entrypoints/popup/start-popup.tsx): exact even when the watcher came late.
    markedAt: (() => { const m = performance.getEntriesByName('postclip:clip-shown')[0]; return m ? performance.timeOrigin + m.startTime : null; })(),
  };
})()`;

/**
 * READ_POPUP_WATCH, checked inside the popup every 20 ms until it answers: one DevTools call instead of one every
 * 10 ms, which cost the popup and the browser's main thread ~90 ms of CPU while the large clip ran (a 2-core machine).
 */
export const AWAIT_POPUP_WATCH = `new Promise((resolve) => {
  const read = () => ${READ_POPUP_WATCH};
  const tick = () => { const trace = read(); if (trace) resolve(trace); else setTimeout(tick, 20); };
  tick();
})`;

export interface FloorRun {
  total: number;
  clone: number;
  readability: number;
  turndown: number;
  title: string | null;
  markdownChars: number;
}

/**
 * The floor: @mozilla/readability and turndown from node_modules, bundled for the page. `__pcFloor()` clones
 * the document, parses it and converts the article, once, as any clipper must.
 */
export async function bundleFloor(root: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { Readability } from '@mozilla/readability';
        import TurndownService from 'turndown';
        globalThis.__pcFloor = () => {
          const t0 = performance.now();
          const clone = document.cloneNode(true);
          const t1 = performance.now();
          const article = new Readability(clone).parse();
          const t2 = performance.now();
          const markdown = new TurndownService().turndown(article && article.content ? article.content : '');
          const t3 = performance.now();
          return { total: t3 - t0, clone: t1 - t0, readability: t2 - t1, turndown: t3 - t2,
            title: article ? article.title : null, markdownChars: markdown.length };
        };`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no floor bundle');
  return text;
}

/**
 * The injected API's stage times of its last clip (`__postclip.lastTimings`), read from the active tab's isolated
 * world by the service worker, which still holds activeTab for it. Null when the page has none.
 */
export const READ_PAGE_TIMINGS = `(async () => {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  if (!tab || tab.id === undefined) return null;
  const [reply] = await chrome.scripting.executeScript({
    target: { tabId: tab.id },
    // The one-call flow's probe, timed apart, rides along as 'probe' (not one of CLIP_STAGES).
    func: () => {
      const api = globalThis.__postclip;
      if (!api || !api.lastTimings) return null;
      return api.lastProbeMs === undefined ? api.lastTimings : { ...api.lastTimings, probe: api.lastProbeMs };
    },
  });
  return reply && reply.result ? reply.result : null;
})()`;
