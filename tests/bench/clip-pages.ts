// Benchmark pages for bench:clip: a typical news article and a 3.6 MB one, generated, never committed.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TYPICAL_TITLE = 'Harbour board opens a second ferry line across the bay';
export const LARGE_TITLE = 'The complete minutes of the harbour board, 1998 to 2024';
export const LARGE_PARAGRAPHS = 16_000;

const WORDS = (
  'the harbour board agreed on tuesday to open a second ferry line across the bay with boats every twenty ' +
  'minutes at rush hour a new pier beside the old fish market and cheaper tickets for students pensioners ' +
  'residents said the crossing would cut their commute by half while traders worried about parking and noise'
).split(' ');

/** Deterministic filler: paragraph `n` has `words` words, so runs and machines see the same page. */
function sentence(n: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(WORDS[(n * 7 + i * 13) % WORDS.length] ?? 'ferry');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function links(prefix: string, count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `<li><a href="/${prefix}/${i}">${prefix} ${i + 1}</a></li>`,
  ).join('');
}

/** What a news site wraps around its article: metadata, navigation, a sidebar, comments, a footer. */
function newsPage(title: string, articleBody: string): string {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: title,
    datePublished: '2024-03-18T09:30:00+08:00',
    dateModified: '2024-03-18T11:00:00+08:00',
    author: { '@type': 'Person', name: 'Lin Wei' },
    publisher: { '@type': 'Organization', name: 'Bay City Daily' },
  });
  const comments = Array.from(
    { length: 30 },
    (_, i) => `<li class="comment"><b>reader${i}</b><p>${sentence(i + 500, 25)}</p></li>`,
  ).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${title} | Bay City Daily</title>
<meta name="description" content="${sentence(1, 30)}">
<meta property="og:title" content="${title}"><meta property="og:site_name" content="Bay City Daily">
<meta property="article:published_time" content="2024-03-18T09:30:00+08:00">
<meta name="keywords" content="harbour, ferry, transport">
<script type="application/ld+json">${jsonLd}</script>
<style>body{font:16px/1.5 serif;margin:0}nav li{display:inline;margin:0 4px}.ad{height:250px}</style>
<script>window.siteConfig = ${JSON.stringify(Array.from({ length: 600 }, (_, i) => ({ slot: `ad-${i}`, size: [300, 250], targeting: { section: 'news', position: i } })))};</script>
</head><body>
<header class="site-header"><a href="/" class="logo">Bay City Daily</a><nav><ul>${links('section', 120)}</ul></nav></header>
<div class="ad">Advertisement</div>
<main><article class="story">
<h1>${title}</h1>
<p class="byline">By <a rel="author" href="/staff/lin-wei">Lin Wei</a> · <time datetime="2024-03-18T09:30:00+08:00">18 March 2024, 09:30</time></p>
${articleBody}
</article>
<aside class="related"><h2>Related</h2><ul>${links('story', 25)}</ul></aside>
<section class="comments"><h2>Comments</h2><ol>${comments}</ol></section></main>
<footer><ul>${links('about', 60)}</ul><p>© 2024 Bay City Daily</p></footer>
</body></html>`;
}

function typicalBody(): string {
  const parts: string[] = [];
  for (let i = 0; i < 14; i += 1) {
    if (i === 4)
      parts.push(
        '<figure><img src="/photo.svg" alt="The new pier"><figcaption>The new pier.</figcaption></figure>',
      );
    if (i === 9) parts.push('<h2>What changes for commuters</h2>');
    parts.push(`<p>${sentence(i, 90)}</p>`);
  }
  return parts.join('\n');
}

/** About 3.6 MB: 16,000 paragraphs of some 230 bytes, with a heading every 200. */
function largeBody(): string {
  const parts: string[] = [];
  for (let i = 0; i < LARGE_PARAGRAPHS; i += 1) {
    if (i % 200 === 0) parts.push(`<h2>Session ${i / 200 + 1}</h2>`);
    parts.push(`<p>${sentence(i, 38)}</p>`);
  }
  return parts.join('\n');
}

const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#8ab"/></svg>`;

export interface BenchPages {
  typical: { file: string; title: string; bytes: number };
  large: { file: string; title: string; bytes: number };
}

/** Writes typical.html, large.html and photo.svg into `dir`. */
export async function writeBenchPages(dir: string): Promise<BenchPages> {
  const typical = newsPage(TYPICAL_TITLE, typicalBody());
  const large = newsPage(LARGE_TITLE, largeBody());
  await writeFile(join(dir, 'typical.html'), typical);
  await writeFile(join(dir, 'large.html'), large);
  await writeFile(join(dir, 'photo.svg'), PHOTO);
  return {
    typical: { file: 'typical.html', title: TYPICAL_TITLE, bytes: Buffer.byteLength(typical) },
    large: { file: 'large.html', title: LARGE_TITLE, bytes: Buffer.byteLength(large) },
  };
}
