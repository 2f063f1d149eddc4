// Pure: whether text ends a sentence, Latin or CJK: an end mark (`.` `!` `?` `。` `！` `？` `…`), then any closing
// quotes or brackets (`."`, `。」`, `?)`, `!»`) and space. Prose ends one; a label, a menu item or a headline does not.
// The one definition for the extraction steps that tell them apart (summary, boilerplate, menus, readerable).

/** . ! ? 。 ！ ？ and, unless told otherwise, … */
const MARKS = '.!?\u3002\uff01\uff1f';
const ELLIPSIS = '\u2026';
/** " ' ” ’ » ) ） 」 』: what may close a quotation or an aside after its end mark. */
const CLOSERS = '"\'\u201d\u2019\u00bb)\uff09\u300d\u300f';

const ENDS = new RegExp(`[${MARKS}${ELLIPSIS}][\\s${CLOSERS}]*$`, 'u');
const ENDS_NOT_TRAILING_OFF = new RegExp(`[${MARKS}][\\s${CLOSERS}]*$`, 'u');
const HAS_END = new RegExp(`[${MARKS}${ELLIPSIS}][${CLOSERS}]*(?:\\s|$)`, 'u');

export interface SentenceEndOptions {
  /**
   * Whether `…` ends a sentence (default true). Not for menu items and standfirsts: `More…`, `Read on…` trail off
   * into a link, they are no statement.
   */
  isEllipsisEnd?: boolean;
}

/** Whether `text` ends with a sentence end (closers and trailing space allowed). */
export function endsSentence(text: string, { isEllipsisEnd = true }: SentenceEndOptions = {}): boolean {
  return (isEllipsisEnd ? ENDS : ENDS_NOT_TRAILING_OFF).test(text);
}

/** Whether a sentence ends anywhere in `text`: an end mark (and closers) before a space or the end. */
export function hasSentenceEnd(text: string): boolean {
  return HAS_END.test(text);
}
