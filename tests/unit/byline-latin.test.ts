// The Latin metadata rules in their order: a login, a fuller list, the outlet; Chinese values are left alone.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { BylineContext } from '../../utils/dom/byline-latin';
import { betterLatinByline } from '../../utils/dom/byline-latin';
import { readPageSignals } from '../../utils/dom/read-signals';

const URL = 'https://www.elmirador.cl/2022/05/04/nota/';

function context(later: (string | null)[], body = '', head = ''): BylineContext {
  const doc = parseHTML(`<html><head><title>Nota</title>${head}</head><body><h1>Nota</h1>${body}
    <p>El Congreso discutirá durante meses las normas de la nueva Constitución.</p></body></html>`).document;
  return {
    doc,
    url: URL,
    signals: readPageSignals(doc, URL, {}),
    hints: {},
    later: later.map((value, i) => ({ read: () => value, metadata: i < 3 })),
  };
}

describe('betterLatinByline', () => {
  it('takes the same letters written as a name over a login, from any later source', () => {
    expect(betterLatinByline('edilson.la.rosa', context([null, 'edilson.la.rosa', 'Edilson La Rosa']))).toBe(
      'Edilson La Rosa',
    );
    expect(
      betterLatinByline('arianschlichenmayer', context([null, null, null, 'Arian Schlichenmayer'])),
    ).toBe('Arian Schlichenmayer');
  });

  it('takes a fuller metadata list of the same writers, not a page line', () => {
    expect(betterLatinByline('Darian Woods', context(['Darian Woods, Sarah Gonzalez']))).toBe(
      'Darian Woods, Sarah Gonzalez',
    );
    expect(
      betterLatinByline('Darian Woods', context([null, null, null, 'Darian Woods, Sarah Gonzalez'])),
    ).toBeNull();
  });

  it('takes the labelled person over the outlet, and leaves a person and Chinese values alone', () => {
    const site = '<meta property="og:site_name" content="El Mirador">';
    expect(betterLatinByline('El Mirador', context([], '<p>por Raúl Espina</p>', site))).toBe('Raúl Espina');
    expect(betterLatinByline('Ana Pérez', context([], '<p>por Raúl Espina</p>', site))).toBeNull();
    expect(betterLatinByline('星河', context(['星河, 张三']))).toBeNull();
  });
});
