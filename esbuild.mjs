// Bundles the three entry points (extension, language server, CLI) and the
// compiled tests. Type checking is `tsc --noEmit`; esbuild only transpiles.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--tests`: only what `npm run test:unit` runs: the server and CLI bundles the
// tests start, and the compiled tests.
const testsOnly = process.argv.includes('--tests');
// `--bin`: only what a package ships (`npm pack`'s prepack): the extension, server and CLI bundles.
const shippedOnly = process.argv.includes('--bin');

/** Every file under `dir` whose name ends with one of `suffixes`. */
function filesUnder(dir, suffixes) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffixes));
    else if (suffixes.some((s) => name.endsWith(s))) found.push(path);
  }
  return found;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: !production,
  // RCL_READABLE_BUNDLE=1 keeps names in a production build, for a CPU profile (`npm run bench:workbench -- --profile`).
  minify: production && !process.env.RCL_READABLE_BUNDLE,
  logLevel: 'info',
  // One copy of markdown-it, its ES module, whether it is imported or (loaded on first use) required:
  // its package would give `require` a second, CommonJS copy.
  alias: { 'markdown-it': './node_modules/markdown-it/dist/markdown-it.mjs' },
  // ESM-only dependencies are bundled; this keeps `import.meta.url` usable.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// pdf-lib is bundled once, as dist/pdf-lib.js, which the extension and the
// CLI load only when they write a PDF: it is not parsed at activation and the
// package carries one copy of it, not two.
const sharedPdfLib = {
  name: 'shared-pdf-lib',
  setup(build) {
    build.onResolve({ filter: /^pdf-lib$/ }, () => ({ path: './pdf-lib.js', external: true }));
  },
};

// vscode-languageclient is bundled on its own, as dist/language-client.js,
// which the extension loads when the first change-record document opens:
// activation neither parses nor runs it.
const separateLanguageClient = {
  name: 'separate-language-client',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageclient\/node$/ }, () => ({ path: './language-client.js', external: true }));
  },
};

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension/main.ts' },
    outdir: 'dist',
    external: ['vscode'],
    plugins: [sharedPdfLib, separateLanguageClient],
  },
  {
    ...common,
    entryPoints: { 'language-client': 'node_modules/vscode-languageclient/lib/node/main.js' },
    outdir: 'dist',
    external: ['vscode'],
    sourcemap: false,
  },
  {
    ...common,
    // dist/cli.js is the small launcher that turns on the compile cache before loading dist/reflect-cli.js.
    entryPoints: { server: 'src/server/main.ts', 'reflect-cli': 'src/cli/main.ts', cli: 'src/cli/launcher.ts' },
    outdir: 'dist',
    external: ['./reflect-cli.js'],
    banner: { js: '#!/usr/bin/env node\n' + common.banner.js },
    plugins: [sharedPdfLib],
  },
  {
    ...common,
    entryPoints: { 'pdf-lib': 'node_modules/pdf-lib/cjs/index.js' },
    outdir: 'dist',
    sourcemap: false,
  },
  {
    ...common,
    entryPoints: { benchCore: 'bench/benchCore.ts' },
    outdir: 'out/bench',
    minify: false,
  },
  {
    ...common,
    entryPoints: { readmeTables: 'scripts/readmeTables.ts' },
    outdir: 'out/scripts',
    minify: false,
  },
  {
    ...common,
    entryPoints: filesUnder('test', ['.test.ts']).concat(['test/integration/index.ts']).filter((f) => {
      try { return statSync(f).isFile(); } catch { return false; }
    }),
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha'],
    sourcemap: true,
    minify: false,
  },
];

const neededByTests = (options) => options.outdir === 'out/test' || 'server' in options.entryPoints || 'pdf-lib' in options.entryPoints;
const shipped = (options) => options.outdir === 'dist';
const selected = testsOnly ? builds.filter(neededByTests) : shippedOnly ? builds.filter(shipped) : builds;
if (watch) {
  for (const options of selected) (await esbuild.context(options)).watch();
} else {
  // Compiled tests of moved or deleted specs must not linger and run again.
  if (!shippedOnly) rmSync('out/test', { recursive: true, force: true });
  await Promise.all(selected.map((options) => esbuild.build(options)));
}
