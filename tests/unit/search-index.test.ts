import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../utils/pure/search-doc';
import { SEARCH_INDEX_VERSION, SearchIndex } from '../../utils/pure/search-index';
import type { TokenizerKind } from '../../utils/pure/search-tokenize';

function doc(id: string, fields: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id,
    title: 'Untitled',
    body: '',
    author: '',
    site: '',
    tags: [],
    published: null,
    clipped: '2025-01-01',
    ...fields,
  };
}

const LIBRARY: SearchDoc[] = [
  doc('tidal', {
    title: 'Council approves harbour plan',
    body: 'The **tidal lagoon** would power 40,000 homes, engineers said.',
    author: 'Jane Doe',
    site: 'The Coastal Courier coastal-courier.example',
    tags: ['energy', 'local politics'],
    published: '2024-03-05',
    clipped: '2024-03-06',
  }),
  doc('secrets', {
    title: '厚植保护土壤 宁波迈向“智造”未来',
    body: '商业秘密是企业的核心竞争力。近年来，宁波市场监管部门持续加强人工智能企业的保护工作。',
    author: '本报记者 李明',
    site: '中国市场监管新闻网 cmrnn.com.cn',
    tags: ['商业秘密', '宁波'],
    published: '2022-02-17',
    clipped: '2024-11-20',
  }),
  doc('tokyo', {
    title: '東京都の発表',
    body: '東京都は、きょう新しいガイドラインを発表しました。',
    site: 'NHK nhk.or.jp',
    published: '2024-07-01',
    clipped: '2024-07-01',
  }),
  doc('power', {
    title: 'Power prices fall as solar grows',
    body: 'Households pay less in March than a year ago.',
    site: 'Market Wire market-wire.example',
    tags: ['energy'],
    published: '2023-12-30',
    clipped: '2024-01-02',
  }),
];

describe.each<TokenizerKind>(['segmenter', 'bigram'])('SearchIndex with the %s tokenizer', (tokenizer) => {
  const build = (docs: SearchDoc[] = LIBRARY) => SearchIndex.build(docs, { tokenizer });

  it('finds an English word that only the body contains', () => {
    expect(build().search('lagoon')).toEqual(['tidal']);
  });

  it('finds a Chinese word that only the body contains', () => {
    const index = build();
    expect(index.search('人工智能')).toEqual(['secrets']);
    expect(index.search('竞争力')).toEqual(['secrets']);
    expect(index.search('监管部门')).toEqual(['secrets']);
  });

  it('finds a Japanese kana word in the body', () => {
    expect(build().search('ガイドライン')).toEqual(['tokyo']);
  });

  it('treats the last word as a prefix, the earlier ones as whole words', () => {
    const index = build();
    expect(index.search('lag')).toEqual(['tidal']);
    expect(index.search('tidal lag')).toEqual(['tidal']);
    expect(index.search('tid lagoon')).toEqual([]);
    expect(index.search('竞争')).toEqual(['secrets']);
  });

  it('looks up a two-letter prefix in tags, sites and authors only; titles and bodies need three', () => {
    const index = build();
    expect(index.search('la')).toEqual([]);
    expect(index.search('pr')).toEqual([]);
    expect(index.search('pri')).toEqual(['power']);
    expect(index.search('en').sort()).toEqual(['power', 'tidal']);
    expect(index.search('ma')).toEqual(['power']);
    expect(index.search('宁')).toEqual(['secrets']);
    expect(index.search('the power')).toEqual(['tidal']);
  });

  it('takes a lone Latin letter as a whole word, not a prefix', () => {
    const index = build();
    expect(index.search('a')).toEqual(['power']);
    expect(index.search('t')).toEqual([]);
  });

  it('needs every word (AND), in any field', () => {
    const index = build();
    expect(index.search('energy').sort()).toEqual(['power', 'tidal']);
    expect(index.search('energy lagoon')).toEqual(['tidal']);
    expect(index.search('energy 宁波')).toEqual([]);
  });

  it('finds by tag, site, host and author', () => {
    const index = build();
    expect(index.search('politics')).toEqual(['tidal']);
    expect(index.search('宁波')).toEqual(['secrets']);
    expect(index.search('Coastal Courier')).toEqual(['tidal']);
    expect(index.search('market-wire.example')).toEqual(['power']);
    expect(index.search('李明')).toEqual(['secrets']);
  });

  it('finds by published or clipped date, as a day, a month or a year', () => {
    const index = build();
    expect(index.search('2024-03')).toEqual(['tidal']);
    expect(index.search('2022-02-17')).toEqual(['secrets']);
    expect(index.search('2024-11')).toEqual(['secrets']);
    expect(index.search('2024-07-01')).toEqual(['tokyo']);
    expect(index.search('2023').sort()).toEqual(['power']);
  });

  it('ranks a title match above a body-only match', () => {
    const index = build([
      doc('body-only', { title: 'Budget news', body: 'The ferry timetable changes in May.' }),
      doc('in-title', { title: 'Ferry timetable changes', body: 'Details follow.' }),
    ]);
    expect(index.search('ferry')).toEqual(['in-title', 'body-only']);
  });

  it('ignores case and full-width letters', () => {
    expect(build().search('ＬＡＧＯＯＮ')).toEqual(['tidal']);
  });

  it('gives nothing for an empty or punctuation-only query', () => {
    const index = build();
    expect(index.search('')).toEqual([]);
    expect(index.search('  ')).toEqual([]);
    expect(index.search('“”，')).toEqual([]);
  });

  it('removes a clip without a rebuild, and ignores an unknown id', () => {
    const index = build();
    index.remove('tidal');
    index.remove('never-there');
    expect(index.search('lagoon')).toEqual([]);
    expect(index.has('tidal')).toBe(false);
    expect(index.size).toBe(LIBRARY.length - 1);
    expect(index.search('energy')).toEqual(['power']);
  });

  it('updates a clip in place: the old body is gone, the new one found', () => {
    const index = build();
    const edited = { ...(LIBRARY[1] as SearchDoc), body: '宁波的港口吞吐量再创新高。' };
    index.upsert(edited);
    expect(index.search('竞争力')).toEqual([]);
    expect(index.search('吞吐量')).toEqual(['secrets']);
    expect(index.size).toBe(LIBRARY.length);
  });

  it('adds one clip to a built index', () => {
    const index = build();
    index.upsert(doc('new', { body: 'Zeppelin hangar reopens.' }));
    expect(index.search('zeppelin')).toEqual(['new']);
    expect(index.size).toBe(LIBRARY.length + 1);
  });

  it('round-trips through JSON, edits included, and keeps working incrementally', () => {
    const index = build();
    index.remove('power');
    index.upsert(doc('new', { body: '新开的书房延长开放时间' }));
    const loaded = SearchIndex.load(index.serialize(), { tokenizer });
    expect(loaded).not.toBeNull();
    for (const query of ['lagoon', '人工智能', 'ガイドライン', '2024-03', 'energy', '书房', 'prices']) {
      expect(loaded?.search(query), query).toEqual(index.search(query));
    }
    expect(loaded?.search('书房')).toEqual(['new']);
    loaded?.upsert(doc('later', { title: 'Tidal lagoon, part two' }));
    expect(loaded?.search('lagoon')).toEqual(['later', 'tidal']);
  });
});

describe('SearchIndex.load', () => {
  const saved = SearchIndex.build(LIBRARY, { tokenizer: 'bigram' }).serialize();

  it('refuses an index saved by another version, so the caller rebuilds', () => {
    const stale = JSON.stringify({ ...JSON.parse(saved), version: SEARCH_INDEX_VERSION - 1 });
    expect(SearchIndex.load(stale, { tokenizer: 'bigram' })).toBeNull();
  });

  it('refuses an index built with another tokenizer', () => {
    expect(SearchIndex.load(saved, { tokenizer: 'segmenter' })).toBeNull();
    expect(SearchIndex.load(saved, { tokenizer: 'bigram' })?.search('lagoon')).toEqual(['tidal']);
  });

  it('refuses text that is not a saved index', () => {
    expect(SearchIndex.load('not json', { tokenizer: 'bigram' })).toBeNull();
    expect(
      SearchIndex.load('{"version":1,"tokenizer":"bigram","index":{}}', { tokenizer: 'bigram' }),
    ).toBeNull();
    expect(SearchIndex.load('null', { tokenizer: 'bigram' })).toBeNull();
  });

  it('uses the runtime tokenizer when none is asked for', () => {
    const index = SearchIndex.build(LIBRARY);
    expect(index.tokenizer).toBe('segmenter');
    expect(SearchIndex.load(index.serialize())?.search('人工智能')).toEqual(['secrets']);
  });
});

describe('SearchIndex async build and load', () => {
  it('builds in chunks to the same results, keeping the last version of a repeated id', async () => {
    const edited = { ...(LIBRARY[0] as SearchDoc), body: 'A barrage, not a lagoon.' };
    const index = await SearchIndex.buildAsync([...LIBRARY, edited], { tokenizer: 'segmenter' });
    expect(index.size).toBe(LIBRARY.length);
    expect(index.search('barrage')).toEqual(['tidal']);
    expect(index.search('engineers')).toEqual([]);
    expect(index.search('人工智能')).toEqual(['secrets']);
  });

  it('loads a saved index in batches, and refuses a stale one', async () => {
    const saved = SearchIndex.build(LIBRARY, { tokenizer: 'segmenter' }).serialize();
    const loaded = await SearchIndex.loadAsync(saved, { tokenizer: 'segmenter' });
    expect(loaded?.search('ガイドライン')).toEqual(['tokyo']);
    const stale = JSON.stringify({ ...JSON.parse(saved), version: SEARCH_INDEX_VERSION + 1 });
    expect(await SearchIndex.loadAsync(stale, { tokenizer: 'segmenter' })).toBeNull();
    expect(await SearchIndex.loadAsync('{"version":1}', { tokenizer: 'segmenter' })).toBeNull();
  });
});
