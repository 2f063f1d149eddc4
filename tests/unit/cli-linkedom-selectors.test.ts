// CLI: linkedom's queries with cached compiled selectors answer exactly as linkedom's own.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { installSelectorCache } from '../../cli/linkedom-selectors';

const PAGE = `<!doctype html><html><head><title>T</title></head><body>
<nav class="menu"><a href="/a">A</a><a href="/b" class="ad">B</a></nav>
<article id="story"><h1>Head</h1><p class="lead x">One <a href="/c">link</a></p><p>Two</p>
<template><p class="lead">hidden</p></template>
<div><section><p class="lead">Three</p></section></div></article>
<svg viewBox="0 0 1 1"><circle class="dot"></circle></svg></body></html>`;

const QUERIES = [
  'p',
  '.lead',
  'article p.lead',
  'nav > a.ad',
  'a[href^="/"]',
  'h1, p',
  'p:not(.x)',
  'circle.dot',
];
const CLOSEST = ['section', 'article, nav', 'div > section', 'body', 'footer'];

function newDocument(): Document {
  return (parseHTML(PAGE) as unknown as { document: Document }).document;
}

/** What each query finds, as the node's position among all nodes, so two documents can be compared. */
function answers(doc: Document): unknown[] {
  const all = Array.from(doc.querySelectorAll('*'));
  const at = (el: Element | null): number => (el ? all.indexOf(el) : -1);
  const body = doc.body;
  const deep = doc.querySelector('section p');
  return [
    ...QUERIES.map((q) => Array.from(doc.querySelectorAll(q), at)),
    ...QUERIES.map((q) => at(doc.querySelector(q))),
    ...QUERIES.map((q) => Array.from(body.querySelectorAll(q), at)),
    ...CLOSEST.map((q) => at(deep?.closest(q) ?? null)),
    Array.from(body.querySelectorAll(':scope > article'), at),
  ];
}

describe('installSelectorCache', () => {
  it('answers every query as linkedom does, twice over (the second time from the cache)', () => {
    const expected = answers(newDocument());
    const ownMethod = (): unknown => Reflect.get(newDocument().body, 'querySelectorAll');
    const linkedomOwn = ownMethod();
    installSelectorCache(newDocument());
    expect(ownMethod()).not.toBe(linkedomOwn);
    expect(answers(newDocument())).toEqual(expected);
    expect(answers(newDocument())).toEqual(expected);
    // Template contents stay out of the results; the selectors above did find something.
    expect(expected.flat().filter((n) => n !== -1).length).toBeGreaterThan(20);
  });

  it('sees changes made to the tree after a selector was compiled', () => {
    const doc = newDocument();
    installSelectorCache(doc);
    expect(doc.querySelectorAll('.lead').length).toBe(2);
    doc.querySelector('p.x')?.remove();
    expect(doc.querySelectorAll('.lead').length).toBe(1);
  });

  it('still throws on an invalid selector, each time', () => {
    const doc = newDocument();
    installSelectorCache(doc);
    expect(() => doc.querySelector('p[')).toThrow();
    expect(() => doc.body.querySelectorAll('p[')).toThrow();
  });
});
