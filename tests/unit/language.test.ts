import { describe, expect, it } from 'vitest';
import { guessLangFromText, isRtlLanguage, normalizeLang } from '../../utils/pure/language';

describe('language', () => {
  it('normalises tags as pages write them', () => {
    expect(normalizeLang('zh_CN')).toBe('zh-CN');
    expect(normalizeLang('EN-us')).toBe('en-US');
    expect(normalizeLang('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normalizeLang('not a tag')).toBeNull();
  });

  it('refuses a charset written where a language belongs (<meta http-equiv="Content-Language" content="utf-8">)', () => {
    expect(normalizeLang('utf-8')).toBeNull();
    expect(normalizeLang('iso-8859-1')).toBeNull();
    expect(normalizeLang('en-GB-oxendict')).toBe('en-GB-oxendict');
    expect(normalizeLang('zh-cmn-Hans')).toBe('zh-cmn-Hans');
  });

  it('guesses from the script, and needs enough letters to guess', () => {
    expect(guessLangFromText('这是一个关于中国市场监管的新闻报道，内容很长很长很长很长。')).toBe('zh');
    expect(guessLangFromText('これは日本語の文章です。ひらがなとカタカナが入っています。')).toBe('ja');
    expect(guessLangFromText('이것은 한국어 문장입니다 한글이 많이 들어 있습니다')).toBe('ko');
    expect(guessLangFromText('An English sentence with enough letters in it.')).toBeNull();
    expect(guessLangFromText('中文')).toBeNull();
  });

  it('knows the right-to-left languages', () => {
    expect(isRtlLanguage('ar')).toBe(true);
    expect(isRtlLanguage('he-IL')).toBe(true);
    expect(isRtlLanguage('en')).toBe(false);
  });
});
