// DOM: the "Remove parts…" picker on a page: blocks light up under the pointer, a click marks or unmarks one, Enter
// hands back a selector per marked block, Escape leaves. Everything it adds lives in one closed shadow root and is
// removed on the way out, so the page's own CSS can neither break it nor keep a trace of it.
import { selectorFor } from './css-selector';

export interface PickerOptions {
  /** The line shown at the top of the page ("Click the parts to remove…"), in the user's language. */
  hint: string;
  /** The count shown beside the hint, in the user's language. */
  countText: (count: number) => string;
  /** Enter: the selectors of the marked blocks (empty if none). Escape: null. Called once. */
  onDone: (selectors: string[] | null) => void;
}

/** Elements too small or too structural to be a "part" a user means. */
const SKIP = new Set([
  'html',
  'body',
  'head',
  'script',
  'style',
  'br',
  'hr',
  'span',
  'a',
  'b',
  'i',
  'em',
  'strong',
]);

/** The block the pointer is over: inline bits climb to their nearest block-like ancestor. */
export function blockAt(target: Element | null, host: Element): Element | null {
  let el = target;
  while (el && (SKIP.has(el.localName) || el === host)) {
    if (el.localName === 'body' || el.localName === 'html') return null;
    el = el.parentElement;
  }
  return el;
}

function box(doc: Document, className: string): HTMLDivElement {
  const div = doc.createElement('div');
  div.className = className;
  return div;
}

const STYLE = `
  :host { all: initial; }
  .layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483647; font: 14px/1.4 system-ui, sans-serif; }
  .hover, .mark { position: fixed; box-sizing: border-box; pointer-events: none; }
  .hover { outline: 2px solid #0969da; background: rgba(9, 105, 218, 0.12); }
  .mark { outline: 2px solid #cf222e; background: rgba(207, 34, 46, 0.25); }
  .bar { position: fixed; top: 8px; left: 50%; transform: translateX(-50%); padding: 6px 12px; border-radius: 6px;
         background: #1f2328; color: #fff; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
`;

function place(el: HTMLElement, target: Element): void {
  const r = target.getBoundingClientRect();
  el.style.left = `${r.left}px`;
  el.style.top = `${r.top}px`;
  el.style.width = `${r.width}px`;
  el.style.height = `${r.height}px`;
}

/** Starts the picker on `doc`; returns a function that leaves it (as Escape does, without calling onDone). */
export function startPicker(doc: Document, options: PickerOptions): () => void {
  const host = doc.createElement('postclip-picker');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const layer = box(doc, 'layer');
  const hover = box(doc, 'hover');
  hover.hidden = true;
  const bar = box(doc, 'bar');
  bar.setAttribute('role', 'status');
  layer.append(hover, bar);
  root.append(style, layer);
  doc.documentElement.append(host);

  const marked = new Map<Element, HTMLDivElement>();
  let current: Element | null = null;
  const render = () => {
    bar.textContent = `${options.hint} ${options.countText(marked.size)}`;
    for (const [el, mark] of marked) place(mark, el);
    if (current) place(hover, current);
    hover.hidden = current === null;
  };

  const onMove = (event: Event) => {
    current = blockAt(event.target instanceof Element ? event.target : null, host);
    render();
  };
  const onClick = (event: Event) => {
    // The page never sees the click: no link followed, no page script run.
    event.preventDefault();
    event.stopImmediatePropagation();
    const block = blockAt(event.target instanceof Element ? event.target : null, host);
    if (!block) return;
    const mark = marked.get(block);
    if (mark) {
      mark.remove();
      marked.delete(block);
    } else {
      const added = box(doc, 'mark');
      layer.append(added);
      marked.set(block, added);
    }
    render();
  };
  const swallow = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  let isDone = false;
  const stop = () => {
    isDone = true;
    doc.removeEventListener('mouseover', onMove, true);
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('mousedown', swallow, true);
    doc.removeEventListener('mouseup', swallow, true);
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('scroll', render, true);
    host.remove();
  };
  const onKey = (event: KeyboardEvent) => {
    if (isDone || (event.key !== 'Enter' && event.key !== 'Escape')) return;
    swallow(event);
    const selectors =
      event.key === 'Enter'
        ? [...marked.keys()].map(selectorFor).filter((s): s is string => s !== null)
        : null;
    stop();
    options.onDone(selectors);
  };
  doc.addEventListener('mouseover', onMove, true);
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('mousedown', swallow, true);
  doc.addEventListener('mouseup', swallow, true);
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('scroll', render, true);
  render();
  return stop;
}
