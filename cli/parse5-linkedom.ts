// Node: a parse5 tree adapter that builds linkedom nodes directly, so a page's tree is built once, not built by
// parse5 and then copied.
import { parseHTML } from 'linkedom';
import type { DefaultTreeAdapterTypes, TreeAdapter, TreeAdapterTypeMap, Token } from 'parse5';
import { html as HTML, parse, parseFragment } from 'parse5';
import { makeAttributeSetter } from './linkedom-attributes';
import { copyChildren, SVG_NS } from './parse-tree';

const { NS, DOCUMENT_MODE } = HTML;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;
const DOCUMENT_TYPE_NODE = 10;
/**
 * Chromium's HTML parser nests elements at most 512 deep (kMaximumHTMLParserDOMTreeDepth); deeper ones become
 * siblings. The CLI builds the same shape, so a hostile page of 20,000 nested wrappers clips as in the browser
 * instead of overflowing the stack in the pipeline's walks.
 */
export const MAX_TREE_DEPTH = 512;

type LinkedomTypes = TreeAdapterTypeMap<
  Node,
  ParentNode,
  ChildNode,
  Document,
  DocumentFragment,
  Element,
  Comment,
  Text,
  Element,
  DocumentType
>;

/** What parse5 knows of an element that linkedom names differently (SVG and MathML). */
interface ForeignName {
  tagName: string;
  ns: HTML.NS;
  attrs: Token.Attribute[];
}

type SetAttribute = (el: Element, name: string, value: string) => void;

/** Sets parse5's attributes on a linkedom element: linkedom puts each new one first, so last to first. */
function setAttributes(el: Element, attrs: Token.Attribute[], set: SetAttribute): void {
  for (let i = attrs.length - 1; i >= 0; i -= 1) {
    const attr = attrs[i];
    if (!attr) continue;
    set(el, attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name, attr.value);
  }
}

function toAttributeList(el: Element): Token.Attribute[] {
  return Array.from(el.attributes, (attr) => ({ name: attr.name, value: attr.value }));
}

/**
 * Parses `html` with parse5 straight into a linkedom Document. The tree is the one parse-tree.ts's copy of parse5's
 * own tree gives (the pipeline's results must not change):
 * - tag names lower-cased and everything under an `<svg>` an SVG element;
 * - a `<template>` left empty;
 * - `<noscript>` contents (text to parse5, scripting on) parsed as elements.
 * parse5 still sees its own names and namespaces (it needs `foreignObject`, MathML), kept aside for the foreign
 * elements only; the differences are settled in one pass over the few nodes concerned once the parse is done.
 */
export function parseToLinkedom(html: string): Document {
  // linkedom types parseHTML's result as a browser Window; its `document` is linkedom's own. Cast once, here.
  const { document } = parseHTML('') as unknown as { document: Document };
  const setAttribute = makeAttributeSetter(document);
  const foreign = new Map<Element, ForeignName>();
  const templates = new Map<Element, DocumentFragment>();
  const svgRoots: Element[] = [];
  const noscripts: Element[] = [];
  const foreignTemplates: Element[] = [];
  let mode: HTML.DOCUMENT_MODE = DOCUMENT_MODE.NO_QUIRKS;
  // Depth of each node appended so far; a node parse5 never appended (the document, a fragment) is read by walking up.
  const depths = new Map<Node, number>();
  const depthOf = (node: Node): number => {
    let depth = depths.get(node);
    if (depth === undefined) {
      depth = 0;
      for (let up = node.parentNode; up; up = up.parentNode) depth += 1;
    }
    return depth;
  };
  /** Like Chromium's parser, a node that would sit deeper than MAX_TREE_DEPTH goes beside its parent instead. */
  const capped = (parent: ParentNode): ParentNode =>
    depthOf(parent) >= MAX_TREE_DEPTH ? (parent.parentNode ?? parent) : parent;

  const adapter: TreeAdapter<LinkedomTypes> = {
    createDocument: () => document,
    createDocumentFragment: () => document.createDocumentFragment(),
    createElement(tagName, ns, attrs) {
      if (ns === NS.HTML) {
        const el = document.createElement(tagName);
        setAttributes(el, attrs, setAttribute);
        if (tagName === 'noscript') noscripts.push(el);
        return el;
      }
      const name = tagName.toLowerCase();
      const el = ns === NS.SVG ? document.createElementNS(SVG_NS, name) : document.createElement(name);
      setAttributes(el, attrs, setAttribute);
      foreign.set(el, { tagName, ns, attrs });
      if (name === 'svg') svgRoots.push(el);
      if (name === 'template') foreignTemplates.push(el);
      if (name === 'noscript') noscripts.push(el);
      return el;
    },
    createCommentNode: (data) => document.createComment(data),
    createTextNode: (value) => document.createTextNode(value),
    appendChild(parent, node) {
      const target = capped(parent);
      target.appendChild(node);
      depths.set(node, depthOf(target) + 1);
    },
    insertBefore(parent, node, reference) {
      parent.insertBefore(node, reference);
    },
    insertText(parent, text) {
      const last = parent.lastChild;
      if (last && last.nodeType === TEXT_NODE) (last as Text).data += text;
      else parent.appendChild(document.createTextNode(text));
    },
    insertTextBefore(parent, text, reference) {
      const previous = reference.previousSibling;
      if (previous && previous.nodeType === TEXT_NODE) (previous as Text).data += text;
      else parent.insertBefore(document.createTextNode(text), reference);
    },
    detachNode(node) {
      node.remove();
    },
    adoptAttributes(recipient, attrs) {
      const added = attrs.filter((attr) => !recipient.hasAttribute(attr.name));
      if (added.length === 0) return;
      // parse5 adds them after the element's own; linkedom would put them first.
      const all = [...toAttributeList(recipient), ...added];
      for (const attr of all) recipient.removeAttribute(attr.name);
      setAttributes(recipient, all, setAttribute);
    },
    getAttrList: (el) => foreign.get(el)?.attrs ?? toAttributeList(el),
    getChildNodes: (node) => Array.from(node.childNodes),
    getFirstChild: (node) => node.firstChild,
    getParentNode: (node) => node.parentNode,
    getTagName: (el) => (foreign.size === 0 ? el.localName : (foreign.get(el)?.tagName ?? el.localName)),
    getNamespaceURI: (el) => (foreign.size === 0 ? NS.HTML : (foreign.get(el)?.ns ?? NS.HTML)),
    getTemplateContent(template) {
      let content = templates.get(template);
      if (!content) {
        content = document.createDocumentFragment();
        templates.set(template, content);
      }
      return content;
    },
    setTemplateContent(template, content) {
      templates.set(template, content);
    },
    setDocumentType(_document, name) {
      // linkedom's setter takes the doctype's text; the copy wrote the name only.
      if (name) (document as unknown as { doctype: string }).doctype = name;
    },
    setDocumentMode(_document, value) {
      mode = value;
    },
    getDocumentMode: () => mode,
    getCommentNodeContent: (node) => node.data,
    getTextNodeContent: (node) => node.data,
    getDocumentTypeNodeName: (node) => node.name,
    getDocumentTypeNodePublicId: (node) => node.publicId,
    getDocumentTypeNodeSystemId: (node) => node.systemId,
    isCommentNode: (node): node is Comment => node.nodeType === COMMENT_NODE,
    isDocumentTypeNode: (node): node is DocumentType => node.nodeType === DOCUMENT_TYPE_NODE,
    isElementNode: (node): node is Element => node.nodeType === ELEMENT_NODE,
    isTextNode: (node): node is Text => node.nodeType === TEXT_NODE,
    setNodeSourceCodeLocation() {},
    getNodeSourceCodeLocation: () => null,
    updateNodeSourceCodeLocation() {},
  };
  parse(html, { treeAdapter: adapter });
  // In this order: a template's contents go before anything under an <svg> is remade.
  for (const el of noscripts) if (!isUnderSvg(el)) readNoscript(el, document);
  for (const el of foreignTemplates) el.replaceChildren();
  // Roots come in document order, so an <svg> nested in another was walked with it: walk each element once.
  const walked = new Set<Element>();
  for (const svg of svgRoots) if (svg.isConnected && !walked.has(svg)) makeAllSvg(svg, document, walked);
  return document;
}

function isUnderSvg(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.localName === 'svg') return true;
  }
  return false;
}

/** A `<noscript>` whose contents parse5 kept as text: that text parsed as markup, as the copy does. */
function readNoscript(el: Element, document: Document): void {
  const first = el.firstChild;
  if (!first || first.nodeType !== TEXT_NODE || first.nextSibling) return;
  const fragment: DefaultTreeAdapterTypes.DocumentFragment = parseFragment((first as Text).data);
  first.remove();
  copyChildren(fragment, el, document);
}

/** Every element under `svg` made an SVG element (HTML inside `<foreignObject>`, MathML), as the copy does. */
function makeAllSvg(root: Element, document: Document, walked: Set<Element>): void {
  const svg = root.namespaceURI === SVG_NS ? root : remakeAsSvg(root, document);
  const stack: Element[] = [svg];
  for (let el = stack.pop(); el; el = stack.pop()) {
    walked.add(el);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (child.namespaceURI === SVG_NS) {
        stack.push(child);
        continue;
      }
      child = remakeAsSvg(child, document);
      stack.push(child);
    }
  }
}

function remakeAsSvg(el: Element, document: Document): Element {
  const copy = document.createElementNS(SVG_NS, el.localName.toLowerCase());
  setAttributes(copy, toAttributeList(el), (owner, name, value) => owner.setAttribute(name, value));
  while (el.firstChild) copy.appendChild(el.firstChild);
  el.replaceWith(copy);
  return copy;
}
