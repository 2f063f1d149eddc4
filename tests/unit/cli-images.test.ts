// The CLI twin's --images / --fetch-images: a page saved "Webpage, Complete" with its `_files/` folder, to a site.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../cli/clip';
import { EXIT_OK, EXIT_USAGE, main } from '../../cli/clip';
import type { KeptFiles } from '../../cli/images';
import { clipPagesWithImages, keepImages, toLocalPath } from '../../cli/images';
import { hashImageBytes } from '../../utils/pure/images/hash';
import { makeJpeg, makePng } from '../fixtures/images/tiny-images';

const PARAGRAPHS = [
  'Fishermen in Porthkennack spent the weekend hauling boats up the slipway as forecasters warned of gusts of up to 80 mph along the north coast.',
  'The harbour master, Tom Trelawny, said the town had not seen a season like it since 2014. "We had three boats sink at their moorings that year," he said.',
  'Sandbags have been handed out at the lifeboat station, and the council has opened the village hall as a rest centre for anyone whose home floods.',
  'The lifeboat crew trained twice last week. Coxswain Jenna Hocking said volunteers were ready, but asked people to keep away from the sea front.',
  'The Met Office said the storm would reach the coast late on Tuesday and clear by Thursday morning, with gusts easing by the afternoon.',
];
/** Chrome names the folder after the title; its `src` values keep the spaces. */
const FILES = 'Harbour towns brace _ The Coastal Courier_files';

/** A page as Chrome's "Save Page As… Webpage, Complete" leaves it: `saved from` comment, relative `src` into _files. */
function savedPage(pageUrl: string, remote: string): string {
  const p = PARAGRAPHS.map((text) => `<p>${text}</p>`);
  return `<!DOCTYPE html>
<!-- saved from url=(0077)${pageUrl} -->
<html lang="en-GB"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Harbour towns brace for the winter storms | The Coastal Courier</title>
<meta property="og:title" content="Harbour towns brace for the winter storms">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2023-11-20T06:30:00+00:00">
</head><body><main><article>
<h1>Harbour towns brace for the winter storms</h1>
<figure><img src="./${FILES}/harbour-800.jpg" srcset="./${FILES}/harbour-800.jpg 800w, ${remote}/harbour-1600.jpg 1600w" alt="Waves over the harbour wall" width="800" height="533"><figcaption>Waves over the harbour wall on Sunday.</figcaption></figure>
${p[0]}
<figure><img src="./${FILES}/slipway.png" alt="Boats on the slipway" width="640" height="427"></figure>
${p[1]}
<p><img src="./${FILES}/chart.svg" alt="Tide chart" width="600" height="300"></p>
${p[2]}
<p><img src="./${FILES}/error.jpg" alt="Gone" width="600" height="300"></p>
<p><img src="${remote}/lifeboat.jpg" alt="The lifeboat crew" width="900" height="600"></p>
${p[3]}
<p><img src="./${FILES}/escape.png" alt="A link out" width="500" height="500"></p>
<p><img src="./${FILES}/slipway-copy.png" alt="The slipway again" width="640" height="427"></p>
${p[4]}
</article></main></body></html>`;
}

interface SavedSite {
  dir: string;
  html: string;
  jpeg: Uint8Array;
  png: Uint8Array;
}

function writeSavedPage(pageUrl: string, remote: string): SavedSite {
  const dir = mkdtempSync(join(tmpdir(), 'postclip-images-'));
  const html = join(dir, 'Harbour towns brace _ The Coastal Courier.html');
  writeFileSync(html, savedPage(pageUrl, remote));
  const files = join(dir, FILES);
  mkdirSync(files);
  const jpeg = makeJpeg('harbour');
  const png = makePng(4, 3);
  writeFileSync(join(files, 'harbour-800.jpg'), jpeg);
  writeFileSync(join(files, 'slipway.png'), png);
  writeFileSync(join(files, 'slipway-copy.png'), png);
  writeFileSync(
    join(files, 'chart.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  );
  writeFileSync(join(files, 'error.jpg'), '<!DOCTYPE html><html><body>404</body></html>');
  // A link that leads out of the page's folder must not be followed.
  const outside = mkdtempSync(join(tmpdir(), 'postclip-outside-'));
  writeFileSync(join(outside, 'secret.png'), makePng(2, 2, [1, 2, 3]));
  symlinkSync(join(outside, 'secret.png'), join(files, 'escape.png'));
  return { dir, html, jpeg, png };
}

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

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => /\.\w+$/.test(name))
    .map((name) => name.split('\\').join('/'))
    .sort();
}

const PAGE_URL = 'https://www.coastalcourier.example/news/2023/nov/20/harbour-towns-winter-storms';
const REMOTE = 'https://cdn.coastalcourier.example/2023/11';
const POST = '_posts/2023-11-20-harbour-towns-brace-for-the-winter-storms.md';

describe('--images with a saved page', () => {
  it('writes the post and its local images in the Jekyll layout, links rewritten, nothing fetched', async () => {
    const site = writeSavedPage(PAGE_URL, REMOTE);
    const out = join(site.dir, 'site');
    const io = captureIo();
    const code = await main(['--images', '--out', out, '--url', PAGE_URL, site.html], io);
    expect(code).toBe(EXIT_OK);
    expect(listFiles(out)).toEqual(
      [
        POST,
        'assets/images/2023-11-20-harbour-towns-brace-for-the-winter-storms/1.jpg',
        'assets/images/2023-11-20-harbour-towns-brace-for-the-winter-storms/2.png',
      ].sort(),
    );
    const folder = join(out, 'assets/images/2023-11-20-harbour-towns-brace-for-the-winter-storms');
    expect(new Uint8Array(readFileSync(join(folder, '1.jpg')))).toEqual(site.jpeg);
    expect(new Uint8Array(readFileSync(join(folder, '2.png')))).toEqual(site.png);
    const post = readFileSync(join(out, POST), 'utf8');
    const link = '/assets/images/2023-11-20-harbour-towns-brace-for-the-winter-storms';
    expect(post).toContain(`![Waves over the harbour wall](${link}/1.jpg)`);
    expect(post).toContain(`![Boats on the slipway](${link}/2.png)`);
    // The same bytes under another name are one file, linked twice.
    expect(post).toContain(`![The slipway again](${link}/2.png)`);
    // Refused or remote images keep their URLs.
    expect(post).toContain(`![The lifeboat crew](${REMOTE}/lifeboat.jpg)`);
    expect(post).toMatch(/!\[Tide chart\]\(https:\/\/www\.coastalcourier\.example\/\S+chart\.svg\)/);
    expect(post).toMatch(/!\[A link out\]\(https:\/\/\S+escape\.png\)/);
    // Kept: harbour, slipway (twice, one file). Remote: the SVG, the HTML error page, the CDN image, the link out.
    expect(io.err).toContain('3 images kept, 4 remote (1 svg, 1 html, 2 not-local)');
  });

  it('lays out a Hugo page bundle and Obsidian attachments from the same page', async () => {
    const site = writeSavedPage(PAGE_URL, REMOTE);
    const hugo = join(site.dir, 'hugo');
    expect(
      await main(
        ['--images', '--template', 'hugo-yaml', '--out', hugo, '--url', PAGE_URL, site.html],
        captureIo(),
      ),
    ).toBe(EXIT_OK);
    const bundle = 'content/posts/harbour-towns-brace-for-the-winter-storms';
    expect(listFiles(hugo)).toEqual([`${bundle}/1.jpg`, `${bundle}/2.png`, `${bundle}/index.md`]);
    expect(readFileSync(join(hugo, bundle, 'index.md'), 'utf8')).toContain('![Boats on the slipway](2.png)');

    const vault = join(site.dir, 'vault');
    expect(
      await main(
        ['--images', '--template', 'obsidian', '--out', vault, '--url', PAGE_URL, site.html],
        captureIo(),
      ),
    ).toBe(EXIT_OK);
    const note = readFileSync(join(vault, '_posts/Harbour towns brace for the winter storms.md'), 'utf8');
    expect(note).toContain('![[Harbour towns brace for the winter storms-2.png|Boats on the slipway]]');
    expect(listFiles(vault)).toContain('_posts/attachments/Harbour towns brace for the winter storms-1.jpg');
  });

  it('prefixes Jekyll links with --baseurl', async () => {
    const site = writeSavedPage(PAGE_URL, REMOTE);
    const out = join(site.dir, 'site');
    await main(
      ['--images', '--baseurl', '/courier', '--out', out, '--url', PAGE_URL, site.html],
      captureIo(),
    );
    expect(readFileSync(join(out, POST), 'utf8')).toContain(
      '](/courier/assets/images/2023-11-20-harbour-towns-brace-for-the-winter-storms/1.jpg)',
    );
  });

  it('clips the bundled sample with --images too, its remote images left as they are', async () => {
    const out = mkdtempSync(join(tmpdir(), 'postclip-sample-'));
    const io = captureIo();
    expect(await main(['--images', '--out', out], io)).toBe(EXIT_OK);
    const [post] = listFiles(out);
    expect(post).toMatch(/^_posts\/\d{4}-\d{2}-\d{2}-.+\.md$/);
    expect(io.err).toMatch(/wrote .+: 0 images kept/);
  });

  it('wants --out', async () => {
    const io = captureIo();
    expect(await main(['--images', 'page.html'], io)).toBe(EXIT_USAGE);
    expect(io.err).toContain('--images writes files: give --out DIR');
  });
});

describe('keepImages', () => {
  it('decodes data: images in place, checks their type and keeps equal bytes once', async () => {
    const png = makePng(3, 3);
    const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    const svg = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"/>')}`;
    const files: KeptFiles = new Map();
    const { outcomes } = await keepImages(
      [
        { url: dataUrl, alt: 'a', originalUrl: dataUrl },
        { url: svg, alt: 'b', originalUrl: svg },
        { url: dataUrl, alt: 'c', originalUrl: 'elsewhere' },
      ],
      { url: 'https://x.example/a.html', htmlDir: tmpdir() },
      { out: tmpdir(), fetchImages: false, baseurl: '' },
      files,
    );
    const hash = await hashImageBytes(png);
    expect(outcomes).toEqual([
      { url: dataUrl, originalUrl: dataUrl, status: 'kept', hash, ext: 'png', size: png.length },
      { url: svg, originalUrl: svg, status: 'remote', reason: 'svg' },
      { url: dataUrl, originalUrl: 'elsewhere', status: 'kept', hash, ext: 'png', size: png.length },
    ]);
    expect([...files.keys()]).toEqual([hash]);
  });
});

describe('toLocalPath', () => {
  const dir = join(tmpdir(), 'saved');
  it.each([
    ['https://x.example/a/page_files/p.jpg', join(dir, 'page_files', 'p.jpg')],
    ['https://x.example/a/My%20page_files/p%20q.jpg', join(dir, 'My page_files', 'p q.jpg')],
    ['https://x.example/a/p.jpg', join(dir, 'p.jpg')],
  ])('%s is %s', (url, path) => {
    expect(toLocalPath(url, 'https://x.example/a/page.html', dir)).toBe(path);
  });

  it.each([
    'https://x.example/b/p.jpg',
    'https://other.example/a/p.jpg',
    'https://x.example/a/p.jpg?w=800',
    'https://x.example/a/%2e%2e/%2e%2e/etc/passwd',
    'https://x.example/a/..%2f..%2fetc/passwd',
    'https://x.example/a/x%5C..%5C..%5Cp',
    'https://x.example/a/p%00.jpg',
    'https://x.example/a/',
    'not a url',
  ])('refuses %s', (url) => {
    expect(toLocalPath(url, 'https://x.example/a/page.html', dir)).toBeNull();
  });
});

describe('--fetch-images', () => {
  let base = '';
  const requests: { url: string; referer: string | undefined }[] = [];
  const big = new Uint8Array(4096);
  big.set(makeJpeg('big'));
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', referer: req.headers.referer });
    const isPage = req.headers.referer?.startsWith(`${base}/news/`) ?? false;
    if (req.url === '/cdn/lifeboat.jpg' && isPage) {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(makeJpeg('lifeboat'));
    } else if (req.url === '/cdn/harbour-1600.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' }).end(big);
    } else {
      res.writeHead(403).end('hotlinking forbidden');
    }
  });

  beforeAll(async () => {
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('never touches the network without it', async () => {
    requests.length = 0;
    const pageUrl = `${base}/news/harbour.html`;
    const site = writeSavedPage(pageUrl, `${base}/cdn`);
    await main(['--images', '--out', join(site.dir, 'site'), '--url', pageUrl, site.html], captureIo());
    expect(requests).toEqual([]);
  });

  it('downloads what has no local copy, with the page as Referer, under the same caps', async () => {
    requests.length = 0;
    const pageUrl = `${base}/news/harbour.html`;
    const site = writeSavedPage(pageUrl, `${base}/cdn`);
    const out = join(site.dir, 'site');
    const io = captureIo();
    const written = await clipPagesWithImages(
      [{ file: site.html, path: site.html, url: pageUrl }],
      { timeZone: 'UTC' },
      { out, fetchImages: true, baseurl: '', caps: { perImage: 2048, perClip: 1_000_000 } },
      io,
    );
    expect(written).toBe(1);
    const lifeboat = requests.find((r) => r.url === '/cdn/lifeboat.jpg');
    expect(lifeboat?.referer).toBe(pageUrl);
    const files = listFiles(out);
    expect(files).toContain('assets/images/2023-11-20-harbour-towns-brace-for-the-winter-storms/3.jpg');
    const fetched = readFileSync(
      join(out, 'assets/images/2023-11-20-harbour-towns-brace-for-the-winter-storms/3.jpg'),
    );
    expect(new Uint8Array(fetched)).toEqual(makeJpeg('lifeboat'));
    // The harbour's 1600w candidate is remote, but the file the page showed is saved locally: that one is kept.
    expect(
      new Uint8Array(
        readFileSync(join(out, 'assets/images/2023-11-20-harbour-towns-brace-for-the-winter-storms/1.jpg')),
      ),
    ).toEqual(site.jpeg);
    // Nothing outside --out, and every link in the post resolves to a file written.
    const post = readFileSync(join(out, POST), 'utf8');
    for (const m of post.matchAll(/\]\((\/assets\/[^)]+)\)/g)) {
      expect(files).toContain(decodeURIComponent(m[1]!.slice(1)));
    }
    expect(relative(out, join(out, POST)).startsWith('..')).toBe(false);
  });

  it('refuses downloads over the per-image cap and hotlinks the server turns away', async () => {
    const pageUrl = `${base}/news/harbour.html`;
    const site = writeSavedPage(pageUrl, `${base}/cdn`);
    const io = captureIo();
    const tiny = { perImage: 100, perClip: 1_000_000 };
    await clipPagesWithImages(
      [{ file: site.html, path: site.html, url: pageUrl }],
      { timeZone: 'UTC' },
      { out: join(site.dir, 'tiny'), fetchImages: true, baseurl: '', caps: tiny },
      io,
    );
    // The JPEGs (local harbour, downloaded lifeboat) are over 100 bytes; the tiny PNGs are not.
    expect(io.err).toContain('2 images kept, 5 remote (2 image-too-large, 1 svg, 1 html, 1 not-local)');
    const otherPage = `${base}/elsewhere/harbour.html`;
    const io2 = captureIo();
    await clipPagesWithImages(
      [{ file: site.html, path: site.html, url: otherPage }],
      { timeZone: 'UTC' },
      { out: join(site.dir, 'refused'), fetchImages: true, baseurl: '' },
      io2,
    );
    expect(io2.err).toContain('fetch-failed');
  });
});
