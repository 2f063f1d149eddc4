// Golden tests for templates: the same pages through every built-in preset, with the clock frozen, checked byte for
// byte against tests/golden/presets/<case>.<preset>.md (read by hand when written). Write missing or changed files
// with UPDATE_PRESETS=1 npx vitest run tests/golden/golden-presets.test.ts, then review the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { clipDocument } from '../../utils/dom/pipeline';
import { BUILT_IN_TEMPLATES } from '../../utils/pure/presets';
import { DEFAULT_POST_OPTIONS } from '../../utils/pure/types';
import { loadCase } from './update';

const PRESETS_DIR = join(import.meta.dirname, 'presets');
const CASES = ['en-paper-jsonld', 'cn-portal-text-date'] as const;
const IS_UPDATE = process.env.UPDATE_PRESETS === '1';

/** The file name each preset gives each page: Jekyll's day-slug, Hugo's content folder, Obsidian's title. */
const FILENAMES: Record<(typeof CASES)[number], Record<string, string>> = {
  'en-paper-jsonld': {
    jekyll: '2023-09-14-city-council-approves-floating-seawall-for-the-old-harbor.md',
    'hugo-yaml': 'content/posts/city-council-approves-floating-seawall-for-the-old-harbor.md',
    'hugo-toml': 'content/posts/city-council-approves-floating-seawall-for-the-old-harbor.md',
    obsidian: 'City Council Approves Floating Seawall for the Old Harbor.md',
    markdown: 'city-council-approves-floating-seawall-for-the-old-harbor.md',
  },
  'cn-portal-text-date': {
    jekyll: '2022-02-17-厚植知识产权保护沃土-滨海新区中小企业走上-专精特新-之路.md',
    'hugo-yaml': 'content/posts/厚植知识产权保护沃土-滨海新区中小企业走上-专精特新-之路.md',
    'hugo-toml': 'content/posts/厚植知识产权保护沃土-滨海新区中小企业走上-专精特新-之路.md',
    obsidian: '厚植知识产权保护沃土 滨海新区中小企业走上“专精特新”之路.md',
    markdown: '厚植知识产权保护沃土-滨海新区中小企业走上-专精特新-之路.md',
  },
};

function frontMatterOf(content: string, format: string): Record<string, unknown> | null {
  if (format === 'toml') {
    const block = /^\+\+\+\n([\s\S]*?\n)\+\+\+\n/.exec(content);
    return block ? parseToml(block[1] ?? '') : null;
  }
  if (format === 'yaml') {
    const block = /^---\n([\s\S]*?\n)---\n/.exec(content);
    return block ? (parseYaml(block[1] ?? '') as Record<string, unknown>) : null;
  }
  return content.startsWith('---') || content.startsWith('+++') ? {} : null;
}

describe.each(CASES)('%s through each preset', (name) => {
  const golden = loadCase(name);

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s', (id, template) => {
    const { document } = parseHTML(golden.html);
    const result = clipDocument(document, golden.meta.url, {
      now: new Date(golden.meta.now),
      post: { ...DEFAULT_POST_OPTIONS, timeZone: golden.meta.timeZone },
      activeTemplateId: id,
    });
    if (!result.ok) {
      expect.fail(`${name} through ${id}: ${result.code}`);
      return;
    }
    const { post, templateError } = result.value;
    expect(templateError).toBeUndefined();
    expect(post.filename).toBe(FILENAMES[name][id]);

    // The front matter parses in its own format and keeps the title as text, whatever the preset.
    const data = frontMatterOf(post.content, template.format);
    if (template.format === 'none') expect(data).toBeNull();
    else expect(data?.title).toBe(golden.meta.expect.ok ? golden.meta.expect.title : '');

    const path = join(PRESETS_DIR, `${name}.${id}.md`);
    if (IS_UPDATE) writeFileSync(path, post.content);
    expect(existsSync(path), `${path} is missing: run with UPDATE_PRESETS=1 and review it`).toBe(true);
    expect(post.content).toBe(readFileSync(path, 'utf8'));
  });
});
