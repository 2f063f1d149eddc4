// Pure: cleans a byline as pages write it (`By Jane Doe | Staff`, `作者：张三 来源：…`) and judges whether a
// metadata author names a person rather than the site, a domain or the page's software.
import {
  cutDateTail,
  dateCutAfter,
  dropHandles,
  dropInitialsParts,
  isLabelWord,
  isRomanceDateLine,
  labelledPart,
  namesAfterLeadingDate,
  stripLeadingLabel,
  stripTrailingConnector,
  stripWrappingQuotes,
} from './byline-label';
import { EDITOR_ROLES } from './byline-shown';
import { NOT_A_NAME, formatHanNames, isLikelyHanName } from './han-names';
import { clean, compact, countHan, isUrlLike } from './page-text';
import { isChineseSiteLike } from './site-title';

const MAX_BYLINE_CHARS = 100;

const BYLINE_PREFIX =
  /^(?:(?:(?:written|words|story|text|interview|reporting|report|posted|article|photos?|published)\s+)?by\b[:\s]*|(?:作者|作\s+者|撰文|撰稿|(?:本报|本報|本刊|本台|本网|总台)?(?:特约|实习|首席|见习)?(?:记者|記者|通讯员|通訊員)|实习生|实習生|责任编辑|責任編輯|编辑|編輯)\s*[：:／/丨]?\s*|文\s*[：:／/丨|｜]\s*)/iu;
/**
 * Where a byline's names end: a separator, `updated …`, a date in any language (`, 14 March 2026`, `, 14. März
 * 2026`, `14.03.2026`; names hold no digits) or a `来源：` label.
 */
const BYLINE_TAIL =
  /(?:\s*[|｜丨•·]\s*|\s+[-–—]\s+|,?\s+(?:on\s+)?(?:updated|published|posted)\b|,?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}|(?:19|20)\d{2})\b|(?<=\p{L})\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|,?\s+\d{1,2}(?:st|nd|rd|th)?\.?\s+\p{L}{3,}\.?,?\s+(?:19|20)\d{2}\b|,?\s+\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b|\s+(?:19|20)\d{2}\s*[-年/.]|(?<=\p{Script=Han})(?:19|20)\d{2}[-年/.]\d|\s+(?:来源|來源|编辑|編輯|责任编辑|責任編輯|责编|时间|時間|日期|发布时间)\s*[：:]|(?<=\p{Script=Han})(?:发布|發佈|发表|發表|更新)(?:时间|時間|日期|于|於)\s*[：:]?\s*\d).*$/iu;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_LIKE = new RegExp(
  `^(?:${MONTH}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH}|\\d{4}[-/.年]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4})`,
  'i',
);
/** A Chinese byline longer than this is a sentence, not names. */
const MAX_BYLINE_HAN = 30;

export function isDateLike(value: string): boolean {
  return DATE_LIKE.test(value.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, ''));
}

/** `sina.com.cn`, `51offer.com`: a domain, not a person. */
export function isDomainLike(value: string): boolean {
  return /^(?:[\w-]+\.)+(?:com|net|org|cn|gov|edu|info|io|co|uk|tv|cc|me|tw|hk)(?:[/:]|$)/i.test(value);
}

/** An author label inside a longer line (`版权声明 来源：当代商报 作者：`): the line names whoever the label names. */
const INNER_AUTHOR_LABEL = /\s(?:作者|作\s+者|撰文|撰稿|执笔|執筆)\s*[：:]\s*(.*)$/u;
/** A value that is itself the next label (`作者： 转载请注明：…`): the author field was left empty. */
export const NEXT_LABEL = /^[^\s：:]{1,8}[：:]/u;
/** A staff code after a Chinese name, as portals' CMSs print their editors: `杨倩_NF4425`, `韩保林 PK155`. */
const STAFF_CODE = /(?<=\p{Script=Han})(?:_|\s+)[A-Za-z]{1,4}\d{2,}$/u;
/** An e-mail address, alone or in brackets: it is how to reach someone, not their name. */
const EMAIL = /[(（<]?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b[)）>]?/gu;
/**
 * What a template or a form prints where a name goes (`name, email@gmail.com`, `Your Name`, `姓名`), and the words
 * for "not known" (`未知`, `佚名`, `Unknown`, `Desconocido`, in the byline labels' languages): no byline names a person
 * by them.
 */
const PLACEHOLDER =
  /^(?:(?:your\s+|full\s+|user\s*|nick\s*)?name|author|e-?mail|username|unknown|unbekannt|desconocid[oa]|desconhecid[oa]|inconnu|inconnue|sconosciut[oa]|onbekend|okänd|ukjent|ukendt|nieznany|άγνωστος|nepoznat|неизвестен|неизвестный|anonymous|n\/?a|none|姓名|昵称|用户名|名字|未知|不详|佚名|匿名|无)$/iu;

/** `By Jane Doe | Staff writer` → `Jane Doe`; `作者：张三 来源：…` → `张三`. Null for URLs, dates and sentences. */
export function cleanByline(raw: string | null | undefined): string | null {
  // An author box read whole (`Gründerin Journelles` / `Artikel von: Jessie`): the labelled part names the writer.
  let s = clean(labelledPart(raw ?? '') ?? raw ?? '').replace(/^[□■●◆★☆▲△◇○]+\s*/u, '');
  s = stripWrappingQuotes(s);
  // A credit printed in brackets: `[责任编辑：韩保林 PK155]`, `（作者：张三）`.
  s = s.replace(/^[[【(（]\s*(.+?)\s*[\]】)）]$/u, '$1');
  const inner = INNER_AUTHOR_LABEL.exec(s);
  if (inner) {
    const value = (inner[1] ?? '').trim();
    if (!value || NEXT_LABEL.test(value)) return null;
    s = value;
  }
  s = s
    .replace(EMAIL, ' ')
    .replace(/\s{2,}/gu, ' ')
    .trim();
  if (!s || isUrlLike(s)) return null;
  // Readability sometimes takes a date line for the byline (`Last Updated: January 7, 2025`).
  if (
    /^(?:last\s+)?(?:updated|published|posted\s+on|modified)\b/i.test(s) ||
    isDateLike(s) ||
    isRomanceDateLine(s)
  )
    return null;
  // `Von Jörn Mecher am 08.12.2022`: the date goes, then the word that joined it to the names.
  const cut = cutDateTail(s).replace(BYLINE_TAIL, '');
  // `El 6 de mayo de 2022 por Raúl Espina`: a line that began with its date names whoever its label names after it.
  const afterDate = namesAfterLeadingDate(s, cut);
  if (afterDate) return afterDate.names ? cleanByline(afterDate.names) : null;
  const names = stripTrailingConnector(cut, dateCutAfter(s, cut));
  // `Von Anna am 08.12.2022`: a connector and a date after one word make `Von` a label, not a name's particle.
  const beforeDate = names !== cut && dateCutAfter(s, cut);
  s = names;
  const hadBy = /^(?:\S+\s+)?by\b/i.test(s);
  for (let i = 0; i < 2; i += 1) s = stripLeadingLabel(s.replace(BYLINE_PREFIX, '').trim(), beforeDate);
  // WordPress: `Posted by Alan Whitby in News`.
  if (hadBy) s = s.replace(/\s+in\s+\S+(?:\s+\S+){0,2}$/u, '');
  s = s.replace(/^[\s,，:：\-–—]+|[\s,，;；:：\-–—]+$/gu, '').trim();
  s = dropInitialsParts(dropHandles(s.replace(STAFF_CODE, '')));
  if (!s || s.length > MAX_BYLINE_CHARS || isUrlLike(s) || /^(?:by|作者|记者)$/i.test(s) || isLabelWord(s))
    return null;
  // `name, email@gmail.com` with the address gone: every part is a placeholder.
  if (s.split(/\s*[,，;；]\s*/u).every((part) => PLACEHOLDER.test(part))) return null;
  const han = countHan(s);
  if (han > 0) {
    // A question from an interview or a link such as `该作者文章` is no byline.
    if (
      han > MAX_BYLINE_HAN ||
      /[。？！?!]/u.test(s) ||
      /文章|作品|简介|更多|主页|登录|注册|本文|点击|收藏/u.test(s)
    )
      return null;
    s = formatHanNames(s);
  }
  return s;
}

/** `chinanews`, `sina_mobile`: a lower-case login or account handle, not a name as a page prints it. */
export function isAsciiHandle(value: string): boolean {
  return /^[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)*$/u.test(value);
}

/** A label before a byline's name (`选稿：`, `评论员：`), and the labels of the roles that edit a story. */
const ROLE_LABEL = /^[[【(（]?\s*(\p{Script=Han}{2,4})\s*[：:]\s*(\S.*?)\s*[\]】)）]?$/u;
const EDITOR_ROLE = new RegExp(`^(?:${EDITOR_ROLES})$`, 'u');

/**
 * The name after a byline's label and whether the label is an editing role's (`选稿：许文杰`, `审核：张三`) rather than
 * a writer's (`作者：`, `评论员：`, `主笔：`: any other label names the writer). Null when the byline has no label.
 */
export function readRoleLabel(raw: string): { name: string | null; isEditor: boolean } | null {
  const m = ROLE_LABEL.exec(clean(raw));
  return m ? { name: cleanByline(m[2]), isEditor: EDITOR_ROLE.test(m[1] ?? '') } : null;
}

/**
 * Whether a byline from metadata names a person rather than the site, a domain, a user id or the page's
 * software (`Discuz! Team` beside `<meta name="generator" content="Discuz! X3.4">`).
 */
export function isPlausibleAuthor(
  value: string,
  siteNames: string[],
  labels: string[],
  generator: string,
): boolean {
  if (isDomainLike(value) || /^[A-Za-z]{0,3}[_-]?\d{3,}$/.test(value)) return false;
  // `sina_mobile` on sina.cn: the site's own account, a handle built on its host's name.
  if (isAsciiHandle(value) && labels.includes(value.split(/[_.-]/u)[0] ?? '')) return false;
  const firstWord = compact(value.split(/\s+/)[0] ?? '');
  if (generator && firstWord.length >= 3 && compact(generator).startsWith(firstWord)) return false;
  if (countHan(value) === 0) return true;
  if (isChineseSiteLike(value) || NOT_A_NAME.test(value) || /贡献者|集团|网络$|媒体$/u.test(value))
    return false;
  const c = compact(value);
  // `网易` beside the site `网易财经`: a name that is not a person's and begins a site name is the outlet's brand.
  // A personal site named after its writer (`月落长安的博客`) keeps the writer.
  const isBrand = (n: string): boolean => {
    const site = compact(n);
    return c.length >= 2 && site.startsWith(c) && !site.startsWith(`${c}的`) && !isLikelyHanName(value);
  };
  return !siteNames.some((n) => compact(n) === c || isBrand(n)) && !labels.includes(c);
}

/** A metadata byline cleaned and checked; a list (`www.yunnan.cn,云南日报报业集团,云南网`) keeps its plausible parts. */
export function cleanMetaByline(
  raw: string | null | undefined,
  siteNames: string[],
  labels: string[],
  generator: string,
): string | null {
  const value = cleanByline(raw);
  if (!value) return null;
  if (isPlausibleAuthor(value, siteNames, labels, generator)) return value;
  const parts = value.split(/\s*[,，;；]\s*/u);
  if (parts.length < 2) return null;
  const kept = parts.filter((p) => p && isPlausibleAuthor(p, siteNames, labels, generator));
  return kept.length ? kept.join(', ') : null;
}
