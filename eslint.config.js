// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/** core/ is pure domain code shared by main, renderer and the command line: it must run anywhere. */
const coreBoundary = {
  files: ['core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          ...builtinModules.map((name) => ({ name, message: 'core/ must not use Node built-ins; put I/O in an adapter.' })),
          { name: 'electron', message: 'core/ must not know about Electron.' },
          { name: 'react', message: 'core/ must not know about React.' },
          { name: 'react-dom', message: 'core/ must not know about React.' },
          { name: 'dexie', message: 'core/ must not know about Dexie; storage lives in an adapter.' },
        ],
        patterns: [
          { group: ['node:*'], message: 'core/ must not use Node built-ins; put I/O in an adapter.' },
          { group: ['react/*', 'react-dom/*', 'dexie-*', 'electron/*'], message: 'core/ must stay free of UI, storage and shell code.' },
          { group: ['**/renderer/**', '**/electron/**'], message: 'core/ must not import from the app layers.' },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...['window', 'document', 'fetch', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', 'Buffer', '__dirname'].map(
        (name) => ({ name, message: `core/ must not touch ${name}; inject what it needs.` }),
      ),
    ],
  },
};

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
  coreBoundary,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'test/**/*.{ts,tsx}', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
