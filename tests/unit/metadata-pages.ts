// Test pages shared by the metadata finders' tests.
import { parseHTML } from 'linkedom';

export function page(head: string, body = '', htmlAttrs = ''): Document {
  return parseHTML(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`)
    .document;
}

export const ld = (value: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
export const URL = 'https://www.example.com/news/2023/story.html';

export const CN_PORTAL = page(
  `<meta charset="utf-8"><title>厚植商业秘密保护土壤 宁波迈向“智造”未来_中国市场监管新闻网</title>
   <meta name="keywords" content="商业秘密，知识产权、宁波, 商业秘密">`,
  `<div class="nav"><a href="/">首页</a> <a href="/local/">地方</a></div>
   <div class="detail">
     <h1 class="detail-title">厚植商业秘密保护土壤 宁波迈向“智造”未来</h1>
     <div class="info">2023-04-12 09:30 来源：中国市场监管报 作者：王明 编辑：李四</div>
     <div class="content"><p>${'宁波市市场监管局持续推进商业秘密保护工作。'.repeat(8)}</p></div>
   </div>`,
);
