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
// Services are computation over injected ports. Hashing and ids are computation; the disk, the
// network, processes and threads are adapters' business.
const nodeIoImports = [
  {
    group: [
      ...NODE_BUILTINS.filter((name) => name !== 'crypto').flatMap((name) => [
        name,
        `node:${name}`,
      ]),
    ],
    message:
      'Services reach the disk, network and processes through ports (only node:crypto here).',
  },
];
const backendLibraries = [
  {
    group: ['electron', 'electron/*'],
    message: 'Electron is only for electron/main and electron/preload.',
  },
  {
    group: ['lowdb', 'lowdb/*', 'rss-parser', 'sanitize-html', 'iconv-lite', 'undici', 'ipaddr.js'],
    message: 'Backend libraries belong in electron/adapters.',
  },
];
const uiLibraries = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'dompurify', '@testing-library/*'],
    message: 'UI libraries belong in renderer/.',
  },
];
const rendererCode = [
  {
    group: ['**/renderer/**'],
    message: "The backend never imports the window's code; share it through shared/.",
  },
];
const backendCode = [
  {
    group: ['**/electron/**'],
    message: 'Backend code is reached through the contract (renderer) or not at all (shared).',
  },
];
const servicesReachAdapters = [
  {
    group: ['**/adapters/**'],
    message: 'Services receive adapters through their constructor.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.tmp/**',
      'dist/**',
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
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeImports, ...backendLibraries, ...backendCode] },
      ],
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
            ...uiLibraries,
            ...rendererCode,
            ...backendCode,
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
            ...nodeIoImports,
            ...backendLibraries,
            ...uiLibraries,
            ...rendererCode,
            ...servicesReachAdapters,
          ],
        },
      ],
    },
  },
  {
    // Service tests wire the real adapters (real files, real loopback servers) around the service.
    files: ['electron/services/**/*.test.ts', 'electron/services/**/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [backendLibraries[0], ...uiLibraries, ...rendererCode] },
      ],
    },
  },
  {
    files: ['electron/adapters/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [backendLibraries[0], ...uiLibraries, ...rendererCode] },
      ],
    },
  },
  {
    // Main may use Electron and the backend, never the window's code or UI libraries.
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...uiLibraries, ...rendererCode] }],
    },
  },
  {
    // The preload runs sandboxed: Electron's renderer modules only, no Node, no UI code.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeImports, ...uiLibraries, ...rendererCode] },
      ],
    },
  },
  {
    // Wiring tests drive the renderer's own HTTP transport against the real host and IPC
    // handlers, so the test files (and their helpers) may import it; UI libraries stay out.
    files: ['electron/{main,host}/**/*.test.ts', 'electron/{main,host}/**/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...uiLibraries] }],
    },
  },
);
