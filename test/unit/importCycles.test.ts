import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { findCycles, folderGraph, readImportGraph } from '../support/importGraph';

const ROOT = resolve(__dirname, '../../..');

describe('layers without loops', () => {
  const files = readImportGraph(ROOT, 'src');

  it('finds a loop when there is one (the check itself works)', () => {
    assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), [['a', 'b', 'c']]);
    assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', []]])), []);
  });

  it('no two source files import each other in a loop, type imports included', () => {
    assert.deepEqual(findCycles(files), []);
  });

  it('no two core folders import each other in a loop', () => {
    const folders = new Map([...folderGraph(files, 3)].filter(([folder]) => folder.startsWith('src/core/')).map(([folder, targets]) => [folder, targets.filter((t) => t.startsWith('src/core/'))]));
    assert.deepEqual(findCycles(folders), []);
  });

  it('no two of core, shared, cli, server and extension import each other in a loop', () => {
    assert.deepEqual(findCycles(folderGraph(files, 2)), []);
  });
});
