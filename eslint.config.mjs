import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './tools/eslint-layers.mjs';

const root = import.meta.dirname;

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'fonts/', 'schema/', 'samples/', 'templates/', 'test/fixtures/**', '**/__output__/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { broadsheet: layers },
    rules: {
      'broadsheet/layers': ['error', { root }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 600, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['scripts/**', 'tools/**', 'cli/**', 'main/**', 'pdf/**', 'test/**', 'bin/**', '*.mjs', '*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['engine/**', 'bridge/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'setTimeout', 'setInterval', 'Date', 'Math.random'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'The engine is deterministic.' }, { object: 'Date', property: 'now', message: 'The engine never reads a clock.' }],
    },
  },
  {
    // Main listens to renderers only through the validated IPC wrapper (main/ipc/register.ts).
    files: ['main/**'],
    ignores: ['main/ipc/register.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'Register channels with main/ipc/register.ts (sender + schema checks).' }] }],
    },
  },
);
