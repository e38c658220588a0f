// Lint, and above all the layering rule of design.md: imports point one way
// (common <- main/core <- main/electron, main/web; common <- renderer, preload).
// A wrong import fails `npm test`, so the architecture does not rest on memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Regexes over the bare specifier, so a relative './events' is not mistaken for Node's 'events'.
const nodeBuiltins = '^(node:.*|fs(/.*)?|path|os|child_process|crypto|net|https?|stream|events|util|zlib|tls|url|worker_threads)$';
// A regex, not a gitignore group: 'electron/*' also matched relative paths such as '../main/electron/window'.
const electron = { regex: '^electron(/.*)?$', message: 'Only main/electron and preload may import electron.' };
const layer = (folders, message) => ({ group: folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', '.lab/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          electron,
          { regex: nodeBuiltins, message: 'common/ runs in the browser too: no Node built-ins.' },
          layer(['main', 'renderer', 'preload'], 'common/ imports nothing from the layers above it.'),
        ],
      }],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { ...electron, message: 'main/core never imports electron: inject it through ports.ts.' },
          layer(['renderer', 'preload', 'main/electron', 'main/web', 'electron', 'web'], 'main/core must not reach up into adapters or the UI.'),
        ],
      }],
    },
  },
  {
    files: ['main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [electron, layer(['renderer', 'preload', 'main/electron', 'electron'], 'main/web uses core and common only.')],
      }],
    },
  },
  {
    files: ['main/electron/**/*.ts', 'main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [layer(['renderer', 'preload', 'main/web', 'web'], 'main/electron uses core and common only.')],
      }],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [layer(['main', 'renderer'], 'preload imports common (and electron) only.')],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          electron,
          { regex: nodeBuiltins, message: 'The renderer is browser code: no Node built-ins.' },
          layer(['main', 'preload'], 'The renderer imports common only; it talks to main through the API client.'),
        ],
      }],
    },
  },
  {
    // Anything outside main/electron and preload that imports electron fails the build.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ ...electron, allowTypeImports: true }] }],
    },
  },
);
