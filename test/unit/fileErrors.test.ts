import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNewFile } from '../../src/core/files/atomicWrite';
import { describeFileError } from '../../src/core/files/fileErrors';
import { readTemplateFile } from '../../src/core/render/notesTemplateFile';

describe('file errors are one line naming the person\'s path', () => {
  it('a new file in a missing folder names the file and the folder, never our temporary name or the errno dump', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reflect-errors-'));
    try {
      const target = join(dir, 'missing', 'x.md');
      const error = await writeNewFile(target, 'x').then(() => undefined, (e: unknown) => e);
      const line = describeFileError(error);
      assert.equal(line, `${target} cannot be written: the folder ${join(dir, 'missing')} does not exist.`);
      assert.doesNotMatch(line ?? '', /\.tmp|ENOENT|open '/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const template of ['', '/nonexistent-reflect-template/t.md']) {
    it(`--template ${JSON.stringify(template)}: what is wrong, in words`, async () => {
      const error = await readTemplateFile(template).then(() => undefined, (e: unknown) => e as Error);
      assert.ok(error);
      assert.match(error.message, /does not exist/);
      assert.doesNotMatch(error.message, /ENOENT|stat '|\n/);
    });
  }
});
