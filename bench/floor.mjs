// The floor for any Node command-line tool that reads git: a bare Node script
// that spawns one git command and buffers its output, nothing else (no
// bundle, no parsing, no output). `npm run bench` runs it with exactly the
// git argv and environment `reflect notes` / `reflect tags` give their main
// read, so the ratio of the two whole processes is what our own code costs.
//
// Usage: node bench/floor.mjs <cwd> <json: [git, ...argv]>; the environment
// it is started with is the one git gets.
import { spawn } from 'node:child_process';

const [cwd, argvJson] = process.argv.slice(2);
const [git, ...args] = JSON.parse(argvJson);
const child = spawn(git, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
const chunks = [];
child.stdout.on('data', (chunk) => chunks.push(chunk));
child.on('close', (code) => {
  Buffer.concat(chunks);
  process.exitCode = code ?? 1;
});
