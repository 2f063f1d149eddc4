// The built-in portal rules, checked on a page we wrote modelled on 中国市场监管新闻网 (www.cmrnn.com.cn):
// a share bar and an editor box inside the article, a local time with no zone, and no rule of the user's.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { clipDocument } from '../../utils/dom/pipeline';
import { findRule } from '../../utils/pure/rule-match';

const URL = 'http://www.cmrnn.com.cn/content/2022-02/17/content_218765.html';
const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<title>宁波创新商业秘密保护工作 护航企业发展_中国市场监管新闻网</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/news/">新闻</a></div>
<div class="main"><div class="article">
<h1>宁波创新商业秘密保护工作 护航企业发展</h1>
<div class="info">2022-02-17 09:00:40 来源：中国市场监管新闻网</div>
<div class="content">
<p>近年来，宁波市市场监管局以商业秘密保护创新试点为抓手，建立重点企业培育库，推动企业健全自我保护制度。</p>
<p>截至目前，全市已累计创建省级商业秘密保护示范区6家、省级示范站57家，为推进商业秘密保护工作起到引领作用。</p>
<div class="share-bar">分享到：微信 微博 QQ空间</div>
<p>宁波还在全国首创商业秘密侵权维权费用补偿保险，降低企业维权成本，企业维权更有底气。</p>
<p>下一步，宁波将全力培育创建首批国家级示范基地，推动形成商业秘密协同保护的良好格局。</p>
<div class="editor">（编辑：张明 校对：李华）</div>
</div></div></div>
<div class="foot">版权所有 中国市场监管新闻网</div>
</body></html>`;

describe('built-in rule for 中国市场监管新闻网', () => {
  it('applies where the user has no rule of their own', () => {
    expect(findRule([], URL)?.id).toBe('builtin-cmrnn');
  });

  it('removes the share bar and the editor box, and dates the post in +0800', () => {
    const doc = parseHTML(PAGE).document;
    const result = clipDocument(doc, URL, { now: new Date('2026-11-27T00:00:00Z') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { content, filename } = result.value.post;
    expect(content).toContain('date: 2022-02-17 09:00:40 +0800');
    expect(content).toContain('商业秘密侵权维权费用补偿保险');
    expect(content).not.toContain('分享到');
    expect(content).not.toContain('校对');
    expect(filename.startsWith('2022-02-17-')).toBe(true);
  });

  // Since issue 9's structural boilerplate removal, the share bar goes without the rule too (Readability drops it
  // once the site footer is gone), so this pins only that a user rule takes the built-in's place and still clips.
  it('gives way to a user rule for the host without selectors, which still clips the story', () => {
    const doc = parseHTML(PAGE).document;
    const rules = [{ id: 'mine', match: { type: 'host' as const, value: 'www.cmrnn.com.cn' } }];
    expect(findRule(rules, URL)?.id).toBe('mine');
    const result = clipDocument(doc, URL, { now: new Date('2026-11-27T00:00:00Z'), rules });
    expect(result.ok && result.value.post.content).toContain('商业秘密侵权维权费用补偿保险');
  });
});
