import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileTemplate, renderTemplate, TemplateError, type TemplateValue } from '../../src/core/render/logicLessTemplate';
import { loadNotesTemplate } from '../../src/core/render/notesTemplateFile';

describe('logic-less template engine', () => {
  it('inserts values, walks lists and objects, and shows inverted sections', () => {
    const view = { title: 'v1', groups: [{ name: 'A', items: ['x', 'y'] }, { name: 'B', items: [] }], meta: { who: 'Ann' }, none: [] };
    const text = renderTemplate('# {{title}} by {{meta.who}}\n{{#groups}}\n## {{name}}\n{{#items}}\n- {{.}}\n{{/items}}\n{{^items}}\nnothing\n{{/items}}\n{{/groups}}\n{{^none}}empty{{/none}}{{! a comment }}\n', view);
    assert.equal(text, '# v1 by Ann\n## A\n- x\n- y\n## B\nnothing\nempty\n');
  });

  it('inserts values as they are: the view holds escaped Markdown', () => {
    assert.equal(renderTemplate('{{a}}|{{{a}}}', { a: '\\<b\\>' }), '\\<b\\>|\\<b\\>');
  });

  it('can never run code: functions are missing, partials and delimiter changes are refused', () => {
    let called = false;
    const view = { f: () => { called = true; return 'ran'; } } as unknown as TemplateValue;
    assert.equal(renderTemplate('[{{f}}][{{#f}}x{{/f}}]', view), '[][]');
    assert.equal(called, false);
    assert.throws(() => compileTemplate('{{> partial}}'), TemplateError);
    assert.throws(() => compileTemplate('{{=<% %>=}}'), TemplateError);
    // Only a view's own keys are visible, never inherited ones.
    assert.equal(renderTemplate('{{constructor}}{{constructor.constructor}}{{__proto__}}{{toString}}{{#constructor}}x{{/constructor}}', { a: 'b' }), '');
  });

  it('reports unbalanced sections with their line', () => {
    assert.throws(() => compileTemplate('a\n{{#x}}\nb'), /Line 2: \{\{#x\}\} is never closed/);
    assert.throws(() => compileTemplate('{{#x}}{{/y}}'), /closes \{\{#x\}\}/);
  });
});

describe('repository template file', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'reflect-template-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is optional, read from .changelog/release-notes.md, and checked when read', async () => {
    assert.equal(await loadNotesTemplate(root), undefined);
    mkdirSync(join(root, '.changelog'));
    writeFileSync(join(root, '.changelog/release-notes.md'), '# {{versionText}}\n');
    assert.deepEqual(await loadNotesTemplate(root), { path: '.changelog/release-notes.md', text: '# {{versionText}}\n' });
    writeFileSync(join(root, '.changelog/release-notes.md'), '{{#x}}');
    await assert.rejects(loadNotesTemplate(root), /is not valid/);
  });

  it('must stay inside the repository, symbolic links included', async () => {
    await assert.rejects(loadNotesTemplate(root, '../outside.md'), /stay inside/);
    await assert.rejects(loadNotesTemplate(root, '/etc/passwd'), /stay inside/);
    const outside = mkdtempSync(join(tmpdir(), 'reflect-outside-'));
    try {
      writeFileSync(join(outside, 't.md'), 'x');
      symlinkSync(join(outside, 't.md'), join(root, 'link.md'));
      await assert.rejects(loadNotesTemplate(root, 'link.md'), /outside the repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
