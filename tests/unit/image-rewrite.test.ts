import { describe, expect, it } from 'vitest';
import { rewriteImageLinks } from '../../utils/pure/images/rewrite';

const A = 'https://news.example.com/media/a-600.jpg';
const B = 'https://cdn.example.net/b%20(1).png';
const targets = new Map([
  [A, '/assets/images/2022-02-17-x/1.jpg'],
  [B, '/assets/images/2022-02-17-x/2.png'],
]);

describe('rewriteImageLinks', () => {
  it('points inline images at their files and keeps alt text and titles', () => {
    const md = `Intro.\n\n![A lighthouse \\[1\\]](${A})\n\nText ![b](${B} "The title") more.`;
    expect(rewriteImageLinks(md, targets)).toBe(
      'Intro.\n\n![A lighthouse \\[1\\]](/assets/images/2022-02-17-x/1.jpg)\n\n' +
        'Text ![b](/assets/images/2022-02-17-x/2.png "The title") more.',
    );
  });

  it('reads destinations in angle brackets and titles in any quoting', () => {
    const md = `![x](<${A}> 'single') ![y](${A} (paren))`;
    expect(rewriteImageLinks(md, targets)).toBe(
      "![x](/assets/images/2022-02-17-x/1.jpg 'single') ![y](/assets/images/2022-02-17-x/1.jpg (paren))",
    );
  });

  it('leaves images that stayed remote, and plain links to the same URL, alone', () => {
    const md = `![kept](${A}) ![remote](https://elsewhere.example/c.jpg) [full size](${A})`;
    expect(rewriteImageLinks(md, targets)).toBe(
      `![kept](/assets/images/2022-02-17-x/1.jpg) ![remote](https://elsewhere.example/c.jpg) [full size](${A})`,
    );
  });

  it('rewrites an image inside a link but not the link', () => {
    const md = `[![photo](${A})](https://news.example.com/gallery)`;
    expect(rewriteImageLinks(md, targets)).toBe(
      '[![photo](/assets/images/2022-02-17-x/1.jpg)](https://news.example.com/gallery)',
    );
  });

  it('turns reference-style images inline and keeps the definition for links that share it', () => {
    const md = `![one][1] and ![Two][] and ![two]\n\n[see][1]\n\n[1]: ${A}\n[two]: <${B}> "t"`;
    expect(rewriteImageLinks(md, targets)).toBe(
      '![one](/assets/images/2022-02-17-x/1.jpg) and ![Two](/assets/images/2022-02-17-x/2.png) and ' +
        `![two](/assets/images/2022-02-17-x/2.png)\n\n[see][1]\n\n[1]: ${A}\n[two]: <${B}> "t"`,
    );
  });

  it('writes Obsidian embeds, with safe alt text only', () => {
    const embed = new Map([
      [A, 'Note-1.jpg'],
      [B, 'Note-2.png'],
    ]);
    const md = `![A [bracketed] | piped alt](${A})\n![300x200](${B})\n![](${A})`;
    expect(rewriteImageLinks(md, embed, { linkStyle: 'embed' })).toBe(
      '![[Note-1.jpg|A bracketed piped alt]]\n![[Note-2.png]]\n![[Note-1.jpg]]',
    );
  });

  it('rewrites Obsidian embeds that name an original URL', () => {
    const md = `![[${A}]] ![[${A}|caption]] ![[Other note]]`;
    expect(rewriteImageLinks(md, new Map([[A, 'Note-1.jpg']]), { linkStyle: 'embed' })).toBe(
      '![[Note-1.jpg]] ![[Note-1.jpg|caption]] ![[Other note]]',
    );
    expect(rewriteImageLinks(`![[${A}|caption]]`, targets)).toBe(
      '![caption](/assets/images/2022-02-17-x/1.jpg)',
    );
  });

  it('never touches fenced code, code spans or escaped image syntax', () => {
    const md = [
      '```md',
      `![in fence](${A})`,
      '```',
      `\`![in span](${A})\` and \`\`a \` ![also](${A})\`\``,
      `\\![escaped](${A})`,
      '- ~~~',
      `  ![in list fence](${A})`,
      '  ~~~',
      `![after](${A})`,
    ].join('\n');
    const out = rewriteImageLinks(md, targets).split('\n');
    expect(out.slice(0, 8)).toEqual(md.split('\n').slice(0, 8));
    expect(out[8]).toBe('![after](/assets/images/2022-02-17-x/1.jpg)');
  });

  it('treats an unclosed backtick as text', () => {
    expect(rewriteImageLinks(`a \` b ![x](${A})`, targets)).toBe(
      'a ` b ![x](/assets/images/2022-02-17-x/1.jpg)',
    );
  });

  it('keeps CRLF line ends and returns the Markdown untouched when nothing is kept', () => {
    const md = `![x](${A})\r\n\r\ntext`;
    expect(rewriteImageLinks(md, targets)).toBe('![x](/assets/images/2022-02-17-x/1.jpg)\r\n\r\ntext');
    expect(rewriteImageLinks(md, new Map())).toBe(md);
  });

  it('reads destinations with balanced parentheses and escapes', () => {
    const url = 'https://x.example/p_(big).jpg';
    expect(rewriteImageLinks(`![w](${url})`, new Map([[url, 'a.jpg']]))).toBe('![w](a.jpg)');
  });
});

describe('rewriteImageLinks edge cases', () => {
  it('reads an alt that starts with a bracket as an image, not an embed', () => {
    expect(rewriteImageLinks(`![[a]](${A})`, targets)).toBe('![[a]](/assets/images/2022-02-17-x/1.jpg)');
  });
});
