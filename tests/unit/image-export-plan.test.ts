import { describe, expect, it } from 'vitest';
import { planEachImageExport, planImageExport } from '../../utils/pure/images/export-plan';
import { rewriteImageLinks } from '../../utils/pure/images/rewrite';
import type { ImageOutcome } from '../../utils/pure/images/types';

const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
const kept = (url: string, hash: string, ext: string, originalUrl: string | null = url): ImageOutcome => ({
  url,
  originalUrl,
  status: 'kept',
  hash,
  ext,
  size: 100,
});

describe('planImageExport', () => {
  const outcomes: ImageOutcome[] = [
    kept('https://x/a-1600.jpg', H1, 'jpg', 'https://x/a-800.jpg'),
    { url: 'https://cdn/b.png', originalUrl: 'https://cdn/b.png', status: 'remote', reason: 'no-permission' },
    kept('https://x/c.webp', H2, 'webp'),
    kept('https://x/a-copy.jpg', H1, 'jpg'),
    kept('https://x/lead.jpg', H2, 'webp', null),
  ];

  it('maps each stored Markdown URL of a kept image to its file; remote images and the lead keep theirs', () => {
    const [plan] = planImageExport([{ path: '_posts/2024-03-01-x.md', outcomes }], { kind: 'jekyll' });
    expect(plan?.images.map((i) => i.path)).toEqual([
      'assets/images/2024-03-01-x/1.jpg',
      'assets/images/2024-03-01-x/2.webp',
    ]);
    expect([...(plan?.targets ?? [])]).toEqual([
      ['https://x/a-800.jpg', '/assets/images/2024-03-01-x/1.jpg'],
      ['https://x/c.webp', '/assets/images/2024-03-01-x/2.webp'],
      ['https://x/a-copy.jpg', '/assets/images/2024-03-01-x/1.jpg'],
    ]);
    const markdown = '![a](https://x/a-800.jpg)\n\n![b](https://cdn/b.png)\n\n![c](https://x/a-copy.jpg)';
    expect(
      rewriteImageLinks(markdown, plan?.targets ?? new Map(), { linkStyle: plan?.linkStyle ?? 'markdown' }),
    ).toBe(
      '![a](/assets/images/2024-03-01-x/1.jpg)\n\n![b](https://cdn/b.png)\n\n![c](/assets/images/2024-03-01-x/1.jpg)',
    );
  });

  it('follows the template: the same clip as an Obsidian note embeds its attachments', () => {
    const [plan] = planImageExport([{ path: '_posts/X.md', outcomes, kind: 'obsidian' }], { kind: 'jekyll' });
    expect(plan?.linkStyle).toBe('embed');
    expect(plan?.targets.get('https://x/c.webp')).toBe('X-2.webp');
  });

  it('leaves a post whose images all stayed remote as it was', () => {
    const remote: ImageOutcome[] = [
      { url: 'https://cdn/b.png', originalUrl: 'https://cdn/b.png', status: 'remote', reason: 'svg' },
    ];
    const [plan] = planImageExport([{ path: 'content/posts/x.md', outcomes: remote }], { kind: 'hugo' });
    expect(plan).toEqual({
      path: 'content/posts/x.md',
      linkStyle: 'markdown',
      images: [],
      targets: new Map(),
    });
  });
});

describe('planEachImageExport', () => {
  it('gives the same plans as planImageExport, one post per step, so an export can pause between posts', () => {
    const posts = Array.from({ length: 30 }, (_, n) => ({
      // Obsidian attachments share one name space: names taken by earlier posts must carry over between steps.
      path: `notes/${n}/2024-03-01-story.md`,
      kind: (['jekyll', 'hugo', 'obsidian'] as const)[n % 3],
      outcomes: [kept(`https://x/${n}.jpg`, String(n % 7).repeat(64), 'jpg')],
    }));
    const steps = planEachImageExport(posts, { kind: 'plain' });
    const first = steps.next();
    expect(first.done).toBe(false);
    const stepped = [first.value, ...steps];
    expect(stepped).toEqual(planImageExport(posts, { kind: 'plain' }));
    const paths = stepped.flatMap((p) => (p ? [p.path, ...p.images.map((i) => i.path)] : []));
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
    const obsidian = stepped.flatMap((p) => (p?.linkStyle === 'embed' ? p.images.map((i) => i.link) : []));
    expect(obsidian.length).toBe(10);
    expect(new Set(obsidian).size).toBe(10);
  });
});
