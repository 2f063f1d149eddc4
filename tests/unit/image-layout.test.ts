import { describe, expect, it } from 'vitest';
import { DEFAULT_POST_OPTIONS } from '../../utils/pure/types';
import { BUILT_IN_TEMPLATES } from '../../utils/pure/presets';
import { postsToZipFiles } from '../../utils/pure/zip';
import { renderPost } from '../../utils/pure/post';
import type { ClipDraft } from '../../utils/pure/types';
import { imageLayoutKindOf, layoutImages, normalizeBaseurl } from '../../utils/pure/images/layout';

const two = [
  { id: 'h1', ext: 'jpg' },
  { id: 'h2', ext: 'png' },
];

describe('layoutImages: Jekyll', () => {
  it('puts images in assets/images/<post-date>-<slug>/<n>.<ext>, linked from the site root', () => {
    const [post] = layoutImages([{ path: '_posts/2022-02-17-driverless-bus.md', images: two }], {
      kind: 'jekyll',
    });
    expect(post).toEqual({
      path: '_posts/2022-02-17-driverless-bus.md',
      linkStyle: 'markdown',
      images: [
        {
          id: 'h1',
          path: 'assets/images/2022-02-17-driverless-bus/1.jpg',
          link: '/assets/images/2022-02-17-driverless-bus/1.jpg',
        },
        {
          id: 'h2',
          path: 'assets/images/2022-02-17-driverless-bus/2.png',
          link: '/assets/images/2022-02-17-driverless-bus/2.png',
        },
      ],
    });
  });

  it.each([
    ['/blog', '/blog/assets'],
    ['blog/', '/blog/assets'],
    [' /my site/ ', '/my%20site/assets'],
    ['https://example.github.io/repo/', '/repo/assets'],
    ['/../..', '/assets'],
    ['', '/assets'],
  ])('prefixes links with baseurl %j', (baseurl, prefix) => {
    const [post] = layoutImages([{ path: '_posts/2022-01-01-a.md', images: two }], {
      kind: 'jekyll',
      baseurl,
    });
    expect(post?.images[0]?.link).toBe(`${prefix}/images/2022-01-01-a/1.jpg`);
    expect(post?.images[0]?.path).toBe('assets/images/2022-01-01-a/1.jpg');
  });

  it('percent-encodes a non-ASCII or spaced slug in the link, not in the path', () => {
    const [post] = layoutImages([{ path: '_posts/2022-02-17-无人驾驶 公交.md', images: two }], {
      kind: 'jekyll',
    });
    expect(post?.images[0]?.path).toBe('assets/images/2022-02-17-无人驾驶 公交/1.jpg');
    expect(post?.images[0]?.link).toBe(
      `/assets/images/${encodeURIComponent('2022-02-17-无人驾驶 公交')}/1.jpg`,
    );
  });

  it('gives two posts of one name in different folders different image folders', () => {
    const placed = layoutImages(
      [
        { path: '_posts/2022-01-01-a.md', images: two },
        { path: '_posts/archive/2022-01-01-A.md', images: two },
      ],
      { kind: 'jekyll' },
    );
    expect(placed.map((p) => p.images[0]?.path)).toEqual([
      'assets/images/2022-01-01-a/1.jpg',
      'assets/images/2022-01-01-A-2/1.jpg',
    ]);
  });
});

describe('layoutImages: Hugo page bundles', () => {
  it('turns content/posts/<slug>.md into content/posts/<slug>/index.md with the images beside it', () => {
    const [post] = layoutImages([{ path: 'content/posts/driverless-bus.md', images: two }], { kind: 'hugo' });
    expect(post).toEqual({
      path: 'content/posts/driverless-bus/index.md',
      linkStyle: 'markdown',
      images: [
        { id: 'h1', path: 'content/posts/driverless-bus/1.jpg', link: '1.jpg' },
        { id: 'h2', path: 'content/posts/driverless-bus/2.png', link: '2.png' },
      ],
    });
  });

  it('leaves a post without images where it was, and keeps an existing bundle index', () => {
    const placed = layoutImages(
      [
        { path: 'content/posts/no-pictures.md', images: [] },
        { path: 'content/posts/own-bundle/index.md', images: two },
      ],
      { kind: 'hugo' },
    );
    expect(placed.map((p) => p.path)).toEqual([
      'content/posts/no-pictures.md',
      'content/posts/own-bundle/index.md',
    ]);
    expect(placed[1]?.images[0]?.path).toBe('content/posts/own-bundle/1.jpg');
  });

  it('never puts a bundle where another post already is', () => {
    const placed = layoutImages(
      [
        { path: 'content/posts/x/index.md', images: [] },
        { path: 'content/posts/x.md', images: two },
      ],
      { kind: 'hugo' },
    );
    expect(placed.map((p) => p.path)).toEqual(['content/posts/x/index.md', 'content/posts/x-2/index.md']);
  });
});

describe('layoutImages: Obsidian and plain', () => {
  it('writes attachments/<note>-<n>.<ext> and embeds by name', () => {
    const [note] = layoutImages([{ path: '_posts/Lighthouse [keepers] #1.md', images: two }], {
      kind: 'obsidian',
    });
    expect(note?.linkStyle).toBe('embed');
    expect(note?.images).toEqual([
      { id: 'h1', path: '_posts/attachments/Lighthouse keepers 1-1.jpg', link: 'Lighthouse keepers 1-1.jpg' },
      { id: 'h2', path: '_posts/attachments/Lighthouse keepers 1-2.png', link: 'Lighthouse keepers 1-2.png' },
    ]);
  });

  it('links attachments relatively when asked', () => {
    const [note] = layoutImages([{ path: 'Notes/A note.md', images: two }], {
      kind: 'obsidian',
      obsidianLinks: 'relative',
    });
    expect(note?.linkStyle).toBe('markdown');
    expect(note?.images[0]).toEqual({
      id: 'h1',
      path: 'Notes/attachments/A note-1.jpg',
      link: 'attachments/A%20note-1.jpg',
    });
  });

  it('keeps attachment names unique across folders, since embeds find them anywhere in the vault', () => {
    const placed = layoutImages(
      [
        { path: 'a/Note.md', images: two },
        { path: 'b/note.md', images: two },
      ],
      { kind: 'obsidian' },
    );
    const names = placed.flatMap((p) => p.images.map((i) => i.link.toLowerCase()));
    expect(new Set(names).size).toBe(4);
  });

  it('puts plain images beside the post', () => {
    const [post] = layoutImages([{ path: '_posts/my-post.md', images: two }], { kind: 'plain' });
    expect(post?.images.map((i) => [i.path, i.link])).toEqual([
      ['_posts/my-post-1.jpg', 'my-post-1.jpg'],
      ['_posts/my-post-2.png', 'my-post-2.png'],
    ]);
  });
});

describe('layoutImages: safety and identity', () => {
  it('gives one file to one id however often it appears, numbered by first appearance', () => {
    const [post] = layoutImages([{ path: '_posts/2022-01-01-a.md', images: [two[1]!, two[0]!, two[1]!] }], {
      kind: 'jekyll',
    });
    expect(post?.images.map((i) => [i.id, i.path])).toEqual([
      ['h2', 'assets/images/2022-01-01-a/1.png'],
      ['h1', 'assets/images/2022-01-01-a/2.jpg'],
    ]);
  });

  it('cleans hostile post paths and extensions before using them', () => {
    const placed = layoutImages(
      [
        { path: '../../etc/con.md', images: [{ id: 'x', ext: '../sh' }] },
        { path: 'C:\\Windows\\nul', images: [{ id: 'y', ext: 'PNG' }] },
      ],
      { kind: 'plain' },
    );
    expect(placed.map((p) => [p.path, p.images[0]?.path])).toEqual([
      ['etc/con_.md', 'etc/con_-1.bin'],
      ['C/Windows/nul_', 'C/Windows/nul_-1.png'],
    ]);
  });

  it('never hands an image a post path', () => {
    const placed = layoutImages(
      [
        { path: '_posts/a-1.jpg', images: [] },
        { path: '_posts/a.md', images: [{ id: 'x', ext: 'jpg' }] },
      ],
      { kind: 'plain' },
    );
    expect(placed[1]?.images[0]?.path).toBe('_posts/a-1-2.jpg');
  });
});

describe('imageLayoutKindOf and the templates', () => {
  it('maps every built-in template to its layout', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => [t.id, imageLayoutKindOf(t.id)])).toEqual([
      ['jekyll', 'jekyll'],
      ['hugo-yaml', 'hugo'],
      ['hugo-toml', 'hugo'],
      ['obsidian', 'obsidian'],
      ['markdown', 'plain'],
    ]);
    expect(imageLayoutKindOf('my-own-template')).toBe('plain');
  });

  it('derives from the same path the zip gives the post', () => {
    const draft: ClipDraft = {
      url: 'https://news.example.com/a',
      canonical: null,
      title: 'Driverless bus',
      byline: null,
      siteName: 'News',
      lang: 'en',
      dir: null,
      excerpt: null,
      image: null,
      keywords: [],
      published: { raw: '2022-02-17', source: 'meta', detail: 'x', parts: { year: 2022, month: 2, day: 17 } },
      modified: null,
      contentHtml: '',
      textContent: '',
      kind: 'article',
    };
    const ctx = { clippedAt: new Date(0), timeZone: 'UTC', slugMode: 'readable' as const };
    const paths = BUILT_IN_TEMPLATES.map((t) => {
      const post = renderPost(draft, 'x', t, ctx);
      const zipPath = postsToZipFiles([post])[0]?.path ?? '';
      const [placed] = layoutImages([{ path: zipPath, images: two.slice(0, 1) }], {
        kind: imageLayoutKindOf(t.id),
      });
      return [placed?.path, placed?.images[0]?.path];
    });
    expect(paths).toEqual([
      ['_posts/2022-02-17-driverless-bus.md', 'assets/images/2022-02-17-driverless-bus/1.jpg'],
      ['content/posts/driverless-bus/index.md', 'content/posts/driverless-bus/1.jpg'],
      ['content/posts/driverless-bus/index.md', 'content/posts/driverless-bus/1.jpg'],
      ['_posts/Driverless bus.md', '_posts/attachments/Driverless bus-1.jpg'],
      ['_posts/driverless-bus.md', '_posts/driverless-bus-1.jpg'],
    ]);
    expect(DEFAULT_POST_OPTIONS.slugMode).toBe('readable');
  });
});

describe('normalizeBaseurl', () => {
  it.each([
    ['', ''],
    ['/', ''],
    ['/blog', '/blog'],
    ['blog', '/blog'],
    ['/a//b/', '/a/b'],
    ['/a/../b', '/a/b'],
    ['\\evil\\path', '/evil/path'],
    ['/my%20site', '/my%20site'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBaseurl(input)).toBe(expected);
  });
});

describe('layoutImages with a layout per post', () => {
  it('lets a post whose site rule chose another template use that layout, names still unique', () => {
    const placed = layoutImages(
      [
        { path: '_posts/2022-01-01-a.md', images: two },
        { path: 'content/posts/a.md', images: two, kind: 'hugo' },
      ],
      { kind: 'jekyll' },
    );
    expect(placed.map((p) => [p.path, p.images[0]?.path])).toEqual([
      ['_posts/2022-01-01-a.md', 'assets/images/2022-01-01-a/1.jpg'],
      ['content/posts/a/index.md', 'content/posts/a/1.jpg'],
    ]);
  });
});

describe('links are valid Markdown destinations', () => {
  it('encodes parentheses, which encodeURIComponent leaves alone', () => {
    const [note] = layoutImages([{ path: 'Notes/Storm (update).md', images: two }], {
      kind: 'obsidian',
      obsidianLinks: 'relative',
    });
    expect(note?.images[0]?.link).toBe('attachments/Storm%20%28update%29-1.jpg');
    expect(normalizeBaseurl('/a(b)')).toBe('/a%28b%29');
  });
});
