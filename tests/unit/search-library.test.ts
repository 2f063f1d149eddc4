import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '../../utils/platform/store';
import { openLibrary } from '../../utils/platform/store';
import type { FullText, SearchSource } from '../../utils/platform/search-library';
import {
  BODY_INDEX_CHARS,
  createFullText,
  indexedBody,
  toIndexedDoc,
} from '../../utils/platform/search-library';
import type { SearchJournal } from '../../utils/platform/search-journal';
import { openSearchJournal } from '../../utils/platform/search-journal';
import { makeDraft, makeStoredClip } from '../kit/builders';

const opened: Library[] = [];
let made: FullText | null = null;
/** The page's full-text maker, remembered so a test can wait for it. */
function fullTextMaker(source: SearchSource, journal: SearchJournal): FullText {
  made = createFullText(source, journal);
  return made;
}

async function popupLibrary(factory: IDBFactory): Promise<Library> {
  const lib = await openLibrary(factory, undefined, { fullText: fullTextMaker });
  opened.push(lib);
  return lib;
}

async function backgroundLibrary(factory: IDBFactory): Promise<Library> {
  const lib = await openLibrary(factory);
  opened.push(lib);
  return lib;
}

afterEach(() => {
  for (const lib of opened.splice(0)) lib.close();
  made = null;
});

async function search(lib: Library, query: string): Promise<{ titles: string[]; isFullText: boolean }> {
  const page = await lib.listSummaries({ limit: 50, query });
  return { titles: page.items.map((i) => i.title), isFullText: page.isFullText ?? false };
}

async function seed(lib: Library): Promise<void> {
  await lib.saveDraft(
    makeDraft({ url: 'https://a.example/tide', title: 'Harbour news' }),
    'The tidal turbines spin.',
    1000,
  );
  await lib.saveDraft(
    makeDraft({ url: 'https://b.example/rail', title: '铁路新闻', lang: 'zh-CN' }),
    '高速铁路今天通车了。',
    2000,
  );
}

describe('full-text search through the store', () => {
  it('matches titles, sites and tags only while the index builds, and says so, then finds body words', async () => {
    const factory = new IDBFactory();
    const lib = await popupLibrary(factory);
    await seed(lib);
    const early = await search(lib, 'turbines');
    expect(early).toEqual({ titles: [], isFullText: false });
    await made?.ready();
    expect(await search(lib, 'turbines')).toEqual({ titles: ['Harbour news'], isFullText: true });
    expect((await search(lib, '通车')).titles).toEqual(['铁路新闻']);
  });

  it('saves the index so the next page loads it, and applies clips another context wrote since', async () => {
    const factory = new IDBFactory();
    const first = await popupLibrary(factory);
    await seed(first);
    await first.listSummaries({ limit: 5, query: 'x' });
    await made?.ready();
    first.close();
    expect(await openSearchJournal(factory).loadSnapshot()).toBeDefined();

    // The background clips and edits without any index loaded: it only appends to the journal.
    const background = await backgroundLibrary(factory);
    const { clip } = await background.saveDraft(
      makeDraft({ url: 'https://c.example/wind', title: 'Wind farm' }),
      'Offshore anemometers measured gusts.',
      3000,
    );
    const [rail] = (await background.listSummaries({ limit: 5, query: '铁路' })).items;
    if (rail) await background.deleteClips([rail.id]);
    await background.updateEdits(clip.id, { title: 'Wind farm, edited' });

    const second = await popupLibrary(factory);
    await second.listSummaries({ limit: 5, query: 'x' });
    await made?.ready();
    expect(await search(second, 'anemometers')).toEqual({ titles: ['Wind farm, edited'], isFullText: true });
    expect((await search(second, '通车')).titles).toEqual([]);
    expect((await search(second, 'tidal')).titles).toEqual(['Harbour news']);
  });

  it('updates a loaded index on its own save, edit and delete', async () => {
    const lib = await popupLibrary(new IDBFactory());
    await seed(lib);
    await lib.listSummaries({ limit: 5, query: 'x' });
    await made?.ready();
    const { clip } = await lib.saveDraft(
      makeDraft({ url: 'https://d.example/x', title: 'Quarry' }),
      'Basalt columns.',
      4000,
    );
    expect((await search(lib, 'basalt')).titles).toEqual(['Quarry']);
    await lib.deleteClips([clip.id]);
    expect((await search(lib, 'basalt')).titles).toEqual([]);
  });

  it('rebuilds when the saved index misses clips (a lost journal entry)', async () => {
    const factory = new IDBFactory();
    const first = await popupLibrary(factory);
    await seed(first);
    await first.listSummaries({ limit: 5, query: 'x' });
    await made?.ready();
    first.close();
    // Drop the journal entry by saving the snapshot again as if it included everything.
    const background = await backgroundLibrary(factory);
    await background.saveDraft(makeDraft({ url: 'https://e.example/y', title: 'Glacier' }), 'Moraine.', 5000);
    const journal = openSearchJournal(factory);
    const snapshot = await journal.loadSnapshot();
    if (snapshot) await journal.saveSnapshot({ ...snapshot, upTo: await journal.last() });
    journal.close();
    const second = await popupLibrary(factory);
    await second.listSummaries({ limit: 5, query: 'x' });
    await made?.ready();
    expect((await search(second, 'moraine')).titles).toEqual(['Glacier']);
  });
});

describe('toIndexedDoc', () => {
  it('indexes only the first part of a long body', () => {
    const body = 'word '.repeat(BODY_INDEX_CHARS);
    expect(toIndexedDoc(makeStoredClip({ markdown: body })).body).toHaveLength(BODY_INDEX_CHARS);
    expect(toIndexedDoc(makeStoredClip({ markdown: 'short' })).body).toBe('short');
  });

  it('keeps fewer characters of a Chinese body, which carries more per character', () => {
    const chinese = '滨海新区市场监管局'.repeat(BODY_INDEX_CHARS);
    const kept = indexedBody(chinese);
    expect(kept.length).toBeLessThan(BODY_INDEX_CHARS / 2);
    expect(chinese.startsWith(kept)).toBe(true);
    // Half Chinese, half English: between the two.
    const mixed = '潮汐发电站 tidal power '.repeat(BODY_INDEX_CHARS);
    expect(indexedBody(mixed).length).toBeGreaterThan(kept.length);
    expect(indexedBody(mixed).length).toBeLessThan(BODY_INDEX_CHARS);
  });
});
