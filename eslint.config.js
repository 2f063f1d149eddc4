// @ts-check
import tseslint from 'typescript-eslint';

// The layer table in DEVELOPERS.md, enforced by folder. Patterns match the folder an import names (`**/dom/**`
// matches `../dom/x`, `../../utils/dom/x` and `@/utils/dom/x` alike), so a rule holds for a file at any depth.
// tests/unit/layers.test.ts lints a probe file for every forbidden edge and fails if a rule stops rejecting it.
// `#` starts a comment in a gitignore-style pattern: escape it, or the pattern matches nothing.
const EXTENSION_API = ['wxt', 'wxt/*', '\\#imports', 'webextension-polyfill', '@wxt-dev/*'];
const DOM_LIBRARIES = ['@mozilla/readability', 'turndown', 'linkedom', 'jsdom'];
/** @param {string[]} group @param {string} message */
const ban = (group, message) => ({ group, message });

const NO_EXTENSION_API = (layer) => ban(EXTENSION_API, `${layer} must not touch extension APIs.`);
const NO_STORE = (layer) =>
  ban(['idb', '**/platform/store', '**/platform/store.*'], `${layer} must not open the store.`);
const NO_PLATFORM = (layer) =>
  ban(['**/platform', '**/platform/**'], `${layer} must not import utils/platform.`);
const NO_DOM = (layer) => ban(['**/dom', '**/dom/**'], `${layer} must not import utils/dom.`);
const NO_COMPONENTS = (layer) =>
  ban(['**/components', '**/components/**'], `${layer} must not import components/.`);
const NO_ENTRYPOINTS = (layer) =>
  ban(['**/entrypoints', '**/entrypoints/**'], `${layer} must not import entrypoints/.`);
const NO_CLI = (layer) => ban(['**/cli', '**/cli/**'], `${layer} must not import the CLI.`);
const NO_PREACT = (layer) =>
  ban(['preact', 'preact/*'], `${layer} must not import preact: UI lives in components/.`);
// Readability, turndown and the code that wraps them belong only in the injected script's bundle.
const NO_READABILITY = (layer) =>
  ban(
    [
      '@mozilla/readability',
      'turndown',
      '**/dom/extract',
      '**/dom/extract.*',
      '**/dom/extract/**',
      '**/dom/markdown',
      '**/dom/markdown.*',
    ],
    `${layer} must not carry Readability or turndown: they belong in the injected clip script only.`,
  );

/**
 * An entrypoint imports no other entrypoint. The import string never names `entrypoints/` when it climbs to a
 * sibling (`../popup/boot`), so the depth of the importing file decides which relative climbs leave its own folder.
 * @param {number} depth folders between entrypoints/ and the file (entrypoints/clip.ts is 0)
 */
function noOtherEntrypoint(depth) {
  const message =
    'An entrypoint must not import another entrypoint: move shared code to components/ or utils/.';
  const climb = '\\.\\./'.repeat(depth);
  // depth 0: any `./x` is a sibling entrypoint; depth n: exactly n climbs reach entrypoints/ itself.
  const regex = depth === 0 ? '^\\.(/|$)' : `^${climb}(?!\\.\\.(/|$))`;
  return [{ regex, message }, ban(['**/entrypoints', '**/entrypoints/**'], message)];
}

const PURE_GLOBALS = [
  'document',
  'window',
  'navigator',
  'location',
  'history',
  'self',
  'DOMParser',
  'XMLSerializer',
  'getComputedStyle',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'chrome',
  'browser',
].map((name) => ({
  name,
  message: 'utils/pure runs in the CLI, the background and node tests: no DOM or browser globals.',
}));
const DOM_GLOBALS = [
  { name: 'document', message: 'utils/dom takes the Document as a parameter.' },
  { name: 'window', message: 'utils/dom takes what it needs as a parameter.' },
  { name: 'location', message: 'utils/dom takes the URL as a parameter.' },
  { name: 'navigator', message: 'utils/dom takes what it needs as a parameter.' },
  ...['history', 'self', 'localStorage', 'sessionStorage', 'indexedDB', 'chrome', 'browser'].map((name) => ({
    name,
    message: 'utils/dom reads no globals and touches no extension API or storage.',
  })),
];

/** @param {object[]} patterns */
const restrict = (patterns) => ['error', { patterns }];
const TS = (glob) => [`${glob}.ts`, `${glob}.tsx`];

function layerConfigs() {
  const pure = 'utils/pure';
  const dom = 'utils/dom';
  const platform = 'utils/platform';
  const components = 'components/';
  const entry = 'entrypoints/';
  const entryRules = (depth, clipScript) =>
    restrict([
      ...noOtherEntrypoint(depth),
      clipScript
        ? ban(
            ['idb', '**/platform/store', '**/platform/store.*'],
            'The clip script must never open the store: it runs in the page origin.',
          )
        : NO_READABILITY(entry),
      NO_CLI(entry),
    ]);
  return [
    {
      files: TS('utils/pure/**/*'),
      rules: {
        'no-restricted-imports': restrict([
          NO_DOM(pure),
          NO_PLATFORM(pure),
          NO_COMPONENTS(pure),
          NO_ENTRYPOINTS(pure),
          NO_CLI(pure),
          NO_EXTENSION_API(pure),
          NO_STORE(pure),
          NO_PREACT(pure),
          ban(DOM_LIBRARIES, 'utils/pure must not import DOM libraries: they belong in utils/dom.'),
          ban(['node:*'], 'utils/pure runs in the browser too: no node: modules.'),
        ]),
        'no-restricted-globals': ['error', ...PURE_GLOBALS],
      },
    },
    {
      files: TS('utils/dom/**/*'),
      rules: {
        'no-restricted-imports': restrict([
          NO_PLATFORM(dom),
          NO_STORE(dom),
          NO_COMPONENTS(dom),
          NO_ENTRYPOINTS(dom),
          NO_CLI(dom),
          NO_EXTENSION_API(dom),
          NO_PREACT(dom),
        ]),
        'no-restricted-globals': ['error', ...DOM_GLOBALS],
      },
    },
    {
      files: TS('utils/platform/**/*'),
      rules: {
        'no-restricted-imports': restrict([
          NO_COMPONENTS(platform),
          NO_ENTRYPOINTS(platform),
          NO_CLI(platform),
          NO_PREACT(platform),
          NO_READABILITY(platform),
        ]),
      },
    },
    {
      files: TS('components/**/*'),
      rules: {
        'no-restricted-imports': restrict([
          NO_PLATFORM(components),
          NO_DOM(components),
          NO_STORE(components),
          NO_ENTRYPOINTS(components),
          NO_CLI(components),
          NO_EXTENSION_API(components),
          ban(
            DOM_LIBRARIES,
            'components/ must not import DOM libraries: extraction is the clip script’s job.',
          ),
        ]),
      },
    },
    { files: TS('entrypoints/*'), rules: { 'no-restricted-imports': entryRules(0, false) } },
    { files: TS('entrypoints/*/*'), rules: { 'no-restricted-imports': entryRules(1, false) } },
    { files: TS('entrypoints/*/*/*'), rules: { 'no-restricted-imports': entryRules(2, false) } },
    { files: TS('entrypoints/*/*/*/*'), rules: { 'no-restricted-imports': entryRules(3, false) } },
    // The injected script runs in the news site's origin: IndexedDB there would belong to the site.
    { files: TS('entrypoints/clip'), rules: { 'no-restricted-imports': entryRules(0, true) } },
    { files: TS('entrypoints/clip/*'), rules: { 'no-restricted-imports': entryRules(1, true) } },
    { files: TS('entrypoints/clip/*/*'), rules: { 'no-restricted-imports': entryRules(2, true) } },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'coverage', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': true, 'ts-nocheck': true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never render clipped HTML: show text only.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'No innerHTML: page data must never become markup in our pages.',
        },
        {
          selector:
            "ConditionalExpression[test.type='BinaryExpression'][test.operator='instanceof'][test.right.name='Error'][consequent.property.name='message']",
          message: 'Use errorMessage() from utils/pure/error-message.ts: one way to word a caught error.',
        },
      ],
    },
  },
  ...layerConfigs(),
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // node:test's describe/it return promises the runner itself awaits.
    files: ['tests/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it'], package: 'node:test' }] },
      ],
    },
  },
);
