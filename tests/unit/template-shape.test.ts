import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATE_ID,
  readSiteRule,
  readTemplate,
  readTemplateField,
} from '../../utils/pure/template-shape';

const TEMPLATE = {
  id: 'mine',
  name: 'Mine',
  format: 'yaml',
  fields: [{ key: 'title', value: '{{title}}', quote: 'always' }],
  body: '{{content}}',
  filename: '{{date|date:"YYYY-MM-DD"}}-{{title|slug}}.md',
  sourceLine: '',
};

describe('readTemplate', () => {
  it('accepts a well-formed template and keeps its syntax errors for the user to fix', () => {
    expect(readTemplate(TEMPLATE)).toEqual(TEMPLATE);
    expect(readTemplate({ ...TEMPLATE, body: '{{ unclosed' })?.body).toBe('{{ unclosed');
  });

  it('refuses wrong shapes', () => {
    expect(readTemplate(null)).toBeNull();
    expect(readTemplate({ ...TEMPLATE, id: '' })).toBeNull();
    expect(readTemplate({ ...TEMPLATE, format: 'xml' })).toBeNull();
    expect(readTemplate({ ...TEMPLATE, fields: [{ key: 1, value: 'x' }] })).toBeNull();
    expect(readTemplate({ ...TEMPLATE, body: 5 })).toBeNull();
  });

  it('reads fields, keeping only known options', () => {
    expect(readTemplateField({ key: 'k', value: 'v', quote: 'sometimes', keepEmpty: true })).toEqual({
      key: 'k',
      value: 'v',
      keepEmpty: true,
    });
  });
});

describe('readSiteRule', () => {
  it('accepts a rule a user could type and drops empty parts', () => {
    expect(
      readSiteRule({
        id: 'r1',
        match: { type: 'host', value: 'www.cmrnn.com.cn' },
        fields: [{ key: 'tags', value: '{{site}}新闻' }, { nope: true }],
        timeZone: 'Asia/Shanghai',
        removeSelectors: ['.editor', '', 3],
        articleSelector: '',
        slugMode: 'pinyin',
      }),
    ).toEqual({
      id: 'r1',
      match: { type: 'host', value: 'www.cmrnn.com.cn' },
      fields: [{ key: 'tags', value: '{{site}}新闻' }],
      timeZone: 'Asia/Shanghai',
      removeSelectors: ['.editor'],
      slugMode: 'pinyin',
    });
  });

  it('refuses a rule that cannot match anything', () => {
    expect(readSiteRule({ id: 'r', match: { type: 'regex', value: '.*' } })).toBeNull();
    expect(readSiteRule({ id: 'r', match: { type: 'host', value: '  ' } })).toBeNull();
    expect(readSiteRule({ match: { type: 'host', value: 'a.com' } })).toBeNull();
  });
});

it('the default template is Jekyll', () => {
  expect(DEFAULT_TEMPLATE_ID).toBe('jekyll');
});
