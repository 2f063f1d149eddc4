// The CLI's --template and --rules: the same templates and site rules as the extension, on saved pages.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/clip';
import { EXIT_OK, EXIT_USAGE, main, parseRulesJson } from '../../cli/clip';

const ROOT = join(import.meta.dirname, '..', '..');
const PAGE = join(ROOT, 'tests', 'e2e', 'pages', 'rule-article.html');
const URL = 'http://127.0.0.1:8000/rule-article.html';
const RULE = {
  id: 'r1',
  match: { type: 'host', value: '127.0.0.1' },
  fields: [
    { key: 'categories', value: '{{site|pinyin}}' },
    { key: 'tags', value: '{{site}}新闻' },
  ],
  timeZone: 'Asia/Tokyo',
  removeSelectors: ['.rule-strip'],
};

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

function writeJson(value: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'postclip-rules-')), 'rules.json');
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('--template and --rules', () => {
  it('renders through a preset', async () => {
    const io = captureIo();
    expect(await main([PAGE, '--url', URL, '--tz', 'UTC', '--template', 'hugo-toml'], io)).toBe(EXIT_OK);
    expect(io.out.startsWith('+++\ntitle = ')).toBe(true);
    expect(io.out).toContain('draft = true');
  });

  it("applies a rule file: fields, the publisher's zone, removed elements", async () => {
    const plain = captureIo();
    await main([PAGE, '--url', URL, '--tz', 'UTC'], plain);
    expect(plain.out).toContain('本文由规则删除的段落');
    const io = captureIo();
    expect(await main([PAGE, '--url', URL, '--tz', 'UTC', '--rules', writeJson([RULE])], io)).toBe(EXIT_OK);
    expect(io.out).toContain(
      'categories: zhongguoshichangjianguanxinwenwang\ntags: 中国市场监管新闻网新闻\n',
    );
    expect(io.out).toContain('date: 2022-02-17 09:00:40 +0900\n');
    expect(io.out).not.toContain('本文由规则删除的段落');
  });

  it('takes an exported templates file, whose templates --template can name', async () => {
    const template = {
      id: 'mine',
      name: 'Mine',
      format: 'none',
      fields: [],
      body: '{{title}} / {{site|pinyin}}',
      filename: '{{title}}.md',
      sourceLine: '',
    };
    const file = writeJson({ format: 'postclip-templates', version: 1, templates: [template], rules: [] });
    const io = captureIo();
    expect(await main([PAGE, '--url', URL, '--tz', 'UTC', '--rules', file, '--template', 'mine'], io)).toBe(
      EXIT_OK,
    );
    expect(io.out).toBe('滨海新区中小企业走上“专精特新”之路 / zhongguoshichangjianguanxinwenwang\n');
  });

  it('refuses an unknown template, a bad rule and a template that does not parse', async () => {
    const io = captureIo();
    expect(await main([PAGE, '--template', 'wordpress'], io)).toBe(EXIT_USAGE);
    expect(io.err).toContain('unknown template: wordpress');
    expect(() => parseRulesJson('[{"id":"x"}]', 'r.json')).toThrow('r.json: rule 1 is not a valid rule');
    expect(() => parseRulesJson('{', 'r.json')).toThrow('r.json: not JSON');
    expect(() =>
      parseRulesJson(
        JSON.stringify({
          templates: [
            {
              id: 't',
              name: 't',
              format: 'yaml',
              fields: [],
              body: '{{x}}',
              filename: 'a.md',
              sourceLine: '',
            },
          ],
        }),
        'r.json',
      ),
    ).toThrow("r.json: template t: body: Unknown variable 'x'");
  });
});
