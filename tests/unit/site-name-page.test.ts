// The site's name from the page itself: the copyright line and the logo that links home.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findSiteName } from '../../utils/dom/site-name';
import { findAccountName, findCopyrightHolder, findLogoName } from '../../utils/dom/site-name-page';

const URL = 'https://www.harbour.example/news/2026/05/ferry.html';
const doc = (body: string): Document =>
  parseHTML(`<!doctype html><html><head><title>The ferry returns</title></head><body>${body}</body></html>`)
    .document;

describe('findCopyrightHolder', () => {
  it.each([
    ['<p>Story.</p><footer>© 2026 Harbour Post. All rights reserved.</footer>', 'Harbour Post'],
    ['<div class="foot">Copyright © 江城新闻网 All Rights Reserved</div>', '江城新闻网'],
    ['<p>© 2019–2026 Riverside Courier Media Ltd. Powered by Newsroom CMS.</p>', 'Riverside Courier'],
    ['<p>Copyright 2024 Tageblatt am Fluss Verlag GmbH | Impressum</p>', 'Tageblatt am Fluss'],
    ['<footer><p>Copyright 2024 Harbour Post</p><p>Privacy</p></footer>', 'Harbour Post'],
    [
      '<footer><div><div>© <!-- -->2020<!-- --> ADAC</div></div><div><a href="/i">Impressum</a><a href="/d">Datenschutz</a></div></footer>',
      'ADAC',
    ],
    ['<footer>© 2024 Harbour Post<br>Privacy</footer>', 'Harbour Post'],
    ['<footer><div>© 2019\n      , Harbour Tech. 港湾科技有限公司</div></footer>', 'Harbour Tech'],
    ['<footer><div>© 2024 Harbour Post AG\n      «Courier»</div></footer>', 'Harbour Post'],
    ['<footer>Copyright © 2024 ICPSR. All rights reserved.</footer>', 'ICPSR'],
    ['<footer>Copyright © 2024 中国网安协会</footer>', '中国网安协会'],
    [
      '<footer>Copyright © 2024 江城新闻网 京ICP备16058363号 京公网安备11010502030000号</footer>',
      '江城新闻网',
    ],
    ['<footer>Copyright © 2024 江城新闻网京ICP证090012号</footer>', '江城新闻网'],
  ])('%s', (body, name) => {
    expect(findCopyrightHolder(doc(body))).toBe(name);
  });

  it('takes no footer link on the next line for a holder', () => {
    const foot = (html: string): string | null =>
      findCopyrightHolder(doc(`<p>Story.</p><footer>${html}</footer>`));
    expect(foot('<span>Harbour © 2017</span><ul><li>Photos</li><li>Videos</li></ul>')).toBeNull();
    expect(foot('<div>Harbour© 2020</div><ul><li>About</li><li>Copyright Policy</li></ul>')).toBeNull();
  });

  it('is null without a copyright line', () => {
    expect(findCopyrightHolder(doc('<p>All text here is ours.</p>'))).toBeNull();
  });
});

describe('findLogoName', () => {
  it('reads the alt text of the image linking to the home page', () => {
    expect(findLogoName(doc('<a href="/"><img src="/l.svg" alt="Harbour Post"></a>'), URL)).toBe(
      'Harbour Post',
    );
    expect(
      findLogoName(doc('<a href="https://www.harbour.example/index.html"><img alt="港湾报"></a>'), URL),
    ).toBe('港湾报');
  });

  it('ignores images linking elsewhere and bare "logo" alts', () => {
    expect(
      findLogoName(doc('<a href="/news/"><img alt="News"></a><a href="/"><img alt="Logo"></a>'), URL),
    ).toBeNull();
  });
});

describe('findSiteName from the page', () => {
  it('takes the logo and copyright before a 来源 line, and declared names before both', () => {
    const page = doc(
      '<h1>渡轮复航</h1><p>2026-05-01 来源：江城晚报</p><p>正文。</p><p>Copyright © 江城新闻网</p>',
    );
    expect(findSiteName(page, URL)).toBe('江城新闻网');
    const declared = parseHTML(
      '<html><head><meta property="og:site_name" content="Harbour Post"></head><body><p>© 2026 Other Name Ltd.</p></body></html>',
    ).document;
    expect(findSiteName(declared, URL)).toBe('Harbour Post');
  });
});

describe('findAccountName', () => {
  const wechat = (extra = ''): Document =>
    parseHTML(`<!doctype html><html><head><meta property="og:site_name" content="微信公众平台">
      <title>老城区的早点铺子</title></head><body><div id="js_content_wrap">
      <h1 class="rich_media_title">老城区的早点铺子</h1>
      <div class="rich_media_meta_list"><span class="rich_media_meta_text">文/林晓</span>
      <span class="rich_media_meta rich_media_meta_nickname"><a id="js_name">江城生活圈</a></span></div>
      <div class="rich_media_content"><p>早上六点，天还没亮透，老城区的巷子里已经飘出了芝麻酱的香味。</p></div>
      <div class="profile_inner"><strong class="profile_nickname">江城生活圈</strong></div>${extra}</div></body></html>`)
      .document;

  it("names the account a platform page is published by, over the platform's og:site_name", () => {
    expect(findAccountName(wechat(), '林晓')).toBe('江城生活圈');
    expect(findSiteName(wechat(), 'https://mp.weixin.qq.com/s/abc')).toBe('江城生活圈');
  });

  it('is null when the nickname is the author, or when the page names several accounts', () => {
    expect(findAccountName(wechat(), '江城生活圈')).toBeNull();
    const forum = doc(
      ['甲', '乙', '丙']
        .map((n) => `<div class="post"><span class="nickname">用户${n}</span><p>回复</p></div>`)
        .join(''),
    );
    expect(findAccountName(forum, null)).toBeNull();
  });

  it("skips a commenter's nickname in the comments", () => {
    const page = doc(
      '<article><p>Story.</p></article><section class="comments"><span class="nickname">Jo</span><p>Nice.</p></section>',
    );
    expect(findAccountName(page, null)).toBeNull();
    expect(findSiteName(page, URL)).not.toBe('Jo');
  });

  it("skips a login widget's nickname label and a news site's channel (section) name", () => {
    const widget = doc(
      '<div class="user"><span class="nickname"><ul><li><a href="/me">Profil</a></li><li><a href="/s">Einstellungen</a></li></ul></span></div><article><p>Story.</p></article>',
    );
    expect(findAccountName(widget, null)).toBeNull();
    const section = doc('<a class="channel-name" href="/news/">News</a><article><p>Story.</p></article>');
    expect(findAccountName(section, null)).toBeNull();
  });
});

describe('site names on Chinese portal pages', () => {
  it('ends the copyright holder at the licence numbers, and takes the rights words alone for no holder', () => {
    expect(findCopyrightHolder(doc('<p>© 2010 - 2016 江城大盘 京ICP备16050000号-1</p>'))).toBe('江城大盘');
    expect(findCopyrightHolder(doc('<p>Copyright © 2018 All rights reserved.</p>'))).toBeNull();
  });

  it("reads an organisation's name after 版权所有, not a notice", () => {
    expect(
      findCopyrightHolder(
        doc('<p>版权所有 湖滨省中医药研究院附属医院 Copyright © 2018 All rights reserved.</p>'),
      ),
    ).toBe('湖滨省中医药研究院附属医院');
    expect(findCopyrightHolder(doc('<p>版权所有 未经授权禁止复制和建立镜像</p>'))).toBeNull();
  });

  it('reads the footer past the scripts that close the page, and one name in one script', () => {
    const script = `<script>${'window.track && track("scroll", { y: 1 });\n'.repeat(120)}</script>`;
    expect(
      findCopyrightHolder(doc(`<footer>Copyright © 2019 观潮者 All rights reserved。</footer>${script}`)),
    ).toBe('观潮者');
    expect(findCopyrightHolder(doc('<p>©2019 Baidoo 使用百度前必读 意见反馈 京ICP证030173号</p>'))).toBe(
      'Baidoo',
    );
    expect(findCopyrightHolder(doc('<p>© 2014~2019 The Harbour Paper</p>'))).toBe('The Harbour Paper');
    expect(findCopyrightHolder(doc('<p>© 2019 今日头版 www.toutiao.example 京ICP备12025439号</p>'))).toBe(
      '今日头版',
    );
  });

  it('does not take a nickname the page cut short for the account', () => {
    const page = doc(
      '<div class="user-panel"><img alt="头像"><span class="nickname">有温度网...</span></div><article><p>正文。</p></article>',
    );
    expect(findAccountName(page, null)).toBeNull();
  });
});
