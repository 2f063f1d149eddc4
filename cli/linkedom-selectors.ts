// Node: compiled CSS selectors cached for linkedom, which parses and compiles a selector again on every query.
import type { Options } from 'css-select';
import { compile } from 'css-select';

/**
 * The pipeline asks the same few dozen selectors thousands of times a page (`el.querySelector('h1')`,
 * `el.closest('a, nav, footer, aside')`): in linkedom each call parses and compiles the selector (css-what,
 * css-select), a twentieth of the CLI's CPU. `installSelectorCache` swaps linkedom's `querySelector`,
 * `querySelectorAll` and `closest` for the same walks over the same compiled matchers, compiled once per selector.
 * Anything it does not handle exactly as linkedom does (`:scope`, XML documents) goes to linkedom's own method.
 */

type Matcher = (el: LinkedNode) => boolean;

/** linkedom's nodes as these walks see them: a linked list through `[NEXT]`, each element closed by `[END]`. */
interface LinkedNode {
  nodeType: number;
  localName: string;
  parentNode: LinkedNode | null;
  parentElement: LinkedNode | null;
  childNodes: LinkedNode[];
  data?: string;
  getAttribute(name: string): string | null;
  getAttributeNode(name: string): { value: string } | null;
  hasAttribute(name: string): boolean;
  [key: symbol]: unknown;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** css-select's view of linkedom's tree: linkedom's own adapter (linkedom/esm/shared/matches.js), the parts css-select 7 reads. */
const isTag = (node: LinkedNode): boolean => node.nodeType === ELEMENT_NODE;
const getChildren = (node: LinkedNode): LinkedNode[] => node.childNodes;
const getText = (node: LinkedNode | LinkedNode[]): string => {
  if (Array.isArray(node)) return node.map(getText).join('');
  if (isTag(node)) return getText(getChildren(node));
  return node.nodeType === TEXT_NODE ? (node.data ?? '') : '';
};
const removeSubsets = (nodes: LinkedNode[]): LinkedNode[] => {
  let { length } = nodes;
  while (length--) {
    const node = nodes[length];
    if (!node) continue;
    if (length && nodes.lastIndexOf(node, length - 1) > -1) {
      nodes.splice(length, 1);
      continue;
    }
    for (let parent = node.parentNode; parent; parent = parent.parentNode) {
      if (nodes.includes(parent)) {
        nodes.splice(length, 1);
        break;
      }
    }
  }
  return nodes;
};

const adapter: NonNullable<Options<LinkedNode, LinkedNode>['adapter']> = {
  isTag: (node): node is LinkedNode => isTag(node),
  // null for a missing attribute, as linkedom's adapter gives (css-select tests `!= null`).
  getAttributeValue: (el, name) =>
    ((name === 'class' ? el.getAttributeNode('class')?.value : el.getAttribute(name)) ?? null) as
      string | undefined,
  getChildren,
  // Only HTML documents reach the cache, where linkedom lower-cases the name.
  getName: (el) => el.localName.toLowerCase(),
  getParent: (el) => el.parentNode,
  getSiblings: (el) => (el.parentNode ? getChildren(el.parentNode) : [el]),
  getText,
  hasAttrib: (el, name) => el.hasAttribute(name),
  removeSubsets,
};

const compiled = new Map<string, Matcher>();

function compileCached(selectors: string): Matcher {
  let matcher = compiled.get(selectors);
  if (!matcher) {
    // An invalid selector throws here, as it does in linkedom, and is not cached.
    matcher = compile<LinkedNode, LinkedNode>(selectors, { xmlMode: false, adapter });
    compiled.set(selectors, matcher);
  }
  return matcher;
}

interface Symbols {
  next: symbol;
  end: symbol;
  mime: symbol;
}

type Query = (this: LinkedNode, selectors: string) => unknown;

function findSymbols(doc: Document): Symbols | null {
  const el = doc.createElement('div') as unknown as object;
  const own = [...Object.getOwnPropertySymbols(el), ...Object.getOwnPropertySymbols(doc)];
  const next = own.find((s) => s.description === 'next');
  const end = own.find((s) => s.description === 'end');
  const mime = own.find((s) => s.description === 'mime');
  return next && end && mime ? { next, end, mime } : null;
}

/** The prototype on `obj`'s chain that defines `name` itself. */
function ownerOf(obj: object, name: string): Record<string, unknown> | null {
  for (let proto = Object.getPrototypeOf(obj) as object | null; proto; proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) return proto as Record<string, unknown>;
  }
  return null;
}

let isInstalled = false;

/** Installs the cache on linkedom's classes, once per thread; `doc` is any linkedom document, to find them by. */
export function installSelectorCache(doc: Document): void {
  if (isInstalled) return;
  isInstalled = true;
  const symbols = findSymbols(doc);
  const el = doc.createElement('div');
  const parentProto = ownerOf(el, 'querySelectorAll');
  const elementProto = ownerOf(el, 'closest');
  const NodeList = (doc.querySelectorAll('*') as unknown as object).constructor as new () => LinkedNode[];
  // A Document's own query methods call these with a stand-in `this` ({ ownerDocument, [NEXT], [END] }).
  if (!symbols || !parentProto || !elementProto) return;
  const { next: NEXT, end: END, mime: MIME } = symbols;
  const original = {
    querySelector: parentProto.querySelector as Query,
    querySelectorAll: parentProto.querySelectorAll as Query,
    closest: elementProto.closest as Query,
  };
  const isHtml = (node: LinkedNode): boolean => {
    const owner = (node.nodeType === 9 ? node : (node as { ownerDocument?: LinkedNode }).ownerDocument) as
      Record<symbol, { ignoreCase?: boolean } | undefined> | undefined;
    return owner?.[MIME]?.ignoreCase === true;
  };
  const isCached = (node: LinkedNode, selectors: unknown): selectors is string =>
    typeof selectors === 'string' && !selectors.includes(':scope') && isHtml(node);
  /** The next node in document order, past a `<template>`'s contents, as linkedom's own walk does. */
  const step = (node: LinkedNode): LinkedNode =>
    (node.nodeType === ELEMENT_NODE && node.localName === 'template' ? node[END] : node[NEXT]) as LinkedNode;

  parentProto.querySelector = function (this: LinkedNode, selectors: string): unknown {
    if (!isCached(this, selectors)) return original.querySelector.call(this, selectors);
    const matches = compileCached(selectors);
    const end = this[END];
    for (let node = this[NEXT] as LinkedNode; node !== end; node = step(node)) {
      if (node.nodeType === ELEMENT_NODE && matches(node)) return node;
    }
    return null;
  };
  parentProto.querySelectorAll = function (this: LinkedNode, selectors: string): unknown {
    if (!isCached(this, selectors)) return original.querySelectorAll.call(this, selectors);
    const matches = compileCached(selectors);
    const found = new NodeList();
    const end = this[END];
    for (let node = this[NEXT] as LinkedNode; node !== end; node = step(node)) {
      if (node.nodeType === ELEMENT_NODE && matches(node)) found.push(node);
    }
    return found;
  };
  elementProto.closest = function (this: LinkedNode, selectors: string): unknown {
    if (!isCached(this, selectors)) return original.closest.call(this, selectors);
    const matches = compileCached(selectors);
    if (matches(this)) return this;
    let node = this.parentElement;
    while (node && !matches(node)) node = node.parentElement;
    return node;
  };
}
