import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../utils/pure/types';
import { buildZip, buildZipInSlices, postsToZipFiles, writeZipInSlices } from '../../utils/pure/zip';

const MTIME = new Date(2024, 6, 4, 12, 30, 0);

/** Reads every local file header: name bytes as UTF-8, and general purpose flag bit 11 (UTF-8 names). */
/** Names and their UTF-8 flag (bit 11) from the central directory, which unzip tools read. */
function readCentralNames(zip: Uint8Array): { name: string; isUtf8: boolean }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const headers: { name: string; isUtf8: boolean }[] = [];
  for (let i = 0; i < count && view.getUint32(offset, true) === 0x02014b50; i++) {
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength));
    headers.push({ name, isUtf8: (flags & 0x0800) !== 0 });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return headers;
}

describe('buildZip', () => {
  it('stores UTF-8 names and contents that unzip back unchanged', () => {
    const files = [
      { path: '_posts/2022-02-17-厚植商业秘密保护土壤.md', content: '---\ntitle: "厚植"\n---\n\n正文 😀\n' },
      { path: '_posts/2022-02-18-ascii.md', content: 'plain\n' },
    ];
    const unzipped = unzipSync(buildZip(files, MTIME));
    expect(Object.keys(unzipped)).toEqual(files.map((f) => f.path));
    for (const file of files) expect(strFromU8(unzipped[file.path] ?? new Uint8Array())).toBe(file.content);
  });

  it('sets the UTF-8 name flag (bit 11) for non-ASCII names', () => {
    const zip = buildZip(
      [
        { path: '_posts/中文.md', content: 'a' },
        { path: '_posts/ascii.md', content: 'b' },
      ],
      MTIME,
    );
    expect(readCentralNames(zip)).toEqual([
      { name: '_posts/中文.md', isUtf8: true },
      { name: '_posts/ascii.md', isUtf8: false },
    ]);
  });

  it('writes the given modification time, clamped to what zip can hold', () => {
    const dosTime = (zip: Uint8Array): number => new DataView(zip.buffer, zip.byteOffset).getUint32(10, true);
    const files = [{ path: 'a.md', content: 'a' }];
    // DOS date: year-1980 in bits 25-31, month 21-24, day 16-20.
    const stamp = dosTime(buildZip(files, MTIME));
    expect([(stamp >>> 25) + 1980, (stamp >>> 21) & 0xf, (stamp >>> 16) & 0x1f]).toEqual([2024, 7, 4]);
    expect(() => buildZip(files, new Date(1970, 0, 1))).not.toThrow();
    expect(() => buildZip(files, new Date(Number.NaN))).not.toThrow();
    expect((dosTime(buildZip(files, new Date(2150, 0, 1))) >>> 25) + 1980).toBe(2099);
  });

  it('refuses a repeated path instead of dropping a file', () => {
    expect(() =>
      buildZip(
        [
          { path: 'a.md', content: '1' },
          { path: 'a.md', content: '2' },
        ],
        MTIME,
      ),
    ).toThrow(RangeError);
  });

  it('refuses a bare __proto__ path rather than losing it, and zips one inside a folder', () => {
    expect(() => buildZip([{ path: '__proto__', content: 'x' }], MTIME)).toThrow(RangeError);
    const unzipped = unzipSync(buildZip([{ path: '_posts/__proto__', content: 'x' }], MTIME));
    expect(Object.keys(unzipped)).toEqual(['_posts/__proto__']);
  });
});

describe('postsToZipFiles', () => {
  it('keeps every post: 50 posts with one title give 50 distinct entries', () => {
    const posts: Post[] = Array.from({ length: 50 }, (_, i) => ({
      filename: '2022-02-17-same.md',
      content: `post ${i}\n`,
    }));
    const files = postsToZipFiles(posts);
    expect(files).toHaveLength(50);
    expect(new Set(files.map((f) => f.path.toLowerCase())).size).toBe(50);
    expect(files[0]?.path).toBe('_posts/2022-02-17-same.md');
    expect(files[1]?.path).toBe('_posts/2022-02-17-same-2.md');
    expect(files[49]?.path).toBe('_posts/2022-02-17-same-50.md');
    const unzipped = unzipSync(buildZip(files, MTIME));
    expect(Object.keys(unzipped)).toHaveLength(50);
    expect(files.map((f) => strFromU8(unzipped[f.path] ?? new Uint8Array()))).toEqual(
      posts.map((p) => p.content),
    );
  });

  it('makes names unique ignoring case and keeps hostile names inside the folder', () => {
    const posts: Post[] = [
      { filename: 'A.md', content: '1' },
      { filename: 'a.md', content: '2' },
      { filename: '../../evil.md', content: '3' },
      { filename: 'C:\\evil.md', content: '4' },
      { filename: '', content: '5' },
    ];
    expect(postsToZipFiles(posts, 'site/_posts').map((f) => f.path)).toEqual([
      'site/_posts/A.md',
      'site/_posts/a-2.md',
      'site/_posts/evil.md',
      'site/_posts/C-evil.md',
      'site/_posts/untitled',
    ]);
  });
});

describe('buildZipInSlices', () => {
  it('writes the same zip as buildZip, pausing between slices', async () => {
    const files = Array.from({ length: 300 }, (_, i) => ({
      path: `_posts/2024-01-01-post-${i}.md`,
      content: `---\ntitle: "Post ${i}"\n---\n\n${'正文 text '.repeat(200)}\n`,
    }));
    let pauses = 0;
    const sliced = await buildZipInSlices(
      files,
      () => {
        pauses += 1;
        return Promise.resolve();
      },
      MTIME,
      0,
    );
    expect(pauses).toBe(files.length);
    expect(sliced).toEqual(buildZip(files, MTIME));
    expect(Object.keys(unzipSync(sliced))).toHaveLength(300);
  });

  it('refuses a repeated path before writing anything', async () => {
    const files = [
      { path: 'a.md', content: '1' },
      { path: 'a.md', content: '2' },
    ];
    await expect(buildZipInSlices(files, () => Promise.resolve())).rejects.toThrow(RangeError);
  });
});

describe('writeZipInSlices', () => {
  /** Ten 100 KB "images", each loaded only when its entry is written. */
  function imageFiles(log: string[]) {
    return Array.from({ length: 10 }, (_, i) => ({
      path: `assets/images/${i}.png`,
      load: () => {
        log.push(`load ${i}`);
        return Promise.resolve(new Uint8Array(100 * 1024).fill(i));
      },
    }));
  }

  it('hands every chunk to the sink as it is made: one image loaded at a time, never the whole zip held', async () => {
    const log: string[] = [];
    const files = [{ path: '_posts/a.md', content: 'hello' }, ...imageFiles(log)];
    const chunks: Uint8Array[] = [];
    await writeZipInSlices(
      files,
      (chunk) => {
        log.push(`chunk ${chunk.length}`);
        chunks.push(chunk);
      },
      () => Promise.resolve(),
      MTIME,
    );
    // Each image's bytes reach the sink before the next image is loaded.
    for (let i = 1; i < 10; i++) {
      const before = log.slice(0, log.indexOf(`load ${i}`));
      expect(before).toContain('chunk 102400');
      expect(before.filter((l) => l === 'chunk 102400')).toHaveLength(i);
    }
    const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.length;
    }
    const unzipped = unzipSync(whole);
    expect(strFromU8(unzipped['_posts/a.md'] ?? new Uint8Array())).toBe('hello');
    for (let i = 0; i < 10; i++) expect(unzipped[`assets/images/${i}.png`]?.[0]).toBe(i);
  });

  it('pauses after every sliceBytes of images, however fast they come', async () => {
    let pauses = 0;
    await writeZipInSlices(
      imageFiles([]),
      () => {},
      () => {
        pauses += 1;
        return Promise.resolve();
      },
      MTIME,
      60_000,
      250 * 1024,
    );
    // 100 KB each: a pause after the 3rd, 6th and 9th image.
    expect(pauses).toBe(3);
  });
});

describe('postsToZipFiles folders', () => {
  const post = (filename: string, content = 'x'): Post => ({ filename, content });

  it("keeps a template's own folders (Hugo) and puts plain names under _posts/", () => {
    const files = postsToZipFiles([
      post('content/posts/a.md', '1'),
      post('content/posts/a.md', '2'),
      post('2024-01-01-a.md', '3'),
      post('../../etc/passwd.md', '4'),
    ]);
    expect(files.map((f) => f.path)).toEqual([
      'content/posts/a.md',
      'content/posts/a-2.md',
      '_posts/2024-01-01-a.md',
      'etc/passwd.md',
    ]);
    expect(files.map((f) => f.content)).toEqual(['1', '2', '3', '4']);
  });

  it('makes names unique within each folder, not across folders', () => {
    const files = postsToZipFiles([post('notes/A.md'), post('other/a.md'), post('notes/a.md')]);
    expect(files.map((f) => f.path)).toEqual(['notes/A.md', 'other/a.md', 'notes/a-2.md']);
  });
});
