// The floor for `reflect notes` with the reads it makes: a bare Node script
// that spawns the same git commands in the same waves (the commands of a
// wave side by side, each wave after the one before, as `reflect notes`
// runs them) and buffers their output, nothing else. `npm run bench` finds
// the waves by watching one in-process run of `reflect notes` and compares
// the whole `reflect notes` process with this script, and this script with
// bench/floor.mjs (one git command): what the reads cost apart from our code.
//
// Usage: node bench/readsFloor.mjs <cwd> <json: [[[git, ...argv], ...], ...]>;
// the environment it is started with is the one git gets.
import { spawn } from 'node:child_process';

const [cwd, wavesJson] = process.argv.slice(2);
const read = ([git, ...args]) =>
  new Promise((resolve) => {
    const child = spawn(git, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks = [];
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.on('close', (code) => {
      Buffer.concat(chunks);
      if (code !== 0) process.exitCode = code ?? 1;
      resolve();
    });
  });
for (const wave of JSON.parse(wavesJson)) await Promise.all(wave.map(read));
