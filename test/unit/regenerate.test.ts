import * as assert from 'node:assert/strict';
import { fenceHash, findFences, readFences, sealFences } from '../../src/core/markdown/generatedFences';
import { regenerate } from '../../src/core/markdown/regenerate';

const fresh = (groups: string, people: string) =>
  sealFences(`---\nkind: release-notes\n---\n\n# Notes\n\n<!-- reflect:begin groups -->\n${groups}\n<!-- reflect:end groups -->\n\n## Summary\n\n> **Prompt:** What?\n\n<!-- reflect:begin contributors -->\n${people}\n<!-- reflect:end contributors -->\n`);

describe('regenerating generated fences', () => {
  it('seals each fence with the hash of its content', () => {
    const text = fresh('- a', '- Ann');
    const fences = findFences(text);
    assert.deepEqual(fences.map((f) => [f.name, f.content, f.recordedHash]), [
      ['groups', '- a', fenceHash('- a')],
      ['contributors', '- Ann', fenceHash('- Ann')],
    ]);
  });

  it('replaces only the fences and keeps every other byte, CRLF and prose included', () => {
    const original = fresh('- a', '- Ann');
    const withProse = original
      .replace('> **Prompt:** What?', '> **Prompt:** What?\r\n\r\nWe ship the trend chart.  \t\n\u00e9\u{1F600}')
      .replace('# Notes\n', '# Notes\n\nIntro written by hand.\n');
    const result = regenerate(withProse, fresh('- a\n- b', '- Ann\n- Bo'));
    assert.deepEqual(result.editedFences, []);
    const expected = withProse.replace(/<!-- reflect:begin groups[\s\S]*?<!-- reflect:end groups -->/, findBlock(fresh('- a\n- b', ''), 'groups')).replace(/<!-- reflect:begin contributors[\s\S]*?<!-- reflect:end contributors -->/, findBlock(fresh('', '- Ann\n- Bo'), 'contributors'));
    assert.equal(result.text, expected);
    const outside = (t: string) => t.replace(/<!-- reflect:begin (\S+)[\s\S]*?<!-- reflect:end \1 -->/g, '');
    assert.equal(Buffer.compare(Buffer.from(outside(result.text)), Buffer.from(outside(withProse))), 0);
  });

  it('leaves the text untouched when nothing changed', () => {
    const text = fresh('- a', '- Ann') + 'tail without newline';
    assert.equal(regenerate(text, fresh('- a', '- Ann')).text, text);
  });

  it('reports a fence edited by hand, and keeps it when asked', () => {
    const edited = fresh('- a', '- Ann').replace('- a\n', '- a (checked with the lab)\n');
    const result = regenerate(edited, fresh('- a\n- b', '- Ann'));
    assert.deepEqual(result.editedFences, ['groups']);
    assert.match(result.text, /- b/);
    const kept = regenerate(edited, fresh('- a\n- b', '- Ann'), { keep: ['groups'] });
    assert.equal(kept.text, edited);
  });

  it('keeps CRLF inside a regenerated fence of a CRLF file', () => {
    const crlf = fresh('- a', '- Ann').replace(/\n/g, '\r\n');
    const result = regenerate(crlf, fresh('- a\n- b', '- Ann'));
    assert.ok(!/[^\r]\n/.test(result.text), 'every line break stays CRLF');
    assert.match(result.text, /- a\r\n- b\r\n/);
  });

  it('does not add fences the person removed, and reports them', () => {
    const without = fresh('- a', '- Ann').replace(/<!-- reflect:begin contributors[\s\S]*?<!-- reflect:end contributors -->\n/, '');
    const result = regenerate(without, fresh('- b', '- Ann'));
    assert.deepEqual(result.missingFences, ['contributors']);
    assert.ok(!result.text.includes('reflect:begin contributors'));
  });

  it('cannot be fooled by marker text that is not on a line of its own', () => {
    const text = fresh('- x \\<!-- reflect:end groups --\\> y', '- Ann');
    assert.deepEqual(findFences(text).map((f) => f.name), ['groups', 'contributors']);
    const stray = readFences('`<!-- reflect:begin groups -->`\n<!-- reflect:end groups -->');
    assert.equal(stray.fences.length, 0);
    assert.deepEqual(stray.problems.map((p) => p.line), [2], 'the end marker without its begin is reported, not matched');
  });
});

function findBlock(text: string, name: string): string {
  const match = new RegExp(`<!-- reflect:begin ${name}[\\s\\S]*?<!-- reflect:end ${name} -->`).exec(text);
  return match ? match[0] : '';
}
