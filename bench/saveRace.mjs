// How many of an editor's saves are lost when they race `notes --update`-style updates of the same
// file, as fast as two processes can go.
//
//   node bench/saveRace.mjs [--saves N]
//
// The race is bench/saveRaceDriver.mjs's, with every 25th save judged (which lets updates through).
// The losses traced were saves made through an open that found the old file before a rename and
// wrote to it after the update's last look: the one window no rename-based write can see.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { raceSaves } from './saveRaceDriver.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(import.meta.url)(join(ROOT, 'out', 'bench', 'benchCore.js'));
const { values } = parseArgs({ options: { saves: { type: 'string', default: '20000' } } });
const SAVES = Number(values.saves);

const dir = mkdtempSync(join(tmpdir(), 'reflect-save-race-'));
const { lost, looks, updated, refused } = await raceSaves({ file: join(dir, 'notes.md'), saves: SAVES, judgeEvery: 25, core });
const left = readdirSync(dir).filter((name) => name !== 'notes.md');
rmSync(dir, { recursive: true, force: true });
console.log(`save race: ${SAVES} saves beside ${updated} updates made and ${refused} refused; ${looks.length} saves judged after a hold`);
console.log(`save race: saves lost ${lost} (${((100 * lost) / SAVES).toFixed(3)} %); names left beside the file: ${left.length}`);
