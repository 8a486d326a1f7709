// Language-server benchmark: how long validation of one document takes in
// process, how long an edit takes to come back as diagnostics over the
// protocol, and the server under load: a burst of edits, and hostile 64 KB
// front matter (time per validation and the server's peak memory). Run after
// a build (`node esbuild.mjs`): it spawns dist/server.js. A benchmark, not a
// test: it prints measurements and asserts nothing.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const CORE = join(ROOT, 'out', 'bench', 'languageServerCore.js');
const SERVER = join(ROOT, 'dist', 'server.js');
const RUNS = Number(process.env.BENCH_VALIDATION_RUNS ?? 1000);
const CHANGES = Number(process.env.BENCH_PROTOCOL_CHANGES ?? 50);
const BURST = Number(process.env.BENCH_BURST_CHANGES ?? 5000);
const HOSTILE_RUNS = Number(process.env.BENCH_HOSTILE_RUNS ?? 20);

// The same core the server bundles, compiled on its own so this script needs nothing from bench/benchCore.ts.
await esbuild.build({
  stdin: {
    contents: [
      "export { validateDocument } from './src/core/validate/validateDocument';",
      "export { renderDocumentTemplate } from './src/core/records/documentTemplates';",
      "export { PROMPT_MARKER } from './src/core/vocabulary/promptMarker';",
      "export { ADVERSARIAL_FRONT_MATTER, documentWith } from './test/support/adversarialFrontMatter';",
    ].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: CORE,
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
});
const core = require(CORE);

/** A before-action reflection as a person leaves it: every prompt answered with a short paragraph. */
function typicalReflection() {
  const text = core.renderDocumentTemplate('before-action', { version: 'v1.4.0', date: '2026-11-25', author: 'Alex Morgan' });
  const answer = 'We checked the interface with the laboratory team, agreed the rollback trigger with the on-call lead, and told the ward managers the day before.';
  return text.split('\n').map((line) => (line.startsWith(core.PROMPT_MARKER) ? answer : line)).join('\n');
}

/** The same reflection with its body grown to about `bytes` of paragraphs. */
function grownDocument(base, bytes) {
  const paragraph = `${'This paragraph records what happened during the change, in plain words. '.repeat(8)}\n\n`;
  return base + paragraph.repeat(Math.ceil((bytes - base.length) / paragraph.length));
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeValidation(text, runs) {
  for (let i = 0; i < Math.min(50, runs); i++) core.validateDocument(text);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    core.validateDocument(text);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

/** The built server over stdio, answering what it asks of a client that has no settings. */
function startServer() {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const initialized = connection
    .sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } } })
    .then(() => connection.sendNotification('initialized', {}));
  return {
    child,
    connection,
    initialized,
    /** The server's peak resident memory so far (Linux: VmHWM of /proc/<pid>/status), in MB. */
    peakMemoryMb() {
      try {
        const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        return Number.isFinite(kb) ? kb / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
      connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}

/** Milliseconds from sending `didChange` to receiving the document's diagnostics, for each of `count` edits. */
async function timeProtocol(text, count) {
  const server = startServer();
  const { connection } = server;
  const uri = 'file:///bench/docs/changes/v1.4.0/before-action.md';
  try {
    await server.initialized;
    let version = 1;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const samples = [];
    for (let i = 0; i < count; i++) {
      const edited = text.replace('author: Alex Morgan', `author: Alex Morgan ${i}`);
      const start = process.hrtime.bigint();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: edited }] });
      await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return samples.sort((a, b) => a - b);
  } finally {
    await server.stop();
  }
}

/**
 * A burst of `count` incremental edits sent as fast as the pipe takes them (a
 * person typing, a paste, a format-on-save), then one pull: milliseconds from
 * the first edit to the diagnostics of the last, and the server's peak memory.
 */
async function timeBurst(text, count) {
  const server = startServer();
  const { connection } = server;
  const uri = 'file:///bench/docs/changes/v1.4.0/before-action.md';
  try {
    await server.initialized;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const at = text.indexOf('author: Alex Morgan') + 'author: Alex Morgan'.length;
    const lines = text.slice(0, at).split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1).length };
    const start = process.hrtime.bigint();
    const sends = [];
    for (let i = 0; i < count; i++) {
      // Type one character after the author's name each time.
      const range = { start: { line: position.line, character: position.character + i }, end: { line: position.line, character: position.character + i } };
      sends.push(connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: 'x' }] }));
    }
    await Promise.all(sends);
    const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    return { ms, diagnostics: report.items?.length ?? 0, peakMb: server.peakMemoryMb() };
  } finally {
    await server.stop();
  }
}

/** Each hostile front matter opened in one server and its diagnostics pulled: the slowest pull, and the server's peak memory at the end. */
async function hostileOverProtocol(documents) {
  const server = startServer();
  const { connection } = server;
  try {
    await server.initialized;
    const baselineMb = server.peakMemoryMb();
    let slowest = 0;
    let index = 0;
    for (const text of documents) {
      const uri = `file:///bench/docs/changes/v6.6.6/hostile-${index++}.md`;
      const start = process.hrtime.bigint();
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
      slowest = Math.max(slowest, Number(process.hrtime.bigint() - start) / 1e6);
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    return { slowest, baselineMb, peakMb: server.peakMemoryMb() };
  } finally {
    await server.stop();
  }
}

const fmt = (ms) => `${ms.toFixed(2)} ms`;
const reflection = typicalReflection();
const big = grownDocument(reflection, 1024 * 1024);
// Just under the 512 KB above which the core skips the section checks, so markdown-it reads it all.
const half = grownDocument(reflection, 500 * 1024);
const typical = timeValidation(reflection, RUNS);
const large = timeValidation(big, Math.max(5, Math.round(RUNS / 50)));
const sections = timeValidation(half, Math.max(5, Math.round(RUNS / 50)));
const protocol = await timeProtocol(reflection, CHANGES);
const burst = await timeBurst(reflection, BURST);
const hostile = Object.entries(core.ADVERSARIAL_FRONT_MATTER).map(([name, build]) => {
  const text = core.documentWith(build());
  return { name, text, samples: timeValidation(text, HOSTILE_RUNS) };
});
const hostileServer = await hostileOverProtocol(hostile.map((h) => h.text));
const mb = (value) => (value === undefined ? 'n/a (no /proc)' : `${value.toFixed(0)} MB`);

console.log('\nLanguage server: validation in process, and didChange → diagnostics over stdio.\n');
console.log(`typical reflection (${reflection.length} chars), ${typical.length} runs: p50 ${fmt(percentile(typical, 50))}, p95 ${fmt(percentile(typical, 95))}, max ${fmt(typical.at(-1))} (target: p95 under 10 ms)`);
console.log(`1 MB document (${big.length} chars; sections not checked past 512 KB), ${large.length} runs: p50 ${fmt(percentile(large, 50))}, p95 ${fmt(percentile(large, 95))}, max ${fmt(large.at(-1))}`);
console.log(`500 KB document (${half.length} chars; every section checked), ${sections.length} runs: p50 ${fmt(percentile(sections, 50))}, p95 ${fmt(percentile(sections, 95))}, max ${fmt(sections.at(-1))}`);
console.log(`didChange → diagnostics over stdio, ${protocol.length} edits: median ${fmt(percentile(protocol, 50))}, p95 ${fmt(percentile(protocol, 95))} (includes the server's 150 ms debounce)`);
console.log(`burst of ${BURST} didChange notifications → final diagnostics: ${fmt(burst.ms)} (${burst.diagnostics} diagnostics for the last version); server peak memory ${mb(burst.peakMb)}`);
console.log(`\nAdversarial front matter (each up to 64 KB), in process, ${HOSTILE_RUNS} runs each (target: under 100 ms):`);
for (const { name, text, samples } of hostile) console.log(`  ${name.padEnd(48)} ${String(text.length).padStart(6)} chars: p50 ${fmt(percentile(samples, 50))}, max ${fmt(samples.at(-1))}`);
const worst = hostile.reduce((a, b) => (percentile(b.samples, 50) > percentile(a.samples, 50) ? b : a));
console.log(`slowest shape: ${worst.name}, p50 ${fmt(percentile(worst.samples, 50))}`);
console.log(`over stdio, all ${hostile.length} opened in one server (open + diagnostics + hover): slowest ${fmt(hostileServer.slowest)}; server peak memory ${mb(hostileServer.peakMb)} (${mb(hostileServer.baselineMb)} after start; target: under 100 MB more)`);
