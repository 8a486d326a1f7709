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
    // The core is pure: it knows no editor, no protocol and no terminal, and runs in plain Node, the CLI and the server.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not depend on the editor.' },
            ...['node:readline', 'readline', 'node:tty', 'tty', 'node:repl', 'repl'].map((name) => ({ name, message: 'src/core must not depend on a terminal.' })),
          ],
          patterns: [
            { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'src/core must not depend on LSP.' },
            { group: ['**/extension/**', '**/server/**', '**/cli/**', '**/shared/**'], message: 'src/core must not import from an entry point or their shared protocol.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        ...['stdout', 'stderr', 'stdin', 'exit', 'argv', 'exitCode'].map((property) => ({ object: 'process', property, message: 'src/core must not use the terminal: the CLI adapts its results.' })),
      ],
    },
  },
  {
    // What the client and the server share: plain data and predicates, no editor, no protocol library.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/shared is used by the server too.' }],
          patterns: [
            { group: ['vscode-languageserver*', 'vscode-languageclient*'], message: 'src/shared holds plain data shared by client and server.' },
            { group: ['**/extension/**', '**/server/**', '**/cli/**'], message: 'src/shared must not import from an entry point.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The server runs outside VS Code.' }],
          patterns: [
            { group: ['**/extension/**'], message: 'The server never imports the extension.' },
            { group: ['**/cli/**'], message: 'The server never imports the CLI.' },
            { group: ['vscode-languageclient*'], message: 'The server is not a language client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs outside VS Code.' }],
          patterns: [
            { group: ['**/extension/**'], message: 'The CLI never imports the extension.' },
            { group: ['**/server/**'], message: 'The CLI never imports the language server.' },
            { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The CLI speaks no LSP.' },
          ],
        },
      ],
    },
  },
  {
    // The extension reaches the server only over LSP (the language client), never by importing it.
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**'], message: 'The extension reaches the language server only over LSP.' },
            { group: ['**/cli/**'], message: 'The extension calls the core, not the CLI.' },
            { group: ['vscode-languageserver', 'vscode-languageserver/*'], message: 'The extension is the client; the server library belongs to src/server.' },
          ],
        },
      ],
    },
  },
);
