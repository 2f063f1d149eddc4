// @ts-check
import tseslint from 'typescript-eslint';

const EXTENSION_API = ['wxt/browser', 'webextension-polyfill', '#imports', 'wxt/*', 'idb'];

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
      ],
    },
  },
  {
    // Pure modules run everywhere (CLI, background, tests): no DOM library, no extension API.
    files: ['utils/pure/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../dom/*', '../platform/*'], message: 'utils/pure imports only pure modules.' },
            { group: EXTENSION_API, message: 'utils/pure must not touch extension APIs.' },
            { group: ['@mozilla/readability', 'turndown'], message: 'DOM libraries belong in utils/dom.' },
          ],
        },
      ],
    },
  },
  {
    // DOM modules take a Document or Node as a parameter and never touch extension APIs.
    files: ['utils/dom/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../platform/*'], message: 'utils/dom must not import platform modules.' },
            { group: EXTENSION_API, message: 'utils/dom must not touch extension APIs.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'document', message: 'Take the Document as a parameter.' },
        { name: 'window', message: 'Take what you need as a parameter.' },
        { name: 'location', message: 'Take the URL as a parameter.' },
        { name: 'navigator', message: 'Take what you need as a parameter.' },
      ],
    },
  },
  {
    // The injected script runs in the news site's origin: IndexedDB there would belong to the site.
    files: ['entrypoints/clip.ts', 'entrypoints/clip/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/platform/store*', 'idb'],
              message: 'The clip script must never open the store: it runs in the page origin.',
            },
          ],
        },
      ],
    },
  },
  {
    // Background and extension pages must not carry Readability's weight.
    files: ['entrypoints/background.ts', 'entrypoints/background/**/*.ts', 'utils/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mozilla/readability', '**/dom/extract*'],
              message: 'Readability belongs in the injected clip script only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components take data by props and report events; they never reach the store or the extension API.
    files: ['components/**/*.tsx', 'components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../utils/platform/*'], message: 'Components get data through props.' },
            { group: EXTENSION_API, message: 'Components never call extension APIs.' },
          ],
        },
      ],
    },
  },
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
