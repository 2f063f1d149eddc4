// Fuzz properties of the image engine: the type sniffer and the export path builder. Run at `npm test` size by
// tests/unit/image-fuzz.test.ts and at benchmark size by tests/bench/fuzz.ts, like tests/fuzz/properties.ts.
import fc from 'fast-check';
import type { ImageLayoutKind } from '../../utils/pure/images/layout';
import { layoutImages } from '../../utils/pure/images/layout';
import { rewriteImageLinks } from '../../utils/pure/images/rewrite';
import type { ImageType } from '../../utils/pure/images/sniff';
import { sniffImageType } from '../../utils/pure/images/sniff';
import { postsToZipFiles } from '../../utils/pure/zip';
import type { FuzzProperty } from './properties';
import { demandSafePath, demandUnique, hostileText } from './properties';

function define<Ts extends [unknown, ...unknown[]]>(name: string, property: fc.IProperty<Ts>): FuzzProperty {
  return {
    name,
    check: (params) => fc.check(property, params as fc.Parameters<Ts>) as unknown as fc.RunDetails<unknown>,
  };
}

function demand(isTrue: boolean, message: string): asserts isTrue {
  if (!isTrue) throw new Error(message);
}

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

/** An independent reading of each signature: what must hold for the sniffer to say `type`. */
export function hasSignature(bytes: Uint8Array, type: ImageType): boolean {
  switch (type) {
    case 'jpeg':
      return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case 'png':
      return ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n';
    case 'gif':
      return ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a';
    case 'webp':
      return ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP';
    case 'avif': {
      if (ascii(bytes, 4, 4) !== 'ftyp') return false;
      const brands = [ascii(bytes, 8, 4)];
      for (let at = 16; at + 4 <= bytes.length; at += 4) brands.push(ascii(bytes, at, 4));
      return brands.includes('avif') || brands.includes('avis');
    }
  }
}

const SIGNATURES: [ImageType, number[]][] = [
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['gif', Array.from('GIF89a', (c) => c.charCodeAt(0))],
  ['webp', Array.from('RIFF\0\0\0\0WEBP', (c) => c.charCodeAt(0))],
  ['avif', Array.from('\0\0\0\x1cftypavif', (c) => c.charCodeAt(0))],
];

const sniffRandom = define(
  'image sniffer: never throws on random bytes, and accepts only bytes that carry the signature it names',
  fc.property(fc.uint8Array({ maxLength: 96 }), (bytes) => {
    const result = sniffImageType(bytes);
    if (result.ok)
      demand(hasSignature(bytes, result.type), `said ${result.type} for ${Array.from(bytes).join(',')}`);
  }),
);

const sniffSigned = define(
  'image sniffer: a signature followed by anything is that type; markup is never an image',
  fc.property(
    fc.constantFrom(...SIGNATURES),
    fc.uint8Array({ maxLength: 64 }),
    hostileText(40),
    (signature, tail, text) => {
      const [type, head] = signature;
      const bytes = Uint8Array.from([...head, ...tail]);
      const result = sniffImageType(bytes);
      demand(result.ok && result.type === type, `${type} signature read as ${JSON.stringify(result)}`);
      for (const markup of [`<svg>${text}`, `<?xml version="1.0"?>${text}<svg/>`, `<!DOCTYPE html>${text}`]) {
        const sniffed = sniffImageType(new TextEncoder().encode(markup));
        demand(!sniffed.ok, `markup accepted as ${JSON.stringify(sniffed)}: ${JSON.stringify(markup)}`);
      }
    },
  ),
);

const KINDS: ImageLayoutKind[] = ['jekyll', 'hugo', 'obsidian', 'plain'];
const POST_PATH = fc.oneof(
  fc.constantFrom(
    '_posts/2024-01-01-news.md',
    '_posts/2024-01-01-NEWS.md',
    '_posts/archive/2024-01-01-news.md',
    'content/posts/news.md',
    'content/posts/news/index.md',
    '_posts/news-1.jpg',
    '_posts/attachments/news-1.jpg',
    'assets/images/2024-01-01-news/1.jpg',
    '../../etc/passwd',
    '/abs/olute.md',
    'C:\\Windows\\con.md',
    'a/./b/../c.md',
    'nul',
    '',
    '..',
  ),
  hostileText(40),
  fc.array(hostileText(12), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/')),
);
const IMAGE = fc.record({
  id: fc.constantFrom('h1', 'h2', 'h3', 'h4', '__proto__', 'constructor'),
  ext: fc.oneof(fc.constantFrom('jpg', 'png', 'webp', 'avif', 'gif'), hostileText(8)),
});
// Post paths as the export gives them: through postsToZipFiles, so two posts never share one.
const POSTS = fc
  .array(
    fc.record({
      path: POST_PATH,
      images: fc.array(IMAGE, { maxLength: 6 }),
      kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined }),
    }),
    { maxLength: 12 },
  )
  .map((posts) => {
    const zipped = postsToZipFiles(posts.map((p) => ({ filename: p.path, content: '' })));
    return posts.map((p, i) => ({ ...p, path: zipped[i]?.path ?? p.path }));
  })
  // The zip can give one post `a/b` and another `a/b/c` (a file that is also a folder): its own bug, not judged here.
  .filter((posts) => {
    const paths = new Set(posts.map((p) => p.path.toLowerCase()));
    return posts.every(
      (p) =>
        !p.path
          .toLowerCase()
          .split('/')
          .slice(0, -1)
          .some((_, k, parts) => paths.has(parts.slice(0, k + 1).join('/'))),
    );
  });

const layoutSafe = define(
  'image paths: never leave the export folder (.., absolute, backslash, NUL, reserved names); unique across the export',
  fc.property(
    POSTS,
    fc.constantFrom(...KINDS),
    hostileText(16),
    fc.constantFrom<'embed' | 'relative'>('embed', 'relative'),
    (posts, kind, baseurl, obsidianLinks) => {
      const placed = layoutImages(posts, { kind, baseurl, obsidianLinks });
      demand(placed.length === posts.length, `${placed.length} placed for ${posts.length} posts`);
      const all: string[] = [];
      placed.forEach((post, i) => {
        demandSafePath(post.path);
        all.push(post.path);
        const ids = new Set(posts[i]?.images.map((image) => image.id));
        demand(
          post.images.length === ids.size,
          `${post.images.length} files for ${ids.size} distinct images`,
        );
        for (const image of post.images) {
          demandSafePath(image.path);
          all.push(image.path);
          demand(
            !/[\s()<>]/.test(image.link) || post.linkStyle === 'embed',
            `raw link ${JSON.stringify(image.link)}`,
          );
          demand(!image.link.split('/').includes('..'), `link climbs: ${JSON.stringify(image.link)}`);
        }
      });
      // No two files (posts or images) share a path on a case-insensitive disk.
      demandUnique(all);
      // No image is a folder of another file, and no image sits inside a file.
      const images = placed.flatMap((post) => post.images.map((image) => image.path.toLowerCase()));
      const files = new Set(all.map((p) => p.toLowerCase()));
      const foldersOf = (path: string): string[] =>
        path
          .split('/')
          .slice(0, -1)
          .map((_, k, parts) => parts.slice(0, k + 1).join('/'));
      const folders = new Set(all.flatMap((p) => foldersOf(p.toLowerCase())));
      for (const image of images) {
        demand(!folders.has(image), `image ${JSON.stringify(image)} is also a folder`);
        for (const folder of foldersOf(image)) demand(!files.has(folder), `image inside the file ${folder}`);
      }
    },
  ),
);

const URL_1 = 'https://a.example/1.jpg';

const rewriteStable = define(
  'image link rewriting: never throws, unchanged without targets, and an image after a paragraph break is rewritten',
  fc.property(
    hostileText(80),
    fc.constantFrom<'markdown' | 'embed'>('markdown', 'embed'),
    (md, linkStyle) => {
      demand(rewriteImageLinks(md, new Map(), { linkStyle }) === md, 'changed without targets');
      const out = rewriteImageLinks(`${md}\n\n![x](${URL_1})`, new Map([[URL_1, 'L.jpg']]), { linkStyle });
      // Only an unclosed code fence in the text before may keep the image from being rewritten.
      const isRewritten = !out.includes(`(${URL_1})`);
      demand(isRewritten || /`{3}|~{3}/.test(md), `not rewritten: ${JSON.stringify(out)}`);
      demand(out.startsWith(md), `the text before changed: ${JSON.stringify(out)}`);
    },
  ),
);

export const IMAGE_FUZZ_PROPERTIES: FuzzProperty[] = [sniffRandom, sniffSigned, layoutSafe, rewriteStable];
