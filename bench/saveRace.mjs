// How many of an editor's saves are lost when they race `notes --update`-style updates of the same
// file, as fast as two processes can go.
//
//   node bench/saveRace.mjs [--saves N]
//
// A child process saves the whole file in place (open, truncate, write) N times. This process
// regenerates the file's fenced block and replaces the file (the core's replaceFile, as `notes
// --update` and the editor do) as often as it can meanwhile. A save the child does not see right
// away, and every 25th (which lets updates through), is judged once this process has finished the update under way and holds: a save not in the
// file then was lost. A loss is a save made through an open that found the old file before the
// rename and wrote to it after the update's last look, the one window no rename-based write can see.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(import.meta.url)(join(ROOT, 'out', 'bench', 'benchCore.js'));
const { values } = parseArgs({ options: { saves: { type: 'string', default: '20000' } } });
const SAVES = Number(values.saves);

const dir = mkdtempSync(join(tmpdir(), 'reflect-save-race-'));
const file = join(dir, 'notes.md');
const saveText = (j) => `# Notes\n\n<!-- reflect:begin groups -->\n- stale ${j}\n<!-- reflect:end groups -->\n\nsave ${j}\n`;
writeFileSync(file, saveText(0));

const saver = spawn(
  process.execPath,
  [
    '-e',
    `const fs = require('fs');
     const [file, saves] = [process.argv[1], Number(process.argv[2])];
     const held = () => new Promise((done) => { process.once('message', done); process.send({ kind: 'hold' }); });
     (async () => {
       let lost = 0;
       for (let j = 1; j <= saves; j++) {
         const mine = 'save ' + j + '\\n';
         fs.writeFileSync(file, ${JSON.stringify(saveText(0))}.replace(/0/g, String(j)));
         if (fs.readFileSync(file, 'utf8').endsWith(mine) && j % 25 !== 0) continue;
         await held();
         if (!fs.readFileSync(file, 'utf8').endsWith(mine)) lost++;
         process.send({ kind: 'go on' });
       }
       process.send({ kind: 'done', lost });
       process.disconnect();
     })();`,
    file,
    String(SAVES),
  ],
  { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
);

let running = true;
let lost;
let holdAsked = false;
let goOn;
saver.on('message', (message) => {
  if (message.kind === 'hold') holdAsked = true;
  else if (message.kind === 'go on') goOn?.();
  else if (message.kind === 'done') {
    lost = message.lost;
    running = false;
  }
});
saver.on('exit', () => {
  running = false;
  goOn?.();
});

let updated = 0;
let refused = 0;
let held = 0;
for (let i = 0; running; i++) {
  if (holdAsked) {
    holdAsked = false;
    held++;
    await new Promise((done) => {
      goOn = done;
      saver.send({ kind: 'held' });
    });
    goOn = undefined;
    continue;
  }
  const bytes = await readFile(file);
  let result;
  try {
    result = core.regenerate(bytes.toString('utf8'), core.sealFences(`# Notes\n\n<!-- reflect:begin groups -->\n- update ${i}\n<!-- reflect:end groups -->\n\n\n`));
  } catch {
    continue;
  }
  if (result.text === bytes.toString('utf8')) continue;
  try {
    await core.replaceFile(file, result.text, { expected: bytes });
    updated++;
  } catch (error) {
    if (!(error instanceof core.FileChangedError)) throw error;
    refused++;
  }
}
const left = readdirSync(dir).filter((name) => name !== 'notes.md');
rmSync(dir, { recursive: true, force: true });
console.log(`save race: ${SAVES} saves beside ${updated} updates made and ${refused} refused; ${held} saves judged after a hold`);
console.log(`save race: saves lost ${lost} (${((100 * lost) / SAVES).toFixed(3)} %); names left beside the file: ${left.length}`);
