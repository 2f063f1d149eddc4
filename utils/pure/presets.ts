// Pure: the built-in post templates (Jekyll, Hugo YAML/TOML, Obsidian, plain Markdown) as data. No DOM.
import type { Template, TemplateField } from './template';
import { escapeTemplateText } from './template';
import type { PostOptions } from './types';
import { DEFAULT_POST_OPTIONS } from './types';

import { DEFAULT_TEMPLATE_ID } from './template-shape';

export { DEFAULT_TEMPLATE_ID };

// The site's slug, falling back to the host's when the name has no letters (buildPost's rule since v1).
const SITE_CATEGORY = '{{site|slug:"site"|default:domain|slug:"site"|default:"site"}}';
// Jekyll reads `_posts/YYYY-MM-DD-slug.md`; the day is the `date:` day.
const JEKYLL_FILENAME = '{{date|date:"YYYY-MM-DD"}}-{{title|slug|default:"post"}}.md';
const JEKYLL_SOURCE_LINE = '{{source_label}}[{{site|md_text}}]({{source|md_url}})';

/**
 * The Jekyll template for a user's PostOptions: exactly what Postclip wrote before templates existed
 * (layout, title, date, categories, tags, source, author; the source line; `YYYY-MM-DD-slug.md`).
 */
export function toJekyllTemplate(options: PostOptions): Template {
  const tags = { keywords: '{{keywords|slice:0:10}}', 'site-news': '{{site_news|jekyll_list}}', none: '' };
  const fields: TemplateField[] = [
    { key: 'layout', value: escapeTemplateText(options.layout) },
    { key: 'title', value: '{{title}}', quote: 'always', keepEmpty: true },
    { key: 'date', value: '{{date}}' },
    // Kept even when off, empty (so left out): edited categories still land in their place.
    { key: 'categories', value: options.categoriesMode === 'site' ? SITE_CATEGORY : '' },
    { key: 'tags', value: tags[options.tagsMode] },
    { key: 'source', value: '{{source}}', quote: 'always', keepEmpty: true },
  ];
  if (options.includeAuthor) fields.push({ key: 'author', value: '{{author}}', quote: 'always' });
  return {
    id: DEFAULT_TEMPLATE_ID,
    name: 'Jekyll',
    format: 'yaml',
    fields,
    body: '{{content}}',
    filename: JEKYLL_FILENAME,
    sourceLine: options.includeSourceLine ? JEKYLL_SOURCE_LINE : '',
  };
}

const HUGO_FIELDS: TemplateField[] = [
  { key: 'title', value: '{{title}}', quote: 'always' },
  { key: 'date', value: '{{date|date:"rfc3339"}}' },
  { key: 'draft', value: '{{true}}' },
  { key: 'tags', value: '{{keywords}}' },
  { key: 'categories', value: '{{site|slug:"site"|list}}' },
  { key: 'author', value: '{{author}}', quote: 'always' },
  { key: 'description', value: '{{excerpt}}', quote: 'always' },
  { key: 'source', value: '{{source}}', quote: 'always' },
];

/** Hugo's content folder, one file per post; the date lives in the front matter. */
const HUGO_FILENAME = 'content/posts/{{title|slug|default:"post"}}.md';

const HUGO_YAML: Template = {
  id: 'hugo-yaml',
  name: 'Hugo (YAML)',
  format: 'yaml',
  fields: HUGO_FIELDS,
  body: '{{content}}',
  filename: HUGO_FILENAME,
  sourceLine: JEKYLL_SOURCE_LINE,
};

const HUGO_TOML: Template = { ...HUGO_YAML, id: 'hugo-toml', name: 'Hugo (TOML)', format: 'toml' };

/** Obsidian Web Clipper's default properties: author as [[links]], dates as days, tagged `clippings`. */
const OBSIDIAN: Template = {
  id: 'obsidian',
  name: 'Obsidian',
  format: 'yaml',
  fields: [
    { key: 'title', value: '{{title}}', quote: 'always' },
    // The page's canonical address when it names one, as the other templates: not the tab's tracking URL.
    { key: 'source', value: '{{source}}', quote: 'always' },
    { key: 'author', value: '{{author|split:","|wikilink}}', quote: 'always' },
    { key: 'published', value: '{{published|date:"YYYY-MM-DD"}}' },
    { key: 'created', value: '{{clipped|date:"YYYY-MM-DD"}}' },
    // Never the title or byline again (many sites' summaries are just that).
    { key: 'description', value: '{{description}}', quote: 'always' },
    { key: 'tags', value: '{{"clippings"|list}}' },
  ],
  body: '{{content}}',
  filename: '{{title|default:"Untitled"}}.md',
  sourceLine: '',
};

const PLAIN: Template = {
  id: 'markdown',
  name: 'Plain Markdown',
  format: 'none',
  fields: [],
  body: '# {{title}}\n\n{{content}}',
  filename: '{{title|slug|default:"post"}}.md',
  sourceLine: JEKYLL_SOURCE_LINE,
};

/** Every built-in template, the default first. Built-ins are never stored: users copy one to change it. */
export const BUILT_IN_TEMPLATES: readonly Template[] = [
  toJekyllTemplate(DEFAULT_POST_OPTIONS),
  HUGO_YAML,
  HUGO_TOML,
  OBSIDIAN,
  PLAIN,
];

/**
 * The template with this id: the user's own first, then the built-ins (the Jekyll one made from `options`).
 * An unknown id gives the Jekyll template, so a deleted template never stops clipping.
 */
export function findTemplate(
  id: string,
  userTemplates: readonly Template[],
  options: PostOptions = DEFAULT_POST_OPTIONS,
): Template {
  const own = userTemplates.find((t) => t.id === id);
  if (own) return own;
  if (id === DEFAULT_TEMPLATE_ID) return toJekyllTemplate(options);
  return BUILT_IN_TEMPLATES.find((t) => t.id === id) ?? toJekyllTemplate(options);
}

/** Jekyll's own folder: it reads only dated files (`YYYY-MM-DD-slug.md`) there and ignores the rest. */
const DATED_FILENAME = /^\{\{\s*date\b/u;

/**
 * The zip folder for posts whose file name has none: `_posts/` only for dated (Jekyll) names, `Clippings/` for
 * Obsidian (its Web Clipper's folder), `posts/` for the rest. Hugo's names carry their own folder.
 */
export function zipFolderFor(template: Template): string {
  if (template.id === DEFAULT_TEMPLATE_ID || DATED_FILENAME.test(template.filename)) return '_posts';
  if (template.id === 'obsidian') return 'Clippings';
  return 'posts';
}
