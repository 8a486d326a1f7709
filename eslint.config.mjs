import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/.cache/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The core is pure: it must run in plain Node, the CLI and the server.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core must not depend on the editor.' }],
          patterns: [
            { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'src/core must not depend on LSP.' },
            { group: ['**/extension/**', '**/server/**', '**/cli/**'], message: 'src/core must not import from an entry point.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The server and CLI run outside VS Code.' }] }],
    },
  },
);
