// A metadata author that is the outlet itself gives way to the person the page credits under its headline. Pages
// written here, modelled on Latin American and German news templates.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findByline } from '../../utils/dom/byline';
import { readPageSignals } from '../../utils/dom/read-signals';
import { findPersonOverOutlet } from '../../utils/dom/byline-person';

const URL = 'https://www.elmirador.cl/noticias/2022/05/04/congreso/';
const PARA = `<p>${'El Congreso discutirá durante meses las normas de la nueva Constitución aprobada. '.repeat(4)}</p>`;

function doc(head: string, byline: string): Document {
  return parseHTML(`<html><head><title>Las trabas del Congreso</title>${head}</head><body>
    <h1>Las trabas del Congreso</h1>${byline}${PARA}</body></html>`).document;
}

describe('findByline: the page credits a person, metadata the outlet', () => {
  it('takes `por <a rel=author>` over a meta author equal to og:site_name', () => {
    const d = doc(
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">',
      '<div class="autor">por <a href="/autor/raul-espina" rel="author">Raúl Espina</a> 4 mayo, 2022</div>',
    );
    expect(findByline(d, URL, { byline: 'El Mirador' })).toBe('Raúl Espina');
  });

  it('takes `Von …` over an association named after the host, and an agency over a domain', () => {
    const verein = doc(
      '<meta name="author" content="Bund der Elmirador e.V.">',
      '<h5><em>Von Leonora Holling</em></h5>',
    );
    expect(findByline(verein, URL, { byline: 'Bund der Elmirador e.V.' })).toBe('Leonora Holling');
    const agency = doc('', '<address><strong>Agencia EFE</strong></address><p>Por Agencia EFE</p>');
    expect(findByline(agency, URL, { byline: 'elmirador.cl' })).toBe('Agencia EFE');
  });

  it('keeps the outlet when the page credits no one else, and a person from metadata over a labelled line', () => {
    const none = doc(
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">',
      '',
    );
    expect(findByline(none, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const person = doc('<meta name="author" content="Ana Pérez">', '<p>Por Raúl Espina</p>');
    const signals = readPageSignals(person, URL, {});
    expect(findPersonOverOutlet(person, 'Ana Pérez', URL, signals, {})).toBeNull();
  });

  it('does not take running text that begins with a label word for a byline', () => {
    const d = doc(
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">',
      '<p>Por Qué el Congreso tarda tanto en aprobar las normas de la nueva Constitución, 2022</p>',
    );
    expect(findByline(d, URL, { byline: 'El Mirador' })).toBe('El Mirador');
  });

  it('takes the names in an element marked as the author, with no label, over the outlet', () => {
    const site =
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">';
    const field = doc(site, '<h5 class="field field--name-field-term-author">Christian Mihatsch</h5>');
    expect(findByline(field, URL, { byline: 'El Mirador' })).toBe('Christian Mihatsch');
    const dated = doc(
      site,
      '<div class="autor"><h6>Jacobo Betancur Peláez | Publicado hace 3 horas</h6></div>',
    );
    expect(findByline(dated, URL, { byline: 'El Mirador' })).toBe('Jacobo Betancur Peláez');
    const links = doc(
      site,
      `<div class="name"><a href="/autor/isabel-caro"><small>Isabel Caro</small></a><span>, </span>
        <a href="/autor/rocio-latorre"><small>Rocío Latorre</small></a><span> y </span>
        <a href="/autor/jose-wilson"><small>José Miguel Wilson</small></a></div>`,
    );
    expect(findByline(links, URL, { byline: 'El Mirador' })).toBe(
      'Isabel Caro, Rocío Latorre y José Miguel Wilson',
    );
  });

  it("does not take a commenter's name, a teaser card's writer or the outlet's own author box", () => {
    const site =
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">';
    const teaser = doc(
      site,
      `${PARA}<a href="/otra-nota"><h3>Otra nota</h3><div class="badge"><div class="author-name">Ana Roe</div></div></a>`,
    );
    expect(findByline(teaser, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const comments = doc(
      site,
      `${PARA}<ol class="comment-list"><li><span class="comment-author">Pedro Soto</span></li></ol>`,
    );
    expect(findByline(comments, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    for (const credit of ['El Mirador', 'Do El Mirador']) {
      const own = doc(site, `<div class="author">${credit}</div>`);
      expect(findByline(own, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    }
  });

  it("keeps a writer named like their own site, and a desk holding the host's word, over a marked element", () => {
    const own =
      parseHTML(`<html><head><title>Notes</title><meta name="author" content="Simon Sarris"></head><body>
      <h1>Notes</h1>${PARA}<div class="author-card"><a href="/author/ana">Ana Lorena Fabrega</a></div></body></html>`).document;
    expect(findByline(own, 'https://simonsarris.substack.com/p/notes', { byline: 'Simon Sarris' })).toBe(
      'Simon Sarris',
    );
    const desk = doc(
      '<meta name="author" content="Elmirador Staff">',
      `<div class="byline"><a href="/author/ana">Ana Roe</a></div>`,
    );
    expect(findByline(desk, URL, { byline: 'Elmirador Staff' })).toBe('Elmirador Staff');
  });

  it('reads a marked element in its parts, and takes no initial or single word from it', () => {
    const blog =
      parseHTML(`<html><head><title>Notes</title><meta property="og:site_name" content="Andreas Kalt">
      </head><body><h1>Notes</h1><span class="byline"><span class="author vcard"><span class="screen-reader-text">Author</span><a
      href="/author/ak/">Andreas Kalt</a></span></span>${PARA}</body></html>`).document;
    expect(findByline(blog, 'https://notes.example.net/15-jahre/', { byline: 'Andreas Kalt' })).toBe(
      'Andreas Kalt',
    );
    const site =
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">';
    for (const marked of ['<div class="author">S.</div>', '<span class="byline">Stand</span>']) {
      expect(findByline(doc(site, marked), URL, { byline: 'El Mirador' })).toBe('El Mirador');
    }
  });

  it("keeps a blog's writer whom JSON-LD makes its publisher, over a quote widget's author in the side column", () => {
    const ldBlog = JSON.stringify({
      '@graph': [
        { '@type': 'BlogPosting', author: { '@id': '#ak' }, publisher: { '@id': '#ak' } },
        { '@type': 'Person', '@id': '#ak', name: 'Andreas Kalt' },
      ],
    });
    const blog =
      parseHTML(`<html><head><title>Notes</title><script type="application/ld+json">${ldBlog}</script>
      </head><body><h1>Notes</h1>${PARA}<div class="widget-area"><div class="quote">Better a painful truth.</div>
      <div class="quote_author">Thomas Mann</div></div></body></html>`).document;
    expect(findByline(blog, 'https://notes.example.net/15-jahre/')).toBe('Andreas Kalt');
  });

  it('reads a marked author on a page whose body says it has no sidebars, and a Yoast author named like the site', () => {
    const ldSite = JSON.stringify({
      '@graph': [
        { '@type': 'Article', author: { '@id': '#u1' }, publisher: { '@id': '#org' } },
        { '@type': 'Person', '@id': '#u1', name: 'El Mirador' },
        { '@type': 'Organization', '@id': '#org', name: 'El Mirador' },
      ],
    });
    const page =
      parseHTML(`<html><head><title>Las trabas</title><script type="application/ld+json">${ldSite}</script>
      </head><body class="html not-front no-sidebars"><h1>Las trabas</h1><div class="article_metas"><div class="article_authors">
      <span class="article_author-name">Emmanuelle Ducros</span></div></div>${PARA}</body></html>`).document;
    expect(findByline(page, URL)).toBe('Emmanuelle Ducros');
  });

  it("does not take a related story's writer below the article", () => {
    const site =
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">';
    const paras = Array.from({ length: 30 }, (_, i) => `<p>Párrafo ${i + 1}: ${PARA.slice(3, -4)}</p>`).join(
      '',
    );
    const related = `${paras}<div class="related"><span class="title">Otra nota</span>
      <div class="related__item__author"><span>Von <a href="/user/thomas-helbing">Thomas Helbing</a></span></div></div>`;
    expect(findByline(doc(site, related), URL, { byline: 'El Mirador' })).toBe('El Mirador');
  });
});

describe("findByline: only the article's own byline stands against the outlet", () => {
  const SITE = '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">';
  const page = (before: string, after: string): Document =>
    parseHTML(`<html><head><title>Las trabas del Congreso</title>${SITE}</head><body>${before}
      <h1>Las trabas del Congreso</h1>${after}${PARA}</body></html>`).document;

  it('does not take a kicker, a heading or a caption that begins with a label word', () => {
    const kicker = page('<a href="/by-invitation">By Invitation</a>', '');
    expect(findByline(kicker, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const span = page('', '<span class="kicker"><a href="/numbers">By The Numbers</a></span>');
    expect(findByline(span, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const heading = page('', `${PARA}<h2>Von Der Leyen Meets Biden</h2>`);
    expect(findByline(heading, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const caption = page('', '<figure><img src="a.jpg"><figcaption>Por Juan Pérez</figcaption></figure>');
    expect(findByline(caption, URL, { byline: 'El Mirador' })).toBe('El Mirador');
  });

  it('does not take a byline from a most-read list before the headline or a related card after the lede', () => {
    const mostRead = page('<div class="most-read"><ol><li><p>Por Juan Pérez</p></li></ol></div>', '');
    expect(findByline(mostRead, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const related = page('', `${PARA}<div class="related-story"><p>Por Juan Pérez</p></div>`);
    expect(findByline(related, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const marked = page(
      '',
      `<span class="author">Ana López</span>${PARA}<div class="related-story"><p>Por Juan Pérez</p></div>`,
    );
    expect(findByline(marked, URL, { byline: 'El Mirador' })).toBe('Ana López');
  });

  it("does not take a pull quote's author or an author element before the headline", () => {
    const quote = parseHTML(`<html><head><title>Jane Goodall: la ciencia de la paciencia</title>${SITE}</head>
      <body><h1>Jane Goodall: la ciencia de la paciencia</h1>${PARA}
      <blockquote><p>La paciencia es una ciencia.</p><cite class="quote-author">Jane Goodall</cite></blockquote>
      ${PARA}</body></html>`).document;
    expect(findByline(quote, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const before = page('<div class="recommended"><span class="author">Juan Pérez</span></div>', '');
    expect(findByline(before, URL, { byline: 'El Mirador' })).toBe('El Mirador');
  });

  it('still takes a labelled line after the headline', () => {
    const d = page('', '<p class="meta">Por Raúl Espina | 4 mayo, 2022</p>');
    expect(findByline(d, URL, { byline: 'El Mirador' })).toBe('Raúl Espina');
  });
});

describe('findPersonOverOutlet: a page with no headline element', () => {
  it("reads the labelled line among the article text's first lines", () => {
    const d = parseHTML(`<html><head><title>Entlastungen auf einen Blick</title>
      <meta name="author" content="Bund der Elmirador e.V."></head><body>
      <div class="itc-headline">Energiepreiskrise</div><h5><em>Von Leonora Holling</em></h5>${PARA}</body></html>`).document;
    const hints = {
      text: `Von Leonora Holling\n${'Energieverbraucher erhalten eine Preiserhöhung. '.repeat(4)}`,
    };
    const signals = readPageSignals(d, URL, hints);
    expect(signals.headline).toBeNull();
    expect(findPersonOverOutlet(d, 'Bund der Elmirador e.V.', URL, signals, hints)).toBe('Leonora Holling');
  });
});

describe('findByline: an author element after a headline set in nested blocks', () => {
  it('takes the marked author in the meta block right above the headline', () => {
    const d = parseHTML(`<html><head><title>Las trabas del Congreso</title>
      <meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador"></head><body>
      <div class="col"><div class="meta"><div class="date-created">22.11.2022</div>
      <h5 class="field field--name-field-term-author">Christian Mihatsch</h5></div>
      <h1>Las trabas del Congreso</h1>${PARA}</div></body></html>`).document;
    expect(findByline(d, URL, { byline: 'El Mirador' })).toBe('Christian Mihatsch');
  });

  it('takes the marked author after the headline, and none from a block before it', () => {
    const SITE =
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">';
    const page = (before: string, after: string): Document =>
      parseHTML(`<html><head><title>Las trabas del Congreso</title>${SITE}</head><body>
        <div class="promo-box"><div>${before}</div></div>
        <div class="header"><h1><div><span>Las trabas del Congreso</span></div></h1></div>
        <div class="meta">${after}</div>${PARA}</body></html>`).document;
    const after = page(
      '',
      '<div class="card-author"><h3><a href="/author/ana-lopez">Ana López</a></h3></div>',
    );
    expect(findByline(after, URL, { byline: 'El Mirador' })).toBe('Ana López');
    const before = page('<a class="author" href="/author/juan-perez">Juan Pérez</a>', '');
    expect(findByline(before, URL, { byline: 'El Mirador' })).toBe('El Mirador');
    const apart = parseHTML(`<html><head><title>Las trabas del Congreso</title>${SITE}</head><body>
      <div class="intro"><div><a class="author" href="/author/juan-perez">Juan Pérez</a></div></div>
      <p>Una nota del editor.</p><div class="header"><h1><div>Las trabas del Congreso</div></h1></div>
      ${PARA}</body></html>`).document;
    expect(findByline(apart, URL, { byline: 'El Mirador' })).toBe('El Mirador');
  });
});
