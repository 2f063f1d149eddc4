// Runs INSIDE the popup page before its own scripts (an init script bundled by library.ts): timestamps for when the
// database is opened, when list queries are issued, and when rows reach the DOM. Times are performance.now(), i.e.
// milliseconds since the page's navigation started.

const ROW_SELECTOR = '[data-testid="clip-row-title"]';
const FILTER_TIMEOUT_MS = 20_000;

export interface CursorMark {
  store: string;
  at: number;
}

export interface OpenSample {
  firstRowAt: number | null;
  /** The first animation frame after the rows were in the DOM: about when they are painted. */
  firstRowFrameAt: number | null;
  dbOpenAt: number | null;
  /** The first summaries query (the list's cursor). */
  queryAt: number | null;
  domContentLoadedAt: number;
  firstContentfulPaintAt: number | null;
  /** When the app's first element was rendered into #app: the page's scripts have loaded and run. */
  appAt: number | null;
}

export interface FilterSample {
  inputAt: number | null;
  /** The last summaries query opened between the input and the rows changing. */
  issuedAt: number | null;
  changedAt: number | null;
  queries: number;
  rows: number;
}

export interface Probes {
  cursors: CursorMark[];
  firstRowAt: number | null;
  firstRowFrameAt: number | null;
  dbOpenAt: number | null;
  appAt: number | null;
  filterDone: Promise<FilterSample> | null;
  readOpen(): OpenSample;
  /** Call before typing: `filterDone` settles when the rows differ from the ones shown now. */
  armFilter(): void;
}

function readRowIds(): string[] {
  return Array.from(document.querySelectorAll('[data-row-id]'), (el) => el.getAttribute('data-row-id') ?? '');
}

/** A new list, not the old one with pages appended (infinite scroll appends; a query replaces). */
function isReplaced(before: string[], now: string[]): boolean {
  if (before.length === 0) return now.length > 0;
  if (now.length < before.length) return true;
  return before.some((id, i) => now[i] !== id);
}

type Method<T, K extends keyof T> = T[K] extends (...args: infer A) => infer R
  ? (this: T, ...args: A) => R
  : never;

/** The native method, to call with the right `this` from its replacement. */
function readMethod<T, K extends keyof T & string>(proto: T, name: K): Method<T, K> {
  const value = Object.getOwnPropertyDescriptor(proto, name)?.value as Method<T, K> | undefined;
  if (typeof value !== 'function') throw new Error(`no ${name} to wrap`);
  return value;
}

function installProbes(): Probes {
  const probes: Probes = {
    cursors: [],
    firstRowAt: null,
    firstRowFrameAt: null,
    dbOpenAt: null,
    appAt: null,
    filterDone: null,
    readOpen() {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        firstRowAt: probes.firstRowAt,
        firstRowFrameAt: probes.firstRowFrameAt,
        dbOpenAt: probes.dbOpenAt,
        queryAt: probes.cursors.find((c) => c.store === 'summaries')?.at ?? null,
        domContentLoadedAt: nav?.domContentLoadedEventEnd ?? NaN,
        firstContentfulPaintAt: fcp?.startTime ?? null,
        appAt: probes.appAt,
      };
    },
    armFilter() {
      const before = readRowIds();
      const seen = probes.cursors.length;
      probes.filterDone = new Promise((resolve) => {
        let inputAt: number | null = null;
        const onInput = (): void => {
          inputAt ??= performance.now();
        };
        const finish = (changedAt: number | null): void => {
          observer.disconnect();
          clearTimeout(timer);
          document.removeEventListener('input', onInput, true);
          const issued = probes.cursors
            .slice(seen)
            .filter((c) => c.store === 'summaries' && c.at >= (inputAt ?? Infinity))
            .filter((c) => changedAt === null || c.at <= changedAt);
          resolve({
            inputAt,
            issuedAt: issued[issued.length - 1]?.at ?? null,
            changedAt,
            queries: issued.length,
            rows: document.querySelectorAll(ROW_SELECTOR).length,
          });
        };
        // Capture on the document runs before the component's own handler on the input.
        document.addEventListener('input', onInput, true);
        const observer = new MutationObserver(() => {
          if (inputAt !== null && isReplaced(before, readRowIds())) finish(performance.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        const timer = setTimeout(() => finish(null), FILTER_TIMEOUT_MS);
      });
    },
  };

  // idb looks methods up on the native objects at call time, so patching the prototypes sees the store's calls.
  const indexProto = IDBIndex.prototype;
  const openCursor = readMethod<IDBIndex, 'openCursor'>(indexProto, 'openCursor');
  indexProto.openCursor = function (this: IDBIndex, ...args: Parameters<IDBIndex['openCursor']>) {
    probes.cursors.push({ store: this.objectStore.name, at: performance.now() });
    return openCursor.apply(this, args);
  };
  const factoryProto = IDBFactory.prototype;
  const open = readMethod<IDBFactory, 'open'>(factoryProto, 'open');
  factoryProto.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    probes.dbOpenAt ??= performance.now();
    return open.apply(this, args);
  };

  const observer = new MutationObserver(() => {
    if (probes.appAt === null && document.getElementById('app')?.firstElementChild) {
      probes.appAt = performance.now();
    }
    if (probes.firstRowAt !== null || !document.querySelector(ROW_SELECTOR)) return;
    probes.firstRowAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      probes.firstRowFrameAt = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
  return probes;
}

const scope = globalThis as { postclipBench?: Probes; postclipBenchNoAutoload?: boolean };
// Diagnosis: without IntersectionObserver the list loads more pages only when asked (see library-list.tsx).
if (scope.postclipBenchNoAutoload) {
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;
}
scope.postclipBench = installProbes();
