// The layer rules in eslint.config.js reject a probe file for every forbidden edge, at any folder depth, and let
// one allowed edge per layer through (so a rule that rejects everything fails here too). The probes are virtual
// files: typed rules are switched off for them, since the project service only knows files on disk.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-globals']);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
});

async function lint(filePath: string, code: string): Promise<{ fatal: string[]; layer: string[] }> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  return {
    fatal: messages.filter((m) => m.fatal).map((m) => m.message),
    layer: messages.filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId)).map((m) => m.message),
  };
}

const importing = (source: string): string =>
  `import * as probe from '${source}';\nexport const used = probe;\n`;
const reading = (global: string): string => `export const used: unknown = ${global};\n`;

// [probe file, what it imports or reads, a fragment of the message the rule must give]
const FORBIDDEN: [string, string, string][] = [
  // utils/pure: other pure modules and pure libraries only.
  ['utils/pure/probe.ts', importing('../dom/extract'), 'utils/pure must not import utils/dom'],
  ['utils/pure/sub/probe.ts', importing('../../dom/metadata'), 'utils/pure must not import utils/dom'],
  ['utils/pure/sub/probe.ts', importing('../../platform/store'), 'utils/pure must not import utils/platform'],
  ['utils/pure/probe.ts', importing('../../components/popup-app'), 'utils/pure must not import components/'],
  [
    'utils/pure/probe.ts',
    importing('../../entrypoints/popup/boot'),
    'utils/pure must not import entrypoints/',
  ],
  ['utils/pure/probe.ts', importing('wxt/browser'), 'utils/pure must not touch extension APIs'],
  ['utils/pure/probe.ts', importing('#imports'), 'utils/pure must not touch extension APIs'],
  ['utils/pure/probe.ts', importing('idb'), 'utils/pure must not open the store'],
  ['utils/pure/probe.ts', importing('@mozilla/readability'), 'utils/pure must not import DOM libraries'],
  ['utils/pure/sub/probe.ts', importing('turndown'), 'utils/pure must not import DOM libraries'],
  ['utils/pure/sub/probe.ts', importing('linkedom'), 'utils/pure must not import DOM libraries'],
  ['utils/pure/probe.ts', importing('preact/hooks'), 'utils/pure must not import preact'],
  ['utils/pure/probe.ts', importing('node:fs'), 'no node: modules'],
  ...['document', 'window', 'navigator', 'location', 'DOMParser', 'localStorage', 'indexedDB', 'chrome'].map(
    (g): [string, string, string] => ['utils/pure/sub/probe.ts', reading(g), 'utils/pure runs in the CLI'],
  ),
  // utils/dom: pure, Readability, turndown; no extension API, store, platform or components; no globals.
  ['utils/dom/probe.ts', importing('../platform/messages'), 'utils/dom must not import utils/platform'],
  [
    'utils/dom/sub/probe.ts',
    importing('../../platform/settings'),
    'utils/dom must not import utils/platform',
  ],
  ['utils/dom/sub/probe.ts', importing('../../platform/store'), 'utils/dom must not'],
  ['utils/dom/probe.ts', importing('idb'), 'utils/dom must not open the store'],
  ['utils/dom/probe.ts', importing('wxt/browser'), 'utils/dom must not touch extension APIs'],
  ['utils/dom/sub/probe.ts', importing('#imports'), 'utils/dom must not touch extension APIs'],
  ['utils/dom/probe.ts', importing('../../components/services'), 'utils/dom must not import components/'],
  ['utils/dom/probe.ts', importing('preact'), 'utils/dom must not import preact'],
  ['utils/dom/sub/probe.ts', reading('document'), 'takes the Document as a parameter'],
  ['utils/dom/sub/probe.ts', reading('window'), 'utils/dom takes what it needs'],
  ['utils/dom/sub/probe.ts', reading('location'), 'takes the URL as a parameter'],
  ['utils/dom/probe.ts', reading('navigator'), 'utils/dom takes what it needs'],
  ['utils/dom/probe.ts', reading('chrome'), 'utils/dom reads no globals'],
  // utils/platform: never components; never Readability or turndown.
  [
    'utils/platform/probe.ts',
    importing('../../components/services'),
    'utils/platform must not import components/',
  ],
  [
    'utils/platform/sub/probe.ts',
    importing('../../../components/x'),
    'utils/platform must not import components/',
  ],
  ['utils/platform/probe.ts', importing('../../entrypoints/popup/boot'), 'must not import entrypoints/'],
  ['utils/platform/probe.ts', importing('@mozilla/readability'), 'must not carry Readability or turndown'],
  ['utils/platform/probe.ts', importing('turndown'), 'must not carry Readability or turndown'],
  ['utils/platform/probe.ts', importing('../dom/extract'), 'must not carry Readability or turndown'],
  ['utils/platform/sub/probe.ts', importing('../../dom/markdown'), 'must not carry Readability or turndown'],
  ['utils/platform/probe.ts', importing('preact'), 'utils/platform must not import preact'],
  // components/: pure and preact; data in by props.
  [
    'components/probe.tsx',
    importing('../utils/platform/store'),
    'components/ must not import utils/platform',
  ],
  [
    'components/sub/probe.tsx',
    importing('../../utils/platform/store'),
    'components/ must not import utils/platform',
  ],
  [
    'components/sub/probe.ts',
    importing('../../utils/platform/settings'),
    'components/ must not import utils/platform',
  ],
  ['components/probe.tsx', importing('../utils/dom/extract'), 'components/ must not import utils/dom'],
  [
    'components/sub/probe.tsx',
    importing('../../utils/dom/metadata'),
    'components/ must not import utils/dom',
  ],
  ['components/probe.tsx', importing('wxt/browser'), 'components/ must not touch extension APIs'],
  ['components/probe.tsx', importing('#imports'), 'components/ must not touch extension APIs'],
  ['components/probe.tsx', importing('idb'), 'components/ must not open the store'],
  [
    'components/probe.tsx',
    importing('../entrypoints/popup/boot'),
    'components/ must not import entrypoints/',
  ],
  ['components/probe.tsx', importing('@mozilla/readability'), 'components/ must not import DOM libraries'],
  // entrypoints/: never another entrypoint; the injected script never opens the store; no Readability elsewhere.
  ['entrypoints/options/probe.tsx', importing('../popup/boot'), 'must not import another entrypoint'],
  ['entrypoints/popup/sub/probe.ts', importing('../../options/main'), 'must not import another entrypoint'],
  ['entrypoints/probe.ts', importing('./popup/boot'), 'must not import another entrypoint'],
  ['entrypoints/popup/probe.ts', importing('../background'), 'must not import another entrypoint'],
  [
    'entrypoints/popup/probe.ts',
    importing('@/entrypoints/options/main'),
    'must not import another entrypoint',
  ],
  ['entrypoints/clip.ts', importing('../utils/platform/store'), 'The clip script must never open the store'],
  ['entrypoints/clip.ts', importing('idb'), 'The clip script must never open the store'],
  [
    'entrypoints/clip/probe.ts',
    importing('../../utils/platform/store'),
    'The clip script must never open the store',
  ],
  ['entrypoints/background.ts', importing('@mozilla/readability'), 'must not carry Readability or turndown'],
  ['entrypoints/background.ts', importing('../utils/dom/extract'), 'must not carry Readability or turndown'],
  ['entrypoints/popup/probe.ts', importing('turndown'), 'must not carry Readability or turndown'],
  [
    'entrypoints/options/probe.tsx',
    importing('../../utils/dom/markdown'),
    'must not carry Readability or turndown',
  ],
];

// One allowed edge (or a few) per layer, each of which the layer table permits.
const ALLOWED: [string, string][] = [
  ['utils/pure/sub/probe.ts', importing('../result') + importing('yaml').replace(/probe\b/g, 'yaml')],
  ['utils/pure/probe.ts', 'export const used = (d: Date): string => d.toISOString();\n'],
  [
    'utils/dom/sub/probe.ts',
    importing('../../pure/result') + importing('@mozilla/readability').replace(/probe\b/g, 'r'),
  ],
  [
    'utils/dom/probe.ts',
    importing('turndown') + 'export const title = (doc: Document): string => doc.title;\n',
  ],
  ['utils/platform/probe.ts', importing('wxt/browser') + importing('idb').replace(/probe\b/g, 'idb')],
  [
    'utils/platform/sub/probe.ts',
    importing('../../pure/result') + importing('../../dom/metadata').replace(/probe\b/g, 'r'),
  ],
  [
    'components/sub/probe.tsx',
    importing('preact/hooks') + importing('../../utils/pure/types').replace(/probe\b/g, 't'),
  ],
  ['components/probe.tsx', importing('./i18n-context')],
  [
    'entrypoints/popup/probe.ts',
    importing('./start-popup') + importing('../../components/popup-app').replace(/probe\b/g, 'c'),
  ],
  [
    'entrypoints/popup/sub/probe.ts',
    importing('../../../utils/platform/store') + importing('wxt/browser').replace(/probe\b/g, 'b'),
  ],
  [
    'entrypoints/clip.ts',
    importing('../utils/dom/extract') + importing('../utils/platform/messages').replace(/probe\b/g, 'm'),
  ],
  [
    'entrypoints/background.ts',
    importing('../utils/platform/clipper') + importing('#imports').replace(/probe\b/g, 'i'),
  ],
];

describe('layer rules', () => {
  it.each(FORBIDDEN)('%s: rejects %j', async (filePath, code, expected) => {
    const { fatal, layer } = await lint(filePath, code);
    expect(fatal).toEqual([]);
    expect(
      layer.some((m) => m.includes(expected)),
      `${filePath} got: ${layer.join(' | ') || 'no layer error'}`,
    ).toBe(true);
  });

  it.each(ALLOWED)('%s: allows %j', async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual({ fatal: [], layer: [] });
  });
});
