import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  isClipDraft,
  isStoredClip,
  parseBackup,
  serializeBackup,
} from '../../utils/pure/backup-format';
import type { ClipDraft, StoredClip } from '../../utils/pure/types';

const DRAFT: ClipDraft = {
  url: 'https://news.example/a',
  canonical: null,
  title: 'A',
  byline: null,
  siteName: '海滨日报网',
  lang: 'zh-CN',
  dir: null,
  excerpt: null,
  image: 'https://news.example/a.jpg',
  keywords: ['城市'],
  published: {
    raw: '2024-05-06 20:15:30',
    source: 'text',
    detail: 'p.date',
    parts: { year: 2024, month: 5, day: 6, hour: 20, minute: 15, second: 30, offsetMinutes: 480 },
    zoneFrom: 'publisher',
  },
  modified: null,
  contentHtml: '<p>x</p>',
  textContent: 'x',
  kind: 'article',
};

const CLIP: StoredClip = {
  id: 'id-1',
  url: 'https://news.example/a',
  draft: DRAFT,
  markdown: 'x',
  edits: { tags: ['t'] },
  clippedAt: 100,
  updatedAt: 200,
};

describe('shape checks', () => {
  it('accepts a well-formed draft and clip', () => {
    expect(isClipDraft(DRAFT)).toBe(true);
    expect(isStoredClip(CLIP)).toBe(true);
  });

  it.each([
    ['url', 'chrome://version'],
    ['canonical', 'javascript:alert(1)'],
    ['title', null],
    ['keywords', [1]],
    ['kind', 'everything'],
    ['dir', 'up'],
    ['published', { raw: 'x', source: 'meta', detail: '', parts: { year: '2024' } }],
    ['contentHtml', 42],
    ['textContent', null],
  ])('rejects a draft with a bad %s', (field, value) => {
    expect(isClipDraft({ ...DRAFT, [field]: value })).toBe(false);
  });

  it('accepts a draft saved without its HTML and plain text, as clips are saved now', () => {
    const { contentHtml: _html, textContent: _text, ...saved } = DRAFT;
    expect(isClipDraft(saved)).toBe(true);
    expect(isStoredClip({ ...CLIP, draft: saved })).toBe(true);
  });

  it.each([
    ['id', ''],
    ['clippedAt', 'yesterday'],
    ['edits', { tags: 'a,b' }],
    ['draft', null],
  ])('rejects a clip with a bad %s', (field, value) => {
    expect(isStoredClip({ ...CLIP, [field]: value })).toBe(false);
  });
});

describe('serializeBackup / parseBackup', () => {
  it('round-trips clips and settings', () => {
    const text = serializeBackup([CLIP], { version: 1, clipOnOpen: false }, new Date('2024-06-01T00:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: '2024-06-01T00:00:00.000Z',
    });
    expect(parseBackup(text)).toEqual({
      ok: true,
      value: { clips: [CLIP], settings: { version: 1, clipOnOpen: false } },
    });
  });

  it.each([
    ['not JSON', '{'],
    ['another format', JSON.stringify({ format: 'other', version: 1, clips: [] })],
    ['a newer version', JSON.stringify({ format: BACKUP_FORMAT, version: 99, clips: [] })],
    ['no clips list', JSON.stringify({ format: BACKUP_FORMAT, version: 1 })],
    ['one bad clip', JSON.stringify({ format: BACKUP_FORMAT, version: 1, clips: [CLIP, { id: 'x' }] })],
  ])('refuses %s as invalid-backup', (_label, text) => {
    expect(parseBackup(text)).toMatchObject({ ok: false, code: 'invalid-backup' });
  });
});
