// Node: linkedom's nodes keep their event listeners only once one is added, not a WeakMap entry from birth.
import { EventTarget as LinkedomEventTarget, parseHTML } from 'linkedom';

/**
 * linkedom's `EventTarget` constructor puts every node it makes (elements, text, attributes, clones) into a
 * WeakMap with an empty Map of listeners. A page makes hundreds of thousands of nodes (parse, clone, Markdown) and
 * the pipeline adds no listener to any: the CLI's profile had that constructor at a tenth of its CPU, and the
 * WeakMap's entries in much of its garbage collection. `installLazyEventTargets` gives linkedom's `Node` a base
 * with an empty constructor and moves `addEventListener`, `removeEventListener` and `dispatchEvent` onto a map
 * filled on the first listener: the same behaviour as linkedom's (its own simplified event path), paid only by a
 * node that listens. Objects that are bare `EventTarget`s (a document's `defaultView`) keep linkedom's own store,
 * so a listener there does not hear an event bubbling up from a node (nothing here listens on it).
 */

type Listener = ((event: unknown) => void) | { handleEvent: (event: unknown) => void };
type Options = boolean | { once?: boolean } | undefined;

/** The parts of linkedom's Event that its `dispatchEvent` reads and writes. */
interface LinkedEvent {
  type: string;
  bubbles: boolean;
  cancelBubble: boolean;
  defaultPrevented: boolean;
  eventPhase: number;
  readonly NONE: number;
  readonly CAPTURING_PHASE: number;
  readonly AT_TARGET: number;
  readonly BUBBLING_PHASE: number;
  currentTarget?: unknown;
  target?: unknown;
  _path: { currentTarget: EventNode; target: EventNode }[];
  _stopImmediatePropagationFlag?: boolean;
}

interface EventNode {
  dispatchEvent?: unknown;
  _getParent?: () => EventNode | null;
}

const listeners = new WeakMap<object, Map<string, Map<Listener, Options>>>();
let isInstalled = false;

function invoke(
  event: LinkedEvent,
  { currentTarget, target }: { currentTarget: EventNode; target: EventNode },
): boolean {
  const byType = listeners.get(currentTarget)?.get(event.type);
  if (!byType) return false;
  event.eventPhase = currentTarget === target ? event.AT_TARGET : event.BUBBLING_PHASE;
  event.currentTarget = currentTarget;
  event.target = target;
  for (const [listener, options] of byType) {
    if (typeof options === 'object' && options.once) byType.delete(listener);
    if (typeof listener === 'function') listener.call(target, event);
    else listener.handleEvent(event);
    if (event._stopImmediatePropagationFlag) break;
  }
  delete event.currentTarget;
  delete event.target;
  return event.cancelBubble;
}

/** linkedom's own path: the target, then (for a bubbling event) its ancestors; no capture phase. */
function dispatch(target: EventNode, event: LinkedEvent): boolean {
  event.eventPhase = event.CAPTURING_PHASE;
  let node: EventNode | null = target;
  while (node) {
    if (node.dispatchEvent) event._path.push({ currentTarget: node, target });
    node = event.bubbles && node._getParent ? node._getParent() : null;
  }
  event._path.some((step) => invoke(event, step));
  event._path = [];
  event.eventPhase = event.NONE;
  return !event.defaultPrevented;
}

const lazyMethods = {
  addEventListener(this: object, type: string, listener: Listener, options?: Options): void {
    let byType = listeners.get(this);
    if (!byType) listeners.set(this, (byType = new Map<string, Map<Listener, Options>>()));
    let forType = byType.get(type);
    if (!forType) byType.set(type, (forType = new Map<Listener, Options>()));
    forType.set(listener, options);
  },
  removeEventListener(this: object, type: string, listener: Listener): void {
    const byType = listeners.get(this);
    const forType = byType?.get(type);
    if (forType?.delete(listener) && forType.size === 0) byType?.delete(type);
  },
  dispatchEvent(this: EventNode, event: LinkedEvent): boolean {
    return dispatch(this, event);
  },
};

/** Once per thread, before the first page is built: every linkedom node made afterwards starts without listeners. */
export function installLazyEventTargets(): void {
  if (isInstalled) return;
  isInstalled = true;
  const { document } = parseHTML('') as unknown as { document: object };
  // linkedom's `Node` is the class whose parent is its `EventTarget`.
  let proto: object | null = Object.getPrototypeOf(document) as object | null;
  while (proto && Object.getPrototypeOf(proto) !== LinkedomEventTarget.prototype)
    proto = Object.getPrototypeOf(proto) as object | null;
  if (!proto) return;
  const nodeClass = (proto as { constructor: object }).constructor;
  Object.assign(proto, lazyMethods);
  // `super()` in Node's constructor calls Node's [[Prototype]]: a class that only makes the object.
  Object.setPrototypeOf(nodeClass, class NoListeners {});
}
