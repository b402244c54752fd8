// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The engine is pure and deterministic: no UI libraries, no wall clock, no ambient randomness. */
const engineBoundaries = {
  files: ['src/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'The engine must not import React.' },
          { group: ['comlink'], message: 'Only src/worker talks Comlink.' },
          { group: ['zustand', 'zustand/*'], message: 'UI state lives in src/app.' },
          { group: ['**/app/**', '**/worker/**'], message: 'The engine does not know the UI or the worker.' },
          { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'], message: 'The engine runs in a browser worker too: no Node built-ins.' },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'setTimeout', message: 'Use the VirtualClock.' },
      { name: 'setInterval', message: 'Use the VirtualClock.' },
      { name: 'requestAnimationFrame', message: 'Use the VirtualClock.' },
      { name: 'performance', message: 'Use the VirtualClock.' },
      { name: 'window', message: 'The engine has no DOM.' },
      { name: 'document', message: 'The engine has no DOM.' },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Date', property: 'now', message: 'Use the VirtualClock.' },
      { object: 'Math', property: 'random', message: 'Use the seeded Rng.' },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the VirtualClock.' },
    ],
  },
};

const engineTestsMayUseNode = {
  files: ['src/engine/**/*.test.ts', 'src/engine/**/testing/**/*.ts'],
  rules: { 'no-restricted-imports': 'off' },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/engine/**'], allowTypeImports: true, message: 'The app reaches the engine only through the worker client (type imports are fine).' }] },
      ],
    },
  },
  { files: ['src/worker/**/*.ts'], languageOptions: { globals: globals.worker } },
  { files: ['src/cli/**/*.ts', 'scripts/**/*.mjs', 'src/build/**/*.ts', 'bin/**/*.mjs', 'e2e/**/*.ts', '*.config.{ts,js}', 'bench/**/*.ts'], languageOptions: { globals: globals.node } },
  engineBoundaries,
  engineTestsMayUseNode,
);
