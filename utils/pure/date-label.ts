// Pure: what the reference-time date parsers share: full-width digits made ASCII, and "is there a date label
// right before this match" (`发布时间：`, `Published:`), which is what makes a short form like `18-03-08` a date.

/** Full-width digits, letters and punctuation to ASCII, same length (indices stay valid); `：` is kept. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) =>
    c === '：' ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Words that say "published" just before a date, in the languages the date search reads: the one list that the
 * date-label tests here and in the DOM date search (`LABEL_BEFORE`, the publication label) are built from.
 */
export const PUBLICATION_WORDS =
  'publi[sc]hed|posted|veröffentlicht|erschienen|publié|publicado|pubblicato|opublikowano|gepubliceerd|发布|發布|发表|發表';
/** What may join a publication word before the date: a time word or `于` (`发布时间：`, `发布于`, `發表於`). */
export const PUBLICATION_JOINERS = '时间|時間|日期|于|於';

/**
 * A date label ending just before a match: a word that names a date or time, then an optional colon and an
 * optional preposition. Language words, not site phrases: `发布时间：`, `发表于`, `日期:`, `更新`, `Published:`,
 * `Posted on`, `Updated`, `Date:`, `Veröffentlicht am`, `Stand:`, `Publié le`, `Publicado el`, `公開日：`.
 */
const DATE_LABEL = new RegExp(
  `(?:(?:${PUBLICATION_WORDS}|首发|首發|更新|刊发|刊發|上传|上傳|编辑|編輯|录入|錄入|创建|創建)(?:${PUBLICATION_JOINERS})?|时间|時間|日期|公開日|更新日|配信日|投稿日|updated|last updated|date|datum|aktualisiert|stand|mis à jour|actualizado|aggiornato)\\s*[:：]?\\s*(?:on|am|um|le|el|il|于|於)?\\s*$`,
  'i',
);

/** How far back from a match a label may start (`最后更新时间：` is 7 characters, `Last updated on: ` 17). */
const LABEL_WINDOW = 24;

/** Whether `text` has a date label ending right before `index`. */
export function hasDateLabelBefore(text: string, index: number): boolean {
  return DATE_LABEL.test(text.slice(Math.max(0, index - LABEL_WINDOW), index));
}
