// The locale files and the i18n module: key parity between languages, a message for every error code, and
// every key the code uses exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES } from '../../utils/pure/result';

const ROOT = join(import.meta.dirname, '..', '..');

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Messages = Record<string, Entry>;

function readLocale(locale: string): Messages {
  return JSON.parse(
    readFileSync(join(ROOT, 'public', '_locales', locale, 'messages.json'), 'utf8'),
  ) as Messages;
}

const EN = readLocale('en');
const ZH = readLocale('zh_CN');

/** The browser's substitution, enough for our files: `$name$` → placeholder content → `$n`. */
function substitute(entry: Entry, subs: string[]): string {
  return entry.message.replace(/\$(\w+)\$/g, (whole, name: string) =>
    (entry.placeholders?.[name]?.content ?? whole).replace(
      /\$(\d)/g,
      (_, n: string) => subs[Number(n) - 1] ?? '',
    ),
  );
}

let locale: Messages = EN;
const getMessage = vi.fn((key: string, subs?: string | string[]) => {
  const entry = locale[key];
  if (!entry) return '';
  return substitute(entry, typeof subs === 'string' ? [subs] : (subs ?? []));
});
vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage, getUILanguage: () => 'en-US' } } }));

const { describeError, DETAIL_KEYS, ERROR_MESSAGE_KEYS, RESTRICTION_KEYS, setPageLanguage, t } =
  await import('../../utils/platform/i18n');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

beforeEach(() => {
  locale = EN;
});

describe('locale files', () => {
  it('have exactly the same keys in English and Simplified Chinese', () => {
    expect(Object.keys(ZH).sort()).toEqual(Object.keys(EN).sort());
  });

  it('have no empty messages and only valid message names', () => {
    for (const messages of [EN, ZH]) {
      for (const [key, entry] of Object.entries(messages)) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(entry.message.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages, and every placeholder they use is defined', () => {
    for (const key of Object.keys(EN)) {
      const en = EN[key];
      const zh = ZH[key];
      expect(Object.keys(zh?.placeholders ?? {}), key).toEqual(Object.keys(en?.placeholders ?? {}));
      for (const entry of [en, zh]) {
        const used = [...(entry?.message ?? '').matchAll(/\$(\w+)\$/g)].map((m) => m[1] ?? '');
        expect(used.sort(), key).toEqual(Object.keys(entry?.placeholders ?? {}).sort());
      }
    }
  });

  it('name the extension and describe it', () => {
    expect(EN.extName?.message).toBe('Postclip');
    expect(EN.extDescription?.message).toMatch(/Markdown/);
  });
});

describe('describeError', () => {
  it.each(ERROR_CODES.map((code) => [code]))('has a message of its own for %s in both languages', (code) => {
    const key = ERROR_MESSAGE_KEYS[code];
    expect(EN[key]?.message).toBeTruthy();
    expect(ZH[key]?.message).toBeTruthy();
    expect(describeError(code)).toBe(EN[key]?.message);
    locale = ZH;
    expect(describeError(code)).toBe(ZH[key]?.message);
  });

  it('gives every code a different message', () => {
    const texts = ERROR_CODES.map((code) => describeError(code));
    expect(new Set(texts).size).toBe(ERROR_CODES.length);
  });

  it('says a restricted page cannot be clipped, in words a test of the popup can find', () => {
    expect(describeError('restricted-page')).toMatch(/can't|cannot/);
  });

  it('explains each kind of restricted page in its own words, never with the internal reason code', () => {
    const kinds = ['browser-page', 'file-access', 'extension-store', 'pdf-viewer', 'not-a-web-page'];
    const texts = kinds.map((kind) => describeError('restricted-page', kind));
    expect(new Set(texts).size).toBe(kinds.length);
    for (const [i, text] of texts.entries()) expect(text).not.toContain(kinds[i]);
    expect(describeError('restricted-page', 'file-access')).toMatch(/Allow access to file URLs/);
    expect(describeError('restricted-page', 'something-new')).toBe(describeError('restricted-page'));
  });

  it("words a tab that closed or moved on in the user's language, without URLs", () => {
    expect(describeError('no-active-tab', 'tab-closed')).toBe(EN.errTabClosed?.message);
    expect(describeError('injection-failed', 'tab-changed')).toBe(EN.errTabChanged?.message);
    locale = ZH;
    expect(describeError('injection-failed', 'tab-changed')).toBe(ZH.errTabChanged?.message);
  });

  it('words a toolbar clip that ran out of time as the clip’s timeout, not the generic one', () => {
    expect(describeError('timeout', 'toolbar-clip-timeout')).toBe(EN.toolbarErrClipTimeout?.message);
    expect(describeError('timeout', 'toolbar-clip-timeout')).not.toBe(describeError('timeout'));
    locale = ZH;
    expect(describeError('timeout', 'toolbar-clip-timeout')).toBe(ZH.toolbarErrClipTimeout?.message);
  });

  it('adds the detail when there is one', () => {
    expect(describeError('download-failed', 'Access denied')).toBe('The download failed. (Access denied)');
  });

  it('never shows developer detail: a parser message, "not a Postclip backup", the extractor\'s English', () => {
    expect(describeError('invalid-backup', 'Unexpected end of JSON input')).toBe(
      EN.errInvalidBackup?.message,
    );
    expect(describeError('invalid-backup', 'not a Postclip backup')).toBe(EN.errInvalidBackup?.message);
    const links = '88% of the text is links: a list of links, not an article.';
    expect(describeError('not-an-article', links)).toContain('88%');
    expect(describeError('not-an-article', links)).not.toContain('text is links');
    locale = ZH;
    expect(describeError('not-an-article', links)).toMatch(/^此页面大部分是链接（占文字的 88%）/);
    expect(describeError('invalid-backup', 'Unexpected end of JSON input')).toBe(
      ZH.errInvalidBackup?.message,
    );
  });
});

describe('t', () => {
  it('substitutes placeholders', () => {
    expect(t('restored', ['2', '0', '1'])).toBe('Restored: 2 added, 0 updated, 1 unchanged');
    locale = ZH;
    expect(t('restored', ['2', '0', '1'])).toBe('已恢复：新增 2，更新 0，未变 1');
  });

  it('falls back to the key rather than a blank', () => {
    getMessage.mockReturnValueOnce('');
    expect(t('clipThisPage')).toBe('clipThisPage');
  });

  it('marks the page with the UI language', () => {
    const doc = { documentElement: { lang: '', dir: '' } } as unknown as Document;
    setPageLanguage(doc);
    expect(doc.documentElement.lang).toBe('en-US');
    expect(doc.documentElement.dir).toBe('ltr');
  });
});

describe('keys used in code', () => {
  const sources = ['components', 'entrypoints', join('utils', 'platform')]
    .flatMap((dir) => walk(join(ROOT, dir)))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(f, 'utf8'));
  // The choice labels: `value: 'messageKey',` in each Record the pages pass to t().
  const labels = ['choice-labels.ts', 'publish-labels.ts']
    .map((name) => readFileSync(join(ROOT, 'components', name), 'utf8'))
    .join('\n');
  // t('key'…), translate('key'…), and the [value, 'messageKey'] choice pairs the options page passes to t().
  const used = new Set([
    ...sources.flatMap((src) => [
      ...[...src.matchAll(/\b(?:t|translate)\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1] ?? ''),
      ...[...src.matchAll(/\[\s*'[^']*',\s*'([a-z]+[A-Z][A-Za-z0-9]*)'\s*\]/g)].map((m) => m[1] ?? ''),
    ]),
    ...[...labels.matchAll(/^\s*'?[\w-]+'?: '([a-z]+[A-Z][A-Za-z0-9]*)',$/gm)].map((m) => m[1] ?? ''),
  ]);

  it('finds the keys the pages use', () => {
    expect(used.size).toBeGreaterThan(50);
    expect(used.has('clipThisPage')).toBe(true);
  });

  it('exist in the English messages', () => {
    expect([...used].filter((key) => !(key in EN))).toEqual([]);
  });

  it('leave no English message unused, apart from the manifest names', () => {
    const MANIFEST_ONLY = ['extName', 'extDescription', 'cmdClipPage'];
    const errorKeys = [
      ...Object.values(ERROR_MESSAGE_KEYS),
      ...Object.values(RESTRICTION_KEYS),
      ...Object.values(DETAIL_KEYS),
    ] as string[];
    const unused = Object.keys(EN).filter(
      (key) =>
        !used.has(key) &&
        !errorKeys.includes(key) &&
        !MANIFEST_ONLY.includes(key) &&
        key !== 'errorWithDetail',
    );
    expect(unused).toEqual([]);
  });
});
