import * as assert from 'node:assert/strict';
import { RISK_CONSEQUENCES, RISK_LIKELIHOODS, type RiskMatrix } from '../../src/core/validate/riskMatrix';
import { RULES, parseRuleSeverities } from '../../src/core/validate/ruleCatalog';
import { validateDocument } from '../../src/core/validate/validateDocument';
import { answered, APPROVED_CHANGE_FRONT_MATTER, withFrontMatter } from '../support/recordDocuments';

const approved = withFrontMatter(answered('change'), APPROVED_CHANGE_FRONT_MATTER);
const onAction = answered('on-action');

function codes(text: string, options = {}): string[] {
  return validateDocument(text, options).map((p) => p.code);
}

/** The text a problem's range covers. */
function covered(text: string, problem: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  const lines = text.split('\n');
  if (problem.range.start.line !== problem.range.end.line) return lines.slice(problem.range.start.line, problem.range.end.line + 1).join('\n');
  return lines[problem.range.start.line].slice(problem.range.start.character, problem.range.end.character);
}

describe('validation rules', () => {
  it('list every rule once, kebab-case, with a title, a default severity and a description', () => {
    const seen = new Set<string>();
    for (const rule of RULES) {
      assert.match(rule.code, /^[a-z]+(-[a-z0-9]+)*$/);
      assert.ok(!seen.has(rule.code), rule.code);
      seen.add(rule.code);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity));
      assert.ok(rule.title.length > 0 && rule.description.length > 0);
    }
  });

  it('accept a complete approved manifest and a complete reflection', () => {
    assert.deepEqual(validateDocument(approved), []);
    assert.deepEqual(validateDocument(onAction), []);
  });

  it('missing-field: names the field and offers to insert it before the closing line', () => {
    const problems = validateDocument(approved.replace('rollback_target: v1.3.2\n', ''));
    assert.deepEqual(problems.map((p) => p.code), ['missing-field']);
    assert.match(problems[0].message, /"rollback_target"/);
    assert.deepEqual(problems[0].fix?.newText, 'rollback_target: ""\n');
    assert.equal(problems[0].fix?.range.start.line, APPROVED_CHANGE_FRONT_MATTER.length, 'the closing line, one field fewer');
  });

  it('missing-field: a planned manifest needs less than an approved one', () => {
    const planned = withFrontMatter(answered('change'), ['kind: change', 'change: v1.4.0', 'date: 2026-11-20', 'author: A', 'status: planned', 'change_type: normal', 'range: {from: v1.3.2, to: v1.4.0}']);
    assert.deepEqual(codes(planned), []);
    const missing = validateDocument(planned.replace('status: planned', 'status: deployed')).map((p) => p.message);
    assert.equal(missing.length, 7);
    assert.ok(missing.includes('Missing required field "clinical_risk".'));
  });

  it('invalid-value: places an unknown enum value on the value', () => {
    const text = approved.replace('change_type: normal', 'change_type: urgent');
    const [problem] = validateDocument(text);
    assert.equal(problem.code, 'invalid-value');
    assert.equal(covered(text, problem), 'urgent');
  });

  it('invalid-type: places a wrong type on the value, even inside a list', () => {
    const text = approved.replace('    channel: email', '    channel: [email]');
    const [problem] = validateDocument(text);
    assert.deepEqual([problem.code, problem.message, covered(text, problem)], ['invalid-type', '"communication 1, channel" must be a string.', '[email]']);
  });

  it('invalid-date: a deployment window needs a time of day', () => {
    const text = approved.replace('  end: 2026-12-02T22:00:00Z', '  end: 2026-12-02');
    assert.deepEqual(codes(text), ['invalid-date']);
    assert.match(validateDocument(text)[0].message, /time of day/);
  });

  it('empty-field: an empty list of actions or an empty text', () => {
    const plan = withFrontMatter(answered('action-plan'), ['kind: action-plan', 'change: v1.4.0', 'date: 2026-12-03', 'author: A', 'actions: []']);
    assert.deepEqual(codes(plan), ['empty-field']);
    assert.deepEqual(codes(approved.replace('authority: Change Advisory Board', 'authority: ""')), ['empty-field']);
  });

  it('risk-rating-mismatch: checks the rating against the default matrix and offers the right one', () => {
    const text = approved.replace('rating: 3', 'rating: 1');
    const problems = validateDocument(text);
    assert.deepEqual(problems.map((p) => p.code), ['risk-rating-mismatch']);
    assert.equal(covered(text, problems[0]), '1');
    assert.equal(problems[0].fix?.newText, '3');
    assert.match(problems[0].message, /"low" with consequence "major" as 3, not 1/);
  });

  it('risk-rating-mismatch: follows a replacement matrix', () => {
    const allFives = Object.fromEntries(RISK_LIKELIHOODS.map((l) => [l, Object.fromEntries(RISK_CONSEQUENCES.map((c) => [c, 5]))])) as unknown as RiskMatrix;
    assert.deepEqual(codes(approved, { riskMatrix: allFives }), ['risk-rating-mismatch']);
    assert.deepEqual(codes(approved.replace('rating: 3', 'rating: 5'), { riskMatrix: allFives }), []);
  });

  it('missing-section: names the heading and offers to insert it in template order', () => {
    const text = onAction.replace(/## Critical controls\n\nWe wrote a considered answer here.\n\n/, '');
    const problems = validateDocument(text);
    assert.deepEqual(problems.map((p) => p.code), ['missing-section']);
    assert.equal(problems[0].message, 'Missing section "## Critical controls".');
    const fix = problems[0].fix;
    assert.ok(fix);
    assert.match(fix.newText, /^## Critical controls\n\n> \*\*Prompt:\*\* /);
    assert.equal(text.split('\n')[fix.range.start.line], '## Impact and communication');
    assert.deepEqual(codes(text.replace('## Surprises', '## surprises')), ['missing-section'], 'headings match without regard to case');
  });

  it('empty-section: a heading with nothing under it, but not one with subsections', () => {
    const empty = onAction.replace('## Immediate outcome\n\nWe wrote a considered answer here.\n', '## Immediate outcome\n');
    assert.deepEqual(codes(empty), ['empty-section']);
    const nested = onAction.replace('## Immediate outcome\n\nWe wrote a considered answer here.\n', '## Immediate outcome\n\n### For the ward\n\nCalm.\n');
    assert.deepEqual(codes(nested), []);
  });

  it('unanswered-prompt: a section holding only prompts, not one answered under its prompt', () => {
    const text = onAction.replace('## Immediate outcome\n\nWe wrote a considered answer here.\n', '## Immediate outcome\n\n> **Prompt:** What state were things in?\n');
    const problems = validateDocument(text);
    assert.deepEqual(problems.map((p) => [p.code, p.severity]), [['unanswered-prompt', 'info']]);
    assert.equal(covered(text, problems[0]), '> **Prompt:** What state were things in?');
    const kept = onAction.replace('## Immediate outcome\n\n', '## Immediate outcome\n\n> **Prompt:** What state were things in?\n\n');
    assert.deepEqual(codes(kept), []);
    assert.deepEqual(codes(onAction.replace('## Immediate outcome\n\nWe wrote a considered answer here.\n', '## Immediate outcome\n\n> A quotation from the ward.\n')), []);
  });

  it('section rules read Markdown structure, not text that looks like it', () => {
    const fenced = onAction.replace('## Immediate outcome\n\nWe wrote a considered answer here.\n', '## Immediate outcome\n\n```\n## Not a heading\n> **Prompt:** not a prompt\n```\n');
    assert.deepEqual(codes(fenced), []);
  });

  it('severity overrides re-grade or switch off a rule', () => {
    const text = approved.replace('rating: 3', 'rating: 1');
    assert.deepEqual(validateDocument(text, { severities: { 'risk-rating-mismatch': 'error' } }).map((p) => p.severity), ['error']);
    assert.deepEqual(validateDocument(text, { severities: { 'risk-rating-mismatch': 'off' } }), []);
    const parsed = parseRuleSeverities({ 'empty-section': 'off', 'no-such-rule': 'error', 'missing-field': 'loud' });
    assert.deepEqual(parsed.severities, { 'empty-section': 'off' });
    assert.equal(parsed.problems.length, 2);
  });

  it('too-many-problems: caps the list and says how many were left out', () => {
    const many = onAction.replace('# On action: v1.4.0', `# On action: v1.4.0\n\n${Array.from({ length: 300 }, (_, i) => `## Empty ${i}\n`).join('\n')}`);
    const problems = validateDocument(many, { maxProblemsPerDocument: 50 });
    assert.equal(problems.length, 51);
    assert.equal(problems[50].code, 'too-many-problems');
    // 299 empty headings: the last one holds the template's introduction line.
    assert.match(problems[50].message, /^249 more problems/);
  });

  it('no-front-matter: a record document needs front matter', () => {
    assert.deepEqual(codes('# Notes\n\nJust text.\n'), ['no-front-matter']);
  });
});
