// Lint enforces the dependency direction described in docs/ARCHITECTURE.md, so a boundary cannot
// be crossed by accident: Electron only in main and preload, no Node/Electron/storage/parsing
// libraries in the renderer or in shared code.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];
const nodeImports = [
  {
    group: ['node:*', ...NODE_BUILTINS],
    message: 'No Node APIs here: this code also runs in the renderer.',
  },
];
const backendLibraries = [
  {
    group: ['electron', 'electron/*'],
    message: 'Electron is only for electron/main and electron/preload.',
  },
  {
    group: [
      'lowdb',
      'lowdb/*',
      'rss-parser',
      'sanitize-html',
      'write-file-atomic',
      'proper-lockfile',
      'iconv-lite',
    ],
    message: 'Backend libraries belong in electron/adapters.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.electronegativity/**',
      'e2e/feeds/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{js,mjs,ts}',
      '*.config.{js,ts}',
      '.ci/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...nodeImports, ...backendLibraries] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeImports,
            ...backendLibraries,
            {
              group: ['react', 'react-dom', 'dompurify'],
              message: 'shared/ is plain data and functions.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services are plain classes over injected ports: no Electron, no storage or parsing library.
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...backendLibraries,
            {
              group: ['**/adapters/**'],
              message: 'Services receive adapters through their constructor.',
            },
          ],
        },
      ],
    },
  },
  {
    // Service tests wire the real adapters (real files, real loopback servers) around the service.
    files: ['electron/services/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [backendLibraries[0]] }] },
  },
  {
    files: ['electron/adapters/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [backendLibraries[0]] }],
    },
  },
);
