import { describe, expect, it } from 'vitest';
import {
  checkRuleFields,
  checkTemplate,
  importTemplatesJson,
  makeCopyId,
  makeRuleId,
  mergeById,
  toTemplatesJson,
} from '../../components/settings-io';
import type { SiteRule } from '../../utils/pure/site-rules';
import type { Template } from '../../utils/pure/template';

const T1: Template = {
  id: 't1',
  name: 'One',
  format: 'toml',
  fields: [{ key: 'title', value: '{{title}}' }],
  body: '{{content}}',
  filename: '{{title|slug}}.md',
  sourceLine: '',
};
const R1: SiteRule = { id: 'r1', match: { type: 'host', value: 'a.example' }, timeZone: 'Asia/Shanghai' };
const R2: SiteRule = { id: 'r2', match: { type: 'host-suffix', value: 'b.example' } };

describe('templates file', () => {
  it('round-trips the user templates and rules', () => {
    const text = toTemplatesJson({ templates: [T1], rules: [R1, R2] });
    const back = importTemplatesJson(text, { templates: [], rules: [] });
    expect(back).toEqual({
      ok: true,
      templates: [T1],
      rules: [R1, R2],
      counts: { templates: 1, rules: 2, skipped: 0 },
    });
  });

  it('merges by id: same id replaced in place, new ones added; bad items skipped, not the file', () => {
    const changed = { ...R1, timeZone: 'Asia/Tokyo' };
    const broken = { ...T1, id: 't2', body: '{{content|nope}}' };
    const text = JSON.stringify({
      format: 'postclip-templates',
      version: 1,
      templates: [broken, { id: '' }, { ...T1, name: 'One again' }],
      rules: [changed, { id: 'bad', match: { type: 'regex', value: '.*' } }, { ...R2, id: 'r3' }],
    });
    const merged = importTemplatesJson(text, { templates: [T1], rules: [R1, R2] });
    expect(merged).toEqual({
      ok: true,
      templates: [{ ...T1, name: 'One again' }],
      rules: [changed, R2, { ...R2, id: 'r3' }],
      counts: { templates: 1, rules: 2, skipped: 3 },
    });
  });

  it('refuses text that is not JSON or not a templates file', () => {
    expect(importTemplatesJson('{', { templates: [], rules: [] })).toEqual({ ok: false, reason: 'not-json' });
    expect(importTemplatesJson('{"format":"postclip-backup"}', { templates: [], rules: [] })).toEqual({
      ok: false,
      reason: 'not-templates',
    });
  });

  it('mergeById keeps order', () => {
    expect(mergeById([R1, R2], [{ ...R2, timeZone: 'UTC' }])).toEqual([R1, { ...R2, timeZone: 'UTC' }]);
  });
});

describe('checks and ids', () => {
  it('finds the first template error with its part, line and column', () => {
    expect(checkTemplate(T1)).toBeNull();
    expect(checkTemplate({ ...T1, filename: '{{title|slug}.md' })).toMatchObject({
      part: 'filename',
      line: 1,
    });
    expect(checkRuleFields({ ...R1, fields: [{ key: 'tags', value: '{{ site | pinyn }}' }] })).toMatchObject({
      part: 'fields.tags',
      line: 1,
      column: 11,
    });
    expect(checkRuleFields(R1)).toBeNull();
  });

  it('makes ids no template or rule uses yet', () => {
    expect(makeCopyId('hugo-toml', [])).toBe('hugo-toml-copy');
    expect(makeCopyId('hugo-toml', [{ ...T1, id: 'hugo-toml-copy' }])).toBe('hugo-toml-copy-2');
    expect(makeCopyId('hugo-toml-copy', [{ ...T1, id: 'hugo-toml-copy' }])).toBe('hugo-toml-copy-2');
    expect(makeRuleId([R1, { ...R2, id: 'rule-3' }])).toBe('rule-4');
    expect(makeRuleId([])).toBe('rule-1');
  });
});
