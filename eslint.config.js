// Boundaries between layers are checked here (STYLE habit 9).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'The domain and the ledger are pure: no Node built-ins.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test-artifacts/', 'web-dist/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        // The one exception is the message catalogue (src/messages): pure data and formatting, itself
        // free of everything else (rule below), so that refusals are worded where they are declared.
        patterns: [
          nodeBuiltins,
          { group: ['../ledger/*', '../app/*', '../adapters/*', '../api/*', '../cli/*', '../web/*'], message: 'src/domain imports nothing outside itself (but the catalogue, src/messages).' },
          { regex: '^\\.\\./\\.\\./(?!messages/)', message: 'src/domain imports nothing outside itself (but the catalogue, src/messages).' },
        ],
      }],
    },
  },
  {
    // The one message catalogue: every layer imports it, the browser included, so it imports no
    // other part of Evere (types aside) and nothing of Node.
    files: ['src/messages/**/*.ts'],
    ignores: ['src/messages/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['../*', '!../message.js', '../../*'], allowTypeImports: false, message: 'src/messages imports nothing outside itself: every layer and the browser import it.' },
          nodeBuiltins,
        ],
      }],
    },
  },
  {
    files: ['src/ledger/**/*.ts'],
    ignores: ['src/ledger/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [nodeBuiltins, { group: ['../app/*', '../adapters/*', '../api/*', '../cli/*', '../web/*', '../domain/*'], message: 'src/ledger is deterministic and free of storage and of the domain.' }],
      }],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['../../api/*', '../../cli/*', '../../web/*'], message: 'Adapters never import api, cli or web.' }],
      }],
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: ['src/web/vite.config.ts', 'src/web/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/domain/*', '**/domain/**', '**/app/*', '**/api/*', '**/cli/*', '**/adapters/**'], allowTypeImports: true, message: 'src/web imports the domain, app and api with `import type` only (src/ledger, free of node:*, may be imported for proof verification).' },
          { group: ['node:*'], message: 'src/web runs in the browser: no Node built-ins.' },
        ],
      }],
    },
  },
);
