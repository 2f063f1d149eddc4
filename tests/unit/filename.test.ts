import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_BYTES,
  MAX_SLUG_BYTES,
  safeArchivePath,
  toPostFilename,
  toSafeSegment,
  uniqueFilenames,
  createNameAllocator,
} from '../../utils/pure/filename';

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F\u007F]/;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether one path segment is accepted unchanged by Windows, macOS and Linux. */
function isSafeSegment(segment: string): boolean {
  return (
    segment !== '' &&
    !WINDOWS_FORBIDDEN.test(segment) &&
    !/^[.\s]|[.\s]$/u.test(segment) &&
    !RESERVED.test(segment.split('.')[0]?.trimEnd() ?? '') &&
    utf8Bytes(segment) <= MAX_NAME_BYTES &&
    !/[\uD800-\uDFFF]/u.test(segment)
  );
}

const hostile = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(
      '.',
      '/',
      '\\',
      ':',
      ' ',
      '\u0000',
      'C',
      'o',
      'n',
      'A',
      'x',
      '-',
      '2',
      'm',
      'd',
      '中',
      '\u202E',
    ),
    maxLength: 30,
  }),
  fc.constantFrom(
    'con',
    'CON.txt',
    'nul',
    'com1',
    'LPT9.md',
    '..',
    '.',
    '../../etc/passwd',
    'C:\\Windows',
    '/abs',
  ),
);

describe('toPostFilename', () => {
  it('joins the day and slug', () => {
    expect(toPostFilename('2022-02-17', 'hello-world')).toBe('2022-02-17-hello-world.md');
    expect(toPostFilename('2022-02-17', '厚植商业秘密保护土壤')).toBe('2022-02-17-厚植商业秘密保护土壤.md');
  });

  it('strips characters Windows refuses, controls, and trailing dots and spaces', () => {
    expect(toPostFilename('2022-02-17', 'a<b>c:d"e/f\\g|h?i*j\u0000k\u001fl\u007fm')).toBe(
      '2022-02-17-abcdefghijklm.md',
    );
    expect(toPostFilename('2022-02-17', 'title. . ')).toBe('2022-02-17-title.md');
    expect(toPostFilename('2022-02-17', 'two words #1 100%')).toBe('2022-02-17-two-words-1-100.md');
  });

  it('uses `post` for an empty slug and cuts long slugs to 100 bytes', () => {
    expect(toPostFilename('2022-02-17', '')).toBe('2022-02-17-post.md');
    expect(toPostFilename('2022-02-17', '???')).toBe('2022-02-17-post.md');
    const long = toPostFilename('2022-02-17', '长'.repeat(200));
    expect(long).toBe(`2022-02-17-${'长'.repeat(33)}.md`);
  });

  it('refuses a day that is not YYYY-MM-DD', () => {
    expect(() => toPostFilename('2022-2-17', 'x')).toThrow(RangeError);
    expect(() => toPostFilename('../../x', 'x')).toThrow(RangeError);
  });

  it('always gives a safe Jekyll name ending in .md (property, 600 runs)', () => {
    const day = fc
      .date({
        min: new Date('1000-01-01T00:00:00Z'),
        max: new Date('2999-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, hostile, (d, slug) => {
        const name = toPostFilename(d, slug);
        expect(isSafeSegment(name)).toBe(true);
        expect(name.startsWith(`${d}-`)).toBe(true);
        expect(name.endsWith('.md')).toBe(true);
        expect(utf8Bytes(name.slice(11, -3))).toBeLessThanOrEqual(MAX_SLUG_BYTES);
        expect(name.slice(11, -3)).not.toMatch(/^[-.]|[-.]$/);
      }),
      { numRuns: 600 },
    );
  });
});

describe('toSafeSegment', () => {
  it.each([
    ['con', 'con_'],
    ['CON.txt', 'CON_.txt'],
    ['nul.tar.gz', 'nul_.tar.gz'],
    ['com1', 'com1_'],
    ['lpt9.md', 'lpt9_.md'],
    ['COM¹', 'COM¹_'],
    ['console', 'console'],
    ['..', 'untitled'],
    ['.hidden', 'hidden'],
    ['name. ', 'name'],
    ['evil\u202Etxt.md', 'eviltxt.md'],
  ])('%s → %s', (input, output) => {
    expect(toSafeSegment(input)).toBe(output);
  });

  it('keeps the extension when cutting to 255 bytes', () => {
    const name = toSafeSegment(`${'é'.repeat(300)}.md`);
    expect(name).toBe(`${'é'.repeat(126)}.md`);
    expect(utf8Bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });
});

describe('uniqueFilenames', () => {
  it('suffixes collisions, ignoring case, in order', () => {
    expect(uniqueFilenames(['a.md', 'A.md', 'a.md', 'b.md'])).toEqual(['a.md', 'A-2.md', 'a-3.md', 'b.md']);
  });

  it('never takes a name the input already has', () => {
    expect(uniqueFilenames(['x.md', 'x.md', 'x-2.md'])).toEqual(['x.md', 'x-3.md', 'x-2.md']);
    expect(uniqueFilenames(['x-2.md', 'x.md', 'x.md', 'x.md'])).toEqual([
      'x-2.md',
      'x.md',
      'x-3.md',
      'x-4.md',
    ]);
  });

  it('gives the same names one at a time when no later name is a suffixed one', () => {
    const names = ['a.md', 'A.md', 'a.md', 'b.md', 'caf\u00e9.md', 'cafe\u0301.md'];
    expect(names.map(createNameAllocator())).toEqual(uniqueFilenames(names));
  });

  it('one at a time, suffixes a later name that a suffix already took', () => {
    expect(['x.md', 'x.md', 'x-2.md'].map(createNameAllocator())).toEqual(['x.md', 'x-2.md', 'x-2-2.md']);
  });

  it('treats NFC and NFD spellings as one name (macOS)', () => {
    expect(uniqueFilenames(['caf\u00e9.md', 'cafe\u0301.md'])).toEqual(['caf\u00e9.md', 'cafe\u0301-2.md']);
  });

  it('keeps a suffixed post slug within 100 bytes', () => {
    const name = toPostFilename('2022-02-17', 'a'.repeat(100));
    const [, second] = uniqueFilenames([name, name]);
    expect(second).toBe(`2022-02-17-${'a'.repeat(98)}-2.md`);
  });

  it('gives unique, safe, .md names for any list of post names (property, 500 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('2022-02-17', '2022-02-18'),
            fc.oneof(hostile, fc.constantFrom('x', 'X', 'x-2', 'x-3')),
          ),
          { maxLength: 40 },
        ),
        (pairs) => {
          const names = pairs.map(([d, s]) => toPostFilename(d, s));
          const unique = uniqueFilenames(names);
          expect(unique).toHaveLength(names.length);
          expect(new Set(unique.map((n) => n.normalize('NFC').toLowerCase())).size).toBe(unique.length);
          for (const [i, name] of unique.entries()) {
            expect(isSafeSegment(name)).toBe(true);
            expect(name.endsWith('.md')).toBe(true);
            expect(name.slice(0, 11)).toBe(names[i]?.slice(0, 11));
            expect(utf8Bytes(name.slice(11, -3))).toBeLessThanOrEqual(MAX_SLUG_BYTES);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('safeArchivePath', () => {
  it.each([
    ['_posts', 'a.md', '_posts/a.md'],
    ['_posts', '../../etc/passwd', '_posts/etc-passwd'],
    ['_posts', '/abs/path.md', '_posts/abs-path.md'],
    ['_posts', 'C:\\Windows\\evil.md', '_posts/C-Windows-evil.md'],
    ['_posts', 'C:', '_posts/C'],
    ['_posts', '..', '_posts/untitled'],
    ['_posts', '', '_posts/untitled'],
    ['_posts', 'a\u0000b.md', '_posts/ab.md'],
    ['_posts', 'con.md', '_posts/con_.md'],
    ['../x/./y', 'a.md', 'x/y/a.md'],
    ['C:\\posts', 'a.md', 'C/posts/a.md'],
    ['', 'a.md', 'a.md'],
  ])('(%s, %s) → %s', (folder, name, path) => {
    expect(safeArchivePath(folder, name)).toBe(path);
  });

  it('always stays inside the folder as one safe segment (property, 600 runs)', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const path = safeArchivePath('_posts', name);
        const segments = path.split('/');
        expect(segments).toHaveLength(2);
        expect(segments[0]).toBe('_posts');
        expect(isSafeSegment(segments[1] ?? '')).toBe(true);
        expect(path).not.toMatch(/\\|\u0000/);
        // Already safe names pass through unchanged, so cleaning twice changes nothing.
        expect(safeArchivePath('_posts', segments[1] ?? '')).toBe(path);
      }),
      { numRuns: 600 },
    );
  });
});
