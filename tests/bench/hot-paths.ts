// Times the hot paths whose unit tests once carried wall-clock asserts: `npx tsx tests/bench/hot-paths.ts`.
// Prints numbers only; the unit tests check the results (a quadratic slide there shows as a timeout).
import { parseHTML } from 'linkedom';
import { performance } from 'node:perf_hooks';
import { toMarkdown } from '../../utils/dom/markdown';
import { toPostFilename, uniqueFilenames } from '../../utils/pure/filename';
import { isGlobMatch } from '../../utils/pure/rule-match';

function time(label: string, run: () => number): void {
  const started = performance.now();
  const size = run();
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms (output ${size})`);
}

const chunk =
  '<h2>小标题 Section</h2><p>这是一个很长的中文段落，包含<a href="/link?a=1">链接</a>和<strong>粗体</strong>。English text with <code>code</code> and words_here.</p>' +
  `<p>${'新华社北京电 记者从国家统计局获悉，经济运行总体平稳。'.repeat(8)}</p>` +
  '<ul><li>item <a href="https://x.example/a">one</a></li><li>two</li></ul><figure><img data-src="/a.jpg"><figcaption>图说</figcaption></figure>' +
  '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table><pre><code class="language-js">const x = 1;</code></pre>';
const html = chunk.repeat(Math.ceil(2_000_000 / chunk.length));
const { document } = parseHTML(
  `<!doctype html><html><head></head><body><div id="root">${html}</div></body></html>`,
);
const root = document.querySelector('#root');
if (!root) throw new Error('no #root');
time('toMarkdown, 2 MB article (linkedom)', () => toMarkdown(root, 'https://news.example.com/a.html').length);

const name = toPostFilename('2024-03-18', '长'.repeat(70));
time(
  'uniqueFilenames, 1,000 copies of one long name',
  () => uniqueFilenames(Array.from({ length: 1_000 }, () => name)).length,
);

const hostile = `${'*a'.repeat(100)}*`;
time(
  'isGlobMatch, hostile glob on 4,198 characters',
  () =>
    Number(isGlobMatch(hostile, 'a'.repeat(150))) +
    Number(isGlobMatch(hostile, `${'ab'.repeat(99)}${'b'.repeat(4000)}`)),
);
