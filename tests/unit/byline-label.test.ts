import { describe, expect, it } from 'vitest';
import {
  cutDateTail,
  dropHandles,
  dropInitialsParts,
  fullerNameList,
  hasLeadingLabel,
  isLabelWord,
  isRomanceDateLine,
  labelledPart,
  stripLeadingLabel,
  stripTrailingConnector,
  stripWrappingQuotes,
} from '../../utils/pure/byline-label';
import { cleanByline } from '../../utils/pure/byline-text';

describe('stripLeadingLabel', () => {
  it.each([
    ['Von Jörn Mecher', 'Jörn Mecher'],
    ['von Julia Kern', 'Julia Kern'],
    ['Autor: Petra Ruland', 'Petra Ruland'],
    ['Autor: przepisy.pl', 'przepisy.pl'],
    ['Artikel von: Jessie', 'Jessie'],
    ['Text und Interview: Harald Willenbrock', 'Harald Willenbrock'],
    ['Por Raúl Espina', 'Raúl Espina'],
    ['Par Marie Dupont', 'Marie Dupont'],
    ['di Mario Rossi', 'Mario Rossi'],
    ['Door Pieter de Vries', 'Pieter de Vries'],
    ['Av Ola Nordmann', 'Ola Nordmann'],
    ['Author: Jane Doe', 'Jane Doe'],
  ])('%s → %s', (value, name) => {
    expect(stripLeadingLabel(value)).toBe(name);
  });

  it.each(['Von der Leyen', 'Di Maio', 'Text messages', 'Ursula von der Leyen', 'Author', 'Vonnegut Kurt'])(
    'keeps %s: a particle of a name, or no name after the word',
    (value) => {
      expect(stripLeadingLabel(value)).toBe(value);
    },
  );

  it('tells a label with a name from a label alone', () => {
    expect(hasLeadingLabel('Artikel von: Jessie')).toBe(true);
    expect(hasLeadingLabel('Gründerin Journelles')).toBe(false);
    expect(isLabelWord('Autor')).toBe(true);
    expect(isLabelWord('Anna')).toBe(false);
  });
});

describe('the connector and the date after the names', () => {
  it('drops the connector once the date after it is cut, and a lower-case one left at the end', () => {
    expect(stripTrailingConnector('Anton Shilov on', true)).toBe('Anton Shilov');
    expect(stripTrailingConnector('Martin Jendrischik On', true)).toBe('Martin Jendrischik');
    expect(stripTrailingConnector('Jörn Mecher am', false)).toBe('Jörn Mecher');
    expect(stripTrailingConnector('Raúl Espina el', true)).toBe('Raúl Espina');
  });

  it('keeps a surname that is also a connector word', () => {
    expect(stripTrailingConnector('Vivian Le', true)).toBe('Vivian Le');
    expect(stripTrailingConnector('Martin On', false)).toBe('Martin On');
  });

  it('cuts a Romance date and a date label glued to the name', () => {
    expect(cutDateTail('Raúl Espina el 6 de mayo de 2022 05:30')).toBe('Raúl Espina el');
    expect(cutDateTail('Carolyn SaidUpdated April 25, 2016 4:38 p.m.')).toBe('Carolyn Said');
    expect(cutDateTail('Carolyn Said')).toBe('Carolyn Said');
    expect(cutDateTail('Minh Do on Monday, November 18th, 2019 at 11:08 a.m.')).toBe('Minh Do');
    expect(cutDateTail('Jane Doe Freitag, 3. Mai 2024')).toBe('Jane Doe');
    expect(cutDateTail('Monday Smith')).toBe('Monday Smith');
    expect(isRomanceDateLine('6 de mayo de 2022 05:30')).toBe(true);
    expect(isRomanceDateLine('12 de março de 2021')).toBe(true);
    expect(isRomanceDateLine('Raúl Espina')).toBe(false);
  });
});

describe('metadata values a CMS decorated', () => {
  it('drops quotes around the whole value, not typeset ones or inner ones', () => {
    expect(stripWrappingQuotes("'Luana Patriolino, Raphael Felice'")).toBe(
      'Luana Patriolino, Raphael Felice',
    );
    expect(stripWrappingQuotes('"Jane Doe"')).toBe('Jane Doe');
    expect(stripWrappingQuotes('‘Sway’')).toBe('‘Sway’');
    expect(stripWrappingQuotes('"Tiger" Woods and "Lefty"')).toBe('"Tiger" Woods and "Lefty"');
  });

  it('drops an @handle beside a name, not a handle alone', () => {
    expect(dropHandles('Williams Perdomo @wperdomod')).toBe('Williams Perdomo');
    expect(dropHandles('Jane Doe (@jdoe), John Roe')).toBe('Jane Doe, John Roe');
    expect(dropHandles('@jdoe')).toBe('@jdoe');
  });

  it("drops a sign-off that is the initials of a name beside it, not an agency's", () => {
    expect(dropInitialsParts('Tina Klostermeier,TK')).toBe('Tina Klostermeier');
    expect(dropInitialsParts('Jane Doe, AP')).toBe('Jane Doe, AP');
  });

  it('decodes accented letters left as named entities, and leaves a pair Unicode has no letter for', () => {
    expect(cleanByline('Redacci&oacute;n Diario Pagina Siete')).toBe('Redacción Diario Pagina Siete');
  });

  it('finds the fuller list of the same writers in another source', () => {
    expect(fullerNameList('Darian Woods', [null, 'Darian Woods, Sarah Gonzalez'])).toBe(
      'Darian Woods, Sarah Gonzalez',
    );
    expect(fullerNameList("Sadhbh O'Sullivan", ["SADHBH O'SULLIVAN,Elisabeth Kochan"])).toBe(
      "SADHBH O'SULLIVAN,Elisabeth Kochan",
    );
    expect(fullerNameList('Darian Woods', ['Sarah Gonzalez, Tom Roe'])).toBeNull();
    expect(fullerNameList('Darian Woods', ['Darian Woods'])).toBeNull();
  });

  it('takes the labelled part of an author box read whole', () => {
    expect(labelledPart('About the Author - Florina Ionescu')).toBe('Florina Ionescu');
    expect(labelledPart('Jane Doe - Staff writer')).toBeNull();
    expect(labelledPart('Gründerin Journelles\nJournelles\nArtikel von: Jessie')).toBe('Artikel von: Jessie');
    expect(labelledPart('Jane Doe | Staff writer')).toBeNull();
    expect(labelledPart('By Jane Doe | Von Hans')).toBeNull();
  });
});

describe('cleanByline reads a Latin byline as label, names, connector, date', () => {
  it.each([
    ['Von Jörn Mecher        am 08.12.2022', 'Jörn Mecher'],
    ['by Anton Shilov on June 29, 2017 9:00 AM EST', 'Anton Shilov'],
    ['Marketing Land on February 23, 2016 at 5:31 pm', 'Marketing Land'],
    ['By Martin Jendrischik On 12. Dezember 2022', 'Martin Jendrischik'],
    ['Von Christian Thiele, 07 Dezember, 2022', 'Christian Thiele'],
    ['por Raúl Espina el 6 de mayo de 2022', 'Raúl Espina'],
    ['Gründerin Journelles\nJournelles\nArtikel von: Jessie', 'Jessie'],
    ["'Luana Patriolino, Raphael Felice'", 'Luana Patriolino, Raphael Felice'],
    ['Williams Perdomo @wperdomod', 'Williams Perdomo'],
    ['Tina Klostermeier,TK', 'Tina Klostermeier'],
    ['By Jane Doe and John Roe on May 3, 2024', 'Jane Doe and John Roe'],
  ])('%s → %s', (raw, name) => {
    expect(cleanByline(raw)).toBe(name);
  });

  it('gives no author for a date alone or a label alone', () => {
    expect(cleanByline('6 de mayo de 2022 05:30')).toBeNull();
    expect(cleanByline('Autor:')).toBeNull();
    expect(cleanByline('Veröffentlicht am')).toBeNull();
    expect(cleanByline('Published on')).toBeNull();
  });
});
