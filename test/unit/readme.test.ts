import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { updateReadmeTables } from '../../scripts/readmeTables';
import { RULES } from '../../src/core/validate/ruleCatalog';

const README = readFileSync(join(resolve(__dirname, '../../..'), 'README.md'), 'utf8');

describe('README', () => {
  it('has the rule table and field reference generated from the code and schemas (run npm run docs)', () => {
    assert.equal(updateReadmeTables(README), README);
  });

  it('gives every validation rule an anchor the diagnostics link to', () => {
    for (const rule of RULES) assert.ok(README.includes(`<a id="${rule.code}"></a>`), rule.code);
  });
});
