// Paths a publish may write, clone folder names, and the closed failure shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPublishFiles,
  checkPublishPath,
  PUBLISH_ERROR_CODES,
  publishFailure,
  toCloneFolderName,
} from '../../utils/pure/publish/publish-files';

const file = (path: string) => ({ path, bytes: new Uint8Array([1]) });

describe('checkPublishPath', () => {
  it.each([
    '_posts/2024-03-18-slug.md',
    'assets/images/2024-03-18-slug/1.png',
    'content/posts/x/index.md',
    '中文/文章.md',
  ])('accepts %s', (path) => expect(checkPublishPath(path)).toBeNull());

  it.each([
    '',
    '/etc/passwd',
    '../up.md',
    '_posts/../../up.md',
    './x.md',
    '_posts//x.md',
    '_posts/',
    '.git/hooks/pre-commit',
    'sub/.GIT/config',
    'a\\b.md',
    'C:/x.md',
    'x\u0000.md',
    'trailing-dot./x.md',
    'x.md ',
  ])('refuses %j', (path) => expect(checkPublishPath(path)).toEqual(expect.any(String)));

  it('never accepts a path whose segments climb out or is absolute', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', '..', '.', '', 'b.md', '.git'), { minLength: 1, maxLength: 5 }),
        (parts) => {
          const path = parts.join('/');
          if (checkPublishPath(path) !== null) return;
          const depth = parts.reduce((d, p) => (p === '..' ? d - 1 : d + 1), 0);
          expect(parts.every((p) => p !== '..' && p !== '.' && p !== '' && p !== '.git')).toBe(true);
          expect(depth).toBe(parts.length);
        },
      ),
    );
  });
});

describe('checkPublishFiles', () => {
  it('refuses an empty list, a bad path, and two files at one path (ignoring case)', () => {
    expect(checkPublishFiles([])).toMatchObject({ code: 'publish-invalid' });
    expect(checkPublishFiles([file('ok.md'), file('../x.md')])).toMatchObject({ code: 'publish-invalid' });
    expect(checkPublishFiles([file('_posts/A.md'), file('_posts/a.md')])).toMatchObject({
      code: 'publish-invalid',
      detail: 'two files at _posts/a.md',
    });
    expect(checkPublishFiles([file('_posts/a.md'), file('_posts/b.md')])).toBeNull();
  });
});

describe('toCloneFolderName', () => {
  it('is readable, stable, and differs between repositories', () => {
    const name = toCloneFolderName('https://github.com/me/site.git');
    expect(name).toMatch(/^github\.com-me-site\.git-[0-9a-f]{8}$/);
    expect(toCloneFolderName('https://github.com/me/site.git')).toBe(name);
    expect(toCloneFolderName('https://github.com/me/site2.git')).not.toBe(name);
  });

  it('keeps credentials in a URL out of the folder name, and is always one safe segment', () => {
    expect(toCloneFolderName('https://user:secret@example.com/r.git')).not.toContain('secret');
    fc.assert(
      fc.property(fc.string(), (url) => {
        const folder = toCloneFolderName(url);
        expect(checkPublishPath(folder)).toBeNull();
        expect(folder).not.toContain('/');
      }),
    );
  });
});

describe('publishFailure', () => {
  it('carries only the fields given', () => {
    expect(publishFailure('publish-auth')).toEqual({ ok: false, code: 'publish-auth' });
    expect(publishFailure('publish-conflict', 'd', ['a'])).toEqual({
      ok: false,
      code: 'publish-conflict',
      detail: 'd',
      conflicts: ['a'],
    });
    expect(new Set(PUBLISH_ERROR_CODES).size).toBe(PUBLISH_ERROR_CODES.length);
  });
});
