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
    expect(findPersonOverOutlet('Ana Pérez', URL, signals, {})).toBeNull();
  });

  it('does not take running text that begins with a label word for a byline', () => {
    const d = doc(
      '<meta name="author" content="El Mirador"><meta property="og:site_name" content="El Mirador">',
      '<p>Por Qué el Congreso tarda tanto en aprobar las normas de la nueva Constitución, 2022</p>',
    );
    expect(findByline(d, URL, { byline: 'El Mirador' })).toBe('El Mirador');
  });
});
