// Meta-test: the project's own conventions, checked so nobody has to remember them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const KIND_BY_FOLDER: Record<string, string> = { pure: '// Pure:', dom: '// DOM:', platform: '// Platform:' };
const utilsModules = walk(join(ROOT, 'utils')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const testSources = walk(join(ROOT, 'tests', 'unit'))
  .concat(walk(join(ROOT, 'tests', 'golden')))
  .filter((f) => /\.test\.tsx?$/.test(f))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('utils/ modules', () => {
  it.each(utilsModules.map((f) => [relative(ROOT, f)]))('%s says its kind on its first line', (file) => {
    const folder = file.split('/')[1] ?? '';
    const expected = KIND_BY_FOLDER[folder];
    expect(expected, `${file} is not in utils/pure, utils/dom or utils/platform`).toBeDefined();
    const firstLine = readFileSync(join(ROOT, file), 'utf8').split('\n')[0] ?? '';
    expect(firstLine.startsWith(expected ?? '?'), `${file} starts with: ${firstLine}`).toBe(true);
  });

  it.each(utilsModules.map((f) => [relative(ROOT, f)]))('%s is imported by a unit test', (file) => {
    const module = file.replace(/\.ts$/, '');
    const folderAndName = module.split('/').slice(1).join('/');
    expect(testSources.includes(`${folderAndName}'`), `no test imports ${folderAndName}`).toBe(true);
  });
});

describe('file names', () => {
  const sources = ['entrypoints', 'components', 'utils', 'cli', 'tests'].flatMap((d) => walk(join(ROOT, d)));
  it('are kebab-case', () => {
    const bad = sources
      .map((f) => relative(ROOT, f))
      .filter((f) => !f.includes('/golden/') && !f.includes('_locales'))
      .filter((f) => /\.(ts|tsx|css|html)$/.test(f))
      .filter((f) => !/^[a-z0-9.-]+$/.test(f.split('/').pop() ?? ''));
    expect(bad).toEqual([]);
  });
});

describe('unit and golden tests', () => {
  const files = walk(join(ROOT, 'tests', 'unit'))
    .concat(walk(join(ROOT, 'tests', 'golden')))
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

  // Timing belongs in tests/bench, which prints numbers; a wall-clock bound fails on a busy machine, not a bug.
  it('assert nothing about the wall clock', () => {
    const timed = files.filter(({ text }) =>
      /performance\.now\(\)|process\.hrtime|console\.time\(/.test(text),
    );
    expect(timed.map(({ file }) => file)).toEqual([]);
  });

  it('skip nothing and focus nothing', () => {
    const skipping = files.filter(({ text }) =>
      /\b(it|test|describe)\.(skip|only|todo|skipIf|runIf)\b/.test(text),
    );
    expect(skipping.map(({ file }) => file)).toEqual([]);
  });
});
