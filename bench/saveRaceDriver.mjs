// An editor's saves racing updates of the same file: one race, driven the same way by the stress
// test (test/cli/fileUpdates.test.ts) and by the measure of what is lost (bench/saveRace.mjs).
//
// A child process saves the whole file in place (open, truncate, write) `saves` times, as fast as it
// can. Meanwhile this process regenerates the file's fenced block and replaces the file with the
// core's `replaceFile`, as `notes --update` does, again and again. The child looks once after each
// save; a save it does not see, and every `judgeEvery`th, is judged only once this process has
// finished the update under way and holds: a save not in the file then was lost. No count of
// re-reads or timer decides it.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** The file as the editor saves it the `j`th time. */
export function saveText(j) {
  return `# Notes\n\n<!-- reflect:begin groups -->\n- stale ${j}\n<!-- reflect:end groups -->\n\nsave ${j}\n`;
}

const SAVER = `const fs = require('fs');
const [file, saves, judgeEvery, template] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
const held = () => new Promise((done) => { process.once('message', done); process.send({ kind: 'hold' }); });
(async () => {
  let lost = 0;
  for (let j = 1; j <= saves; j++) {
    const mine = 'save ' + j + '\\n';
    fs.writeFileSync(file, template.replace(/0/g, String(j)));
    if (fs.readFileSync(file, 'utf8').endsWith(mine) && j % judgeEvery !== 0) continue;
    await held();
    const text = fs.readFileSync(file, 'utf8');
    if (!text.endsWith(mine)) lost++;
    process.send({ kind: 'look', j, text });
  }
  process.send({ kind: 'done', lost });
  process.disconnect();
})();`;

export async function raceSaves({ file, saves, judgeEvery, core, onHold = () => undefined }) {
  writeFileSync(file, saveText(0));
  const saver = spawn(process.execPath, ['-e', SAVER, file, String(saves), String(judgeEvery), saveText(0)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  let running = true;
  let holdAsked = false;
  let goOn;
  let lost;
  const looks = [];
  saver.on('message', (message) => {
    if (message.kind === 'hold') holdAsked = true;
    else if (message.kind === 'look') {
      looks.push({ j: message.j, text: message.text });
      goOn?.();
    } else if (message.kind === 'done') {
      lost = message.lost;
      running = false;
    }
  });
  const exited = new Promise((done) => saver.on('exit', (code) => done(code)));
  void exited.then(() => {
    running = false;
    goOn?.();
  });
  let updated = 0;
  let refused = 0;
  for (let i = 0; running; i++) {
    if (holdAsked) {
      // Between updates: nothing of ours is in flight. Wait until the saver has looked.
      holdAsked = false;
      onHold();
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
      continue; // caught mid-save: markers cut off
    }
    // As `notes --update` does: an unchanged text (an empty file caught between a save's truncate and its write) is not written.
    if (result.text === bytes.toString('utf8')) continue;
    try {
      await core.replaceFile(file, result.text, { expected: bytes });
      updated++;
    } catch (error) {
      if (!(error instanceof core.FileChangedError)) throw error;
      refused++;
    }
  }
  return { exitCode: await exited, lost, looks, updated, refused };
}
