import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../utils/dom/extract';
import { revealScriptHiddenArticle } from '../../utils/dom/script-revealed';

const NOW = new Date('2024-06-01T00:00:00Z');
const URL = 'https://mp.example.com/s/abc';
const PARAGRAPH =
  '记者从市交通局获悉，新的轮渡航线将于下月开通，每二十分钟一班，票价对学生和老人减半，沿线居民表示通勤时间将缩短一半。';

/** The page's own script shows the story box after load, as WeChat's does. */
const SHOWING_SCRIPT = `<script>var c = document.getElementById('js_content'); if (c) c.style.visibility = 'visible';
document.getElementById('js_pc_qr_code');</script>`;

/** A saved WeChat-style article: the story box stays hidden until the page's script shows it. */
function savedPage(style: string, script = SHOWING_SCRIPT): string {
  const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>${PARAGRAPH}（${i + 1}）</p>`).join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>轮渡新航线下月开通</title></head><body>
<div id="page-content"><h1 class="rich_media_title">轮渡新航线下月开通</h1>
<div class="rich_media_meta_list"><span id="publish_time">2024-05-20 09:30</span></div>
<div class="rich_media_content" id="js_content" style="${style}">${paragraphs}</div>
<div class="qr_code_pc" id="js_pc_qr_code" style="visibility: hidden;"><p>微信扫一扫关注该公众号</p></div></div>
${script}</body></html>`;
}

describe('revealScriptHiddenArticle', () => {
  it('shows a hidden box that holds most of the text, and leaves a small hidden box hidden', () => {
    const { document } = parseHTML(savedPage('visibility: hidden;'));
    revealScriptHiddenArticle(document);
    expect(document.getElementById('js_content')?.getAttribute('style')).not.toMatch(/hidden/);
    expect(document.querySelector('.qr_code_pc')?.getAttribute('style')).toMatch(/visibility: hidden/);
  });

  it('leaves a box hidden for good: no script of the page names it', () => {
    const { document } = parseHTML(savedPage('visibility: hidden;', '<script src="/app.js"></script>'));
    revealScriptHiddenArticle(document);
    expect(document.getElementById('js_content')?.getAttribute('style')).toMatch(/visibility: hidden/);
  });

  it('keeps the rest of the style, whatever its order', () => {
    const { document } = parseHTML(savedPage('opacity: 0; visibility:hidden;color: #333'));
    revealScriptHiddenArticle(document);
    const style = document.getElementById('js_content')?.getAttribute('style') ?? '';
    expect(style).toContain('opacity: 0');
    expect(style).toContain('color: #333');
    expect(style).not.toMatch(/visibility/);
  });

  it('is not fooled by an empty id or by a JSON-LD script that holds the id as a key', () => {
    const ld = '<script type="application/ld+json">{"js_content": "", "x": ""}</script>';
    const { document } = parseHTML(savedPage('visibility: hidden;', ld));
    revealScriptHiddenArticle(document);
    expect(document.getElementById('js_content')?.getAttribute('style')).toMatch(/visibility: hidden/);
    const empty = parseHTML(
      savedPage('visibility: hidden;', '<script>var a = "";</script>').replace('id="js_content"', 'id=""'),
    ).document;
    revealScriptHiddenArticle(empty);
    expect(empty.querySelector('.rich_media_content')?.getAttribute('style')).toMatch(/visibility: hidden/);
  });
});

describe('a saved page whose story box its script shows', () => {
  it('clips the story from a copy where no script ran, where Readability alone drops the hidden box', () => {
    const doc = parseHTML(savedPage('visibility: hidden;')).document;
    const result = extractArticle(doc, URL, { now: NOW, isScriptless: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.textContent).toContain('新的轮渡航线将于下月开通');
    expect(result.value.textContent).not.toContain('微信扫一扫');
  });

  it("leaves a live page's box hidden: there its script has run, and what it still hides is meant to be", () => {
    const result = extractArticle(parseHTML(savedPage('visibility: hidden;')).document, URL, { now: NOW });
    expect(result.ok && result.value.textContent.includes('新的轮渡航线将于下月开通')).toBe(false);
  });
});
