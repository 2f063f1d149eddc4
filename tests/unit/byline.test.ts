import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { findByline } from '../../utils/dom/byline';
import { cleanByline } from '../../utils/pure/byline-text';
import { findBylineLine } from '../../utils/pure/credits';
import { page, ld, URL, CN_PORTAL } from './metadata-pages';

describe('findByline', () => {
  it('joins JSON-LD authors in an array', () => {
    const doc = page(
      ld({
        '@type': 'NewsArticle',
        author: [
          { '@type': 'Person', name: 'Maria Gonzalez' },
          { '@type': 'Person', name: 'Tom Becker' },
        ],
      }),
    );
    expect(findByline(doc, URL)).toBe('Maria Gonzalez, Tom Becker');
  });

  it('skips an article:author URL and uses meta author', () => {
    const doc = page(
      '<meta property="article:author" content="https://www.facebook.com/jane"><meta name="author" content="Jane Doe">',
    );
    expect(findByline(doc, URL)).toBe('Jane Doe');
  });

  it('reads 作者： and By lines near the headline', () => {
    expect(findByline(CN_PORTAL, URL)).toBe('王明');
    const blog = page(
      '<title>t</title>',
      '<article><h1>Raised beds</h1><p>By Jane Doe</p><p>Text.</p></article>',
    );
    expect(findByline(blog, URL)).toBe('Jane Doe');
  });

  it('reads a 作者： line after a headline that sits in a table cell (no h1)', () => {
    const doc =
      parseHTML(`<!doctype html><html><head><title>江南古镇老茶馆重新开张 评弹声里留住乡愁_江南日报网</title></head><body>
      <table><tr><td>您现在的位置：<a href="/">江南日报网</a> &gt;&gt; 正文</td></tr>
      <tr><td class="biaoti">江南古镇老茶馆重新开张 评弹声里留住乡愁</td></tr>
      <tr><td>2021年03月05日 14:20　来源：江南日报　作者：周雨桐　点击：<span>1286</span></td></tr>
      <tr><td><p>　　三月初的古镇，细雨如丝。</p></td></tr></table></body></html>`).document;
    expect(findByline(doc, URL)).toBe('周雨桐');
  });

  it('prefers the byline Readability found', () => {
    expect(findByline(page('<meta name="author" content="Desk">'), URL, { byline: 'By Sam Okafor' })).toBe(
      'Sam Okafor',
    );
  });
});

describe('Chinese credit lines', () => {
  it('reads reporter credits, several names and roles', () => {
    expect(findBylineLine(['光明日报记者 王建宏 张文攀'])).toBe('王建宏, 张文攀');
    expect(findBylineLine(['□本报记者 倪泰 通讯员 王建武'])).toBe('倪泰, 王建武');
    expect(findBylineLine(['本报记者罗科苏盈发自北京'])).toBe('罗科苏盈');
    expect(findBylineLine(['新京报记者 彭冲 山东冠县报道'])).toBe('彭冲');
    expect(findBylineLine(['据新华社拉萨电（记者 格桑边觉）记者近日从会议上了解到，……'])).toBe('格桑边觉');
    expect(findBylineLine(['本报实习生 刘国栋 周炜', '本报记者 王燕平 方云凤'])).toBe(
      '刘国栋, 周炜, 王燕平, 方云凤',
    );
    expect(findBylineLine(['文｜张三'])).toBe('张三');
  });

  it('does not take running text about a reporter for a credit', () => {
    expect(findBylineLine(['6月30日，本报记者在广汽商用车项目的有关负责人方面了解到内幕。'])).toBeNull();
    expect(findBylineLine(['据记者了解，江西工商局没有与其他地方工商局连手调查。'])).toBeNull();
    expect(findBylineLine(['见到记者，原本穿着棉衣的他换上了夹克。'])).toBeNull();
  });

  it('prefers the author to the editor and stops at counters and closing brackets', () => {
    expect(findBylineLine(['编辑： 金金', '来源： 21世纪经济报道', '作者：宋怡 杨志华'])).toBe(
      '宋怡, 杨志华',
    );
    expect(findBylineLine(['作者:zboygirl 阅读(1660) 评论(5) 编辑 发表于:2005-07-31 12:30'])).toBe(
      'zboygirl',
    );
    expect(findBylineLine(['（ 责任编辑：魏喆 ）'])).toBe('魏喆');
    expect(findBylineLine(['[责任编辑：alonliu]'])).toBeNull();
  });

  it('reads forum posters and a name closing the article', () => {
    expect(findBylineLine(['ggjjzhzz 发表于 2005-9-15 11:46:00'])).toBe('ggjjzhzz');
    expect(findBylineLine(['本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.'])).toBe('大卫');
    expect(findBylineLine(['……推动云南工业高质量发展。（记者 胡晓蓉）'])).toBe('胡晓蓉');
    expect(findBylineLine(['……那是利益再分配的过程吗？”（姚峰 上海报道）'])).toBe('姚峰');
    expect(findBylineLine(['·歌坛大哥大的家：充满了个性色彩(组图)(房产)'])).toBeNull();
    expect(findBylineLine(['[点击此处收藏本文] 发表于2005年09月07日 11:57 AM'])).toBeNull();
  });

  it('cleans Chinese bylines', () => {
    expect(cleanByline('本报记者 王建宏 张文攀')).toBe('王建宏, 张文攀');
    expect(cleanByline('赵 培')).toBe('赵培');
    expect(cleanByline('■该作者文章')).toBeNull();
    expect(cleanByline('首先欢迎你来到新华网接受我们的采访，请问你怎样看待农业税补贴问题？')).toBeNull();
  });

  it('rejects metadata authors that name the site, a domain, a user id or the software', () => {
    const body = `<h1>省里出台新政</h1><p>${'正文内容。'.repeat(20)}</p><p>（记者 胡晓蓉）</p>`;
    const hints = { text: `省里出台新政\n${'正文内容。'.repeat(20)}\n（记者 胡晓蓉）` };
    for (const author of ['www.yunnan.cn,云南日报报业集团,云南网', '51offer.com', 'L_104485', '大汉网络']) {
      expect(findByline(page(`<meta name="author" content="${author}">`, body), URL, hints)).toBe('胡晓蓉');
    }
    const discuz = page(
      '<meta name="generator" content="Discuz! X3.4"><meta name="author" content="Discuz! Team and Comsenz UI Team">',
    );
    expect(findByline(discuz, URL)).toBeNull();
  });

  it('reads a line of names right under the headline, but not the headline itself', () => {
    const essay = page('<title>显示</title>', '<p><strong>犬儒病</strong></p><p>胡平</p><p>正文。</p>');
    expect(findByline(essay, URL, { text: '胡平\n人心不会熄灭。' })).toBe('胡平');
    expect(findByline(essay, URL, { text: '社会资本与再就业\n赵延东、风笑天\n近年来。' })).toBe(
      '赵延东, 风笑天',
    );
    const person = page('<title>金锺国</title>', '<h1>金锺国</h1><p>金锺国</p>');
    expect(findByline(person, URL, { text: '金锺国\n韩国歌手。' })).toBeNull();
  });
});
