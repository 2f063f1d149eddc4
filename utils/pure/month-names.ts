// Pure: month names by language, one row per language. Only the date parser imports this table, so it stays
// in the clip script's bundle and out of the background and the popup.

/**
 * Each row: a language, then its twelve months separated by ` | `, each month's spellings separated by `, `,
 * lower case. Abbreviations are matched with an optional trailing dot. A spelling already taken by an earlier row
 * keeps that row's month.
 */
export const MONTH_ROWS: readonly (readonly [language: string, months: string])[] = [
  [
    'English',
    'january, jan | february, feb | march, mar | april, apr | may | june, jun | july, jul | august, aug | september, sep, sept | october, oct | november, nov | december, dec',
  ],
  [
    'German (and Austrian Jänner)',
    'januar, jänner, jän | februar, feber | märz, maerz, mär | april | mai | juni | juli | august | september | oktober, okt | november | dezember, dez',
  ],
  [
    'French',
    'janvier, janv | février, févr, fevrier, fév | mars | avril, avr | mai | juin | juillet, juil | août, aout | septembre | octobre | novembre | décembre, déc, decembre',
  ],
  [
    'Spanish',
    'enero, ene | febrero | marzo | abril, abr | mayo | junio | julio | agosto, ago | septiembre, setiembre | octubre | noviembre | diciembre, dic',
  ],
  [
    'Italian',
    'gennaio, gen | febbraio | marzo | aprile | maggio, mag | giugno, giu | luglio, lug | agosto | settembre, set | ottobre, ott | novembre | dicembre',
  ],
  [
    'Portuguese',
    'janeiro | fevereiro, fev | março, marco | abril | maio | junho | julho | agosto | setembro | outubro, out | novembro | dezembro, dez',
  ],
  [
    'Dutch',
    'januari | februari | maart, mrt | april | mei | juni | juli | augustus | september | oktober | november | december',
  ],
  [
    'Scandinavian',
    'januar, januari | februar, februari | mars | april | mai, maj | juni | juli | august, augusti | september | oktober | november | desember, december',
  ],
  [
    'Polish (genitive)',
    'stycznia | lutego | marca | kwietnia | maja | czerwca | lipca | sierpnia | września | października | listopada | grudnia',
  ],
  [
    'Russian (genitive) and Ukrainian (genitive)',
    'января, січня | февраля, лютого | марта, березня | апреля, квітня | мая, травня | июня, червня | июля, липня | августа, серпня | сентября, вересня | октября, жовтня | ноября, листопада | декабря, грудня',
  ],
  [
    'Turkish',
    'ocak | şubat | mart | nisan | mayıs | haziran | temmuz | ağustos | eylül | ekim | kasım | aralık',
  ],
  [
    'Indonesian / Malay',
    'januari | februari | maret | april | mei | juni | juli | agustus | september | oktober | november | desember',
  ],
  [
    'Arabic (Egypt and Gulf, then Levant)',
    'يناير, كانون الثاني | فبراير, شباط | مارس, آذار | أبريل, نيسان, ابريل | مايو, أيار | يونيو, حزيران, يونية | يوليو, تموز, يولية | أغسطس, آب, اغسطس | سبتمبر, أيلول | أكتوبر, تشرين الأول, اكتوبر | نوفمبر, تشرين الثاني | ديسمبر, كانون الأول',
  ],
  [
    'Finnish (partitive, as in "17. helmikuuta 2022")',
    'tammikuuta | helmikuuta | maaliskuuta | huhtikuuta | toukokuuta | kesäkuuta | heinäkuuta | elokuuta | syyskuuta | lokakuuta | marraskuuta | joulukuuta',
  ],
  [
    'Romanian',
    'ianuarie | februarie | martie | aprilie | mai | iunie | iulie | august | septembrie | octombrie | noiembrie | decembrie',
  ],
  [
    'Czech (genitive)',
    'ledna | února | března | dubna | května | června | července | srpna | září | října | listopadu | prosince',
  ],
];

/** Every spelling with its month number (1–12). */
export function monthNumbers(): Map<string, number> {
  const names = new Map<string, number>();
  for (const [, months] of MONTH_ROWS) {
    months.split(' | ').forEach((spellings, i) => {
      for (const name of spellings.split(', ')) if (name && !names.has(name)) names.set(name, i + 1);
    });
  }
  return names;
}
