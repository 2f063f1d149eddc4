// DOM: inert copies of article HTML for the Markdown steps to mutate: nothing in them loads or runs.

/** A deep copy of `root` that cannot load images or run anything, so sanitising it cannot touch the page. */
export function cloneInert(root: Element): Element {
  const inert = createInertDocument(root.ownerDocument);
  return inert ? inert.importNode(root, true) : (root.cloneNode(true) as Element);
}

function createInertDocument(doc: Document): Document | null {
  // Browsers and jsdom: a document without a browsing context. linkedom has no `implementation`,
  // and nothing in it loads or runs, so a plain clone is inert there already.
  const impl: DOMImplementation | undefined = (doc as Partial<Document>).implementation;
  return impl && typeof impl.createHTMLDocument === 'function' ? impl.createHTMLDocument('') : null;
}

export function parseInert(html: string, doc: Document): Element {
  const inert = createInertDocument(doc);
  if (inert) {
    // eslint-disable-next-line no-restricted-syntax -- an inert document from createHTMLDocument runs no script and loads nothing.
    inert.body.innerHTML = html;
    return inert.body;
  }
  // linkedom: <template> content is inert in every DOM.
  const template = doc.createElement('template');
  // eslint-disable-next-line no-restricted-syntax -- template content is inert: no script, no loads.
  template.innerHTML = html;
  const holder = doc.createElement('div');
  holder.appendChild(template.content);
  return holder;
}
