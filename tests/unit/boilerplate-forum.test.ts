// Reader forums and comment lists, on pages written for the test: a German local paper's forum inside the story's
// container, a Chinese portal's comment box, and a live blog whose timed entries are the article.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { removeForums } from '../../utils/dom/boilerplate-forum';

const STORY = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Absatz ${i + 1}: Die Stadtwerke wollen das Netz bis 2030 deutlich ausbauen, sagte der Vorstand am Dienstag bei der Vorstellung der Zahlen, und die Opposition widerspricht.</p>`,
).join('');

function bodyOf(html: string): HTMLElement {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

const text = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ');

describe('removeForums', () => {
  it('drops a forum with its heading, rules and postings, keeping the story beside it', () => {
    const body = bodyOf(`<div class="inhalt"><div class="text">${STORY}</div>
      <div class="diskussion"><h2>Forum: 3 Postings</h2><p>Ihre Meinung zählt. Bitte bleiben Sie sachlich.</p>
        <div class="p"><span>Leserin_1</span> <span>vor 2 Stunden</span><p>Endlich passiert etwas.</p><a href="#">Antworten</a></div>
        <div class="p"><span>Pendler</span> <span>gestern</span><p>Die Baustellen werden lästig.</p><a href="#">Antworten</a></div>
        <div class="p"><span>Nachbar</span> <span>07.10.2026, 09:12</span><p>Wer zahlt das?</p><a href="#">Antworten</a></div>
      </div></div>`);
    removeForums(body);
    expect(text(body)).not.toMatch(/Forum|Postings|Ihre Meinung|Leserin_1|Antworten/);
    expect(text(body)).toContain('Absatz 6');
  });

  it('drops a comment list whose heading counts the comments', () => {
    const body = bodyOf(`<div class="wrap"><div class="text">${STORY}</div>
      <div class="comment-box"><h3>评论（2）</h3><ul>
        <li><b>江城小王</b> <i>5分钟前</i><p>我家楼下的市场什么时候也改一改？</p></li>
        <li><b>晴天</b> <i>3小时前</i><p>电子价签好。</p></li></ul></div></div>`);
    removeForums(body);
    expect(text(body)).not.toMatch(/评论|江城小王|晴天/);
    expect(text(body)).toContain('Absatz 1');
  });

  it('keeps a live blog: its timed entries are most of the page', () => {
    const entries = Array.from(
      { length: 4 },
      (_, i) =>
        `<div class="entry"><span>Reporter ${i}</span> <time>1${i}:05</time><p>Die Polizei hat die Brücke wieder freigegeben, der Verkehr fließt langsam, teilte die Stadt mit. Eintrag ${i}.</p><a href="#">Teilen</a></div>`,
    ).join('');
    const body = bodyOf(`<div class="liveblog">${entries}</div><p>Mehr dazu später.</p>`);
    removeForums(body);
    expect(text(body)).toContain('Eintrag 3');
  });

  it('keeps a list of dated items with no sign of discussion', () => {
    const body = bodyOf(`<div class="text">${STORY}</div><div class="timeline">
      <div class="row"><span>Gründung</span> <span>1998</span><p>Die Stadtwerke entstehen.</p></div>
      <div class="row"><span>Ausbau</span> <span>2012</span><p>Das Netz wächst.</p></div></div>`);
    removeForums(body);
    expect(text(body)).toContain('Gründung');
  });
});
