// Node: copies parse5's tree (the HTML standard's tree builder) into linkedom node by node: a `<noscript>`'s contents
// parsed as markup, and the reference tree that parse5-linkedom.ts's direct build is tested against.
import { parseHTML } from 'linkedom';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { parseFragment } from 'parse5';

type P5Parent = DefaultTreeAdapterTypes.ParentNode;
type P5Child = DefaultTreeAdapterTypes.ChildNode;

export const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The same tree linkedom built from parse5's serialisation (the path this replaces), so the pipeline's results do
 * not change:
 * - tag names lower-cased and everything under an `<svg>` made an SVG element, as linkedom's own parser does;
 * - a `<template>` left empty (a browser keeps its contents outside the page's tree);
 * - `<noscript>` contents as elements: parse5 (scripting on) keeps them as text, its serialisation writes that
 *   text raw, and linkedom read it back as markup. Readability's `_unwrapNoscriptImages` reads them so.
 * Text is one node per run, as a browser has it (the old path split it at every character reference).
 */
export function toLinkedomDocument(tree: DefaultTreeAdapterTypes.Document): Document {
  // linkedom types parseHTML's result as a browser Window; its `document` is linkedom's own. Cast once, here.
  const { document } = parseHTML('') as unknown as { document: Document };
  for (const child of tree.childNodes) {
    if (child.nodeName === '#documentType') {
      const name = (child as DefaultTreeAdapterTypes.DocumentType).name;
      // linkedom's setter takes the doctype's text; the old path's serialisation wrote the name only.
      if (name) (document as unknown as { doctype: string }).doctype = name;
    }
  }
  copyChildren(tree, document, document);
  return document;
}

interface Frame {
  from: P5Parent;
  to: ParentNode;
  inSvg: boolean;
}

/** Depth-first with an explicit stack: a 5,000-deep page must not overflow the call stack. */
export function copyChildren(root: P5Parent, target: ParentNode, doc: Document): void {
  const stack: Frame[] = [{ from: root, to: target, inSvg: false }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { from, to, inSvg } = frame;
    for (const child of from.childNodes) {
      const copied = copyNode(child, doc, inSvg);
      if (!copied) continue;
      to.appendChild(copied.node);
      if (copied.children)
        stack.push({ from: copied.children, to: copied.node as Element, inSvg: copied.inSvg });
    }
  }
}

function copyNode(
  child: P5Child,
  doc: Document,
  inSvg: boolean,
): { node: Node; children: P5Parent | null; inSvg: boolean } | null {
  switch (child.nodeName) {
    case '#text':
      return {
        node: doc.createTextNode((child as DefaultTreeAdapterTypes.TextNode).value),
        children: null,
        inSvg,
      };
    case '#comment':
      return {
        node: doc.createComment((child as DefaultTreeAdapterTypes.CommentNode).data),
        children: null,
        inSvg,
      };
    case '#documentType':
      return null;
    default:
      return copyElement(child as DefaultTreeAdapterTypes.Element, doc, inSvg);
  }
}

function copyElement(
  source: DefaultTreeAdapterTypes.Element,
  doc: Document,
  inSvg: boolean,
): { node: Node; children: P5Parent | null; inSvg: boolean } {
  const name = source.tagName.toLowerCase();
  const isSvg = inSvg || name === 'svg';
  const el = isSvg ? doc.createElementNS(SVG_NS, name) : doc.createElement(name);
  // linkedom adds each attribute first in the list: add them last to first, so the list keeps source order.
  for (let i = source.attrs.length - 1; i >= 0; i -= 1) {
    const attr = source.attrs[i];
    if (!attr) continue;
    el.setAttribute(attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name, attr.value);
  }
  if (name === 'template') return { node: el, children: null, inSvg: isSvg };
  if (name === 'noscript' && !isSvg) return { node: el, children: readNoscript(source), inSvg: isSvg };
  return { node: el, children: source, inSvg: isSvg };
}

/** A `<noscript>` whose contents parse5 kept as text: that text parsed as markup, as the old path did. */
function readNoscript(source: DefaultTreeAdapterTypes.Element): P5Parent {
  const first = source.childNodes[0];
  if (source.childNodes.length !== 1 || first?.nodeName !== '#text') return source;
  return parseFragment((first as DefaultTreeAdapterTypes.TextNode).value);
}
