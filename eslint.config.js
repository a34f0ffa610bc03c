// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * The program roots and what each may import (docs/architecture.md): a root lists the roots it
 * may use; every other root is refused by path. `electron` the package is the Electron shell's
 * alone, React and Dexie the renderer's. test/ may import anything.
 */
const ROOTS = ['core', 'node', 'host', 'electron', 'web-host', 'cli', 'platform', 'renderer'];
const MAY_IMPORT = {
  core: [],
  node: ['core'],
  host: ['core', 'node'],
  electron: ['core', 'node', 'host'],
  'web-host': ['core', 'node', 'host'],
  cli: ['core', 'node', 'host'],
  platform: ['core', 'node'],
  renderer: ['core'],
};
const nodeBuiltins = (message) => builtinModules.map((name) => ({ name, message }));

/** The no-restricted-imports rule of one root. */
function boundary(root, { paths = [], patterns = [] } = {}) {
  const foreign = ROOTS.filter((other) => other !== root && !MAY_IMPORT[root].includes(other));
  const uiAndStorage = root === 'renderer' ? [] : [
    { name: 'react', message: `${root}/ must not know about React; the UI lives in renderer/.` },
    { name: 'react-dom', message: `${root}/ must not know about React; the UI lives in renderer/.` },
    { name: 'dexie', message: `${root}/ must not know about Dexie; the drafts database lives in renderer/store/.` },
  ];
  const shell = root === 'electron' ? [] : [{ name: 'electron', message: `Only electron/ imports Electron; ${root}/ must run without it.` }];
  return {
    files: [`${root}/**/*.{ts,tsx,mjs}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...shell, ...uiAndStorage, ...paths],
          patterns: [
            ...foreign.map((other) => ({ group: [`**/${other}/**`, `**/${other}`], message: `${root}/ may import only ${['its own files', ...MAY_IMPORT[root].map((r) => `${r}/`)].join(', ')}; not ${other}/.` })),
            ...(root === 'electron' ? [] : [{ group: ['electron/*'], message: `Only electron/ imports Electron.` }]),
            ...patterns,
          ],
        },
      ],
    },
  };
}

const pureMessage = (root) => `${root}/ must not use Node built-ins; put I/O in host/ or node/ and inject it.`;

/** core/ is pure domain code shared by every program: it must run anywhere. */
const coreBoundary = [
  boundary('core', {
    paths: nodeBuiltins(pureMessage('core')),
    patterns: [
      { group: ['node:*'], message: pureMessage('core') },
      { group: ['react/*', 'react-dom/*', 'dexie-*'], message: 'core/ must stay free of UI and storage code.' },
    ],
  }),
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'fetch', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', 'Buffer', '__dirname'].map(
          (name) => ({ name, message: `core/ must not touch ${name}; inject what it needs.` }),
        ),
      ],
    },
  },
];

/** The renderer runs in a sandboxed page: no Node, whatever the bundler would let through. */
const rendererBoundary = boundary('renderer', {
  paths: nodeBuiltins('renderer/ runs in a page: no Node built-ins; ask the host through the bridge.'),
  patterns: [{ group: ['node:*'], message: 'renderer/ runs in a page: no Node built-ins; ask the host through the bridge.' }],
});

const nodeBoundaries = ['node', 'host', 'electron', 'web-host', 'cli', 'platform'].map((root) => boundary(root));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  ...coreBoundary,
  rendererBoundary,
  ...nodeBoundaries,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['{node,host,electron,web-host,cli,platform,scripts}/**/*.{ts,mjs}', 'test/**/*.{ts,tsx}', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
