import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { renderDocumentTemplate } from '../../src/core/records/documentTemplates';
import { documentSchemaInfo } from '../../src/core/validate/schemaFields';
import { recordDocumentDraft } from '../../src/core/usecases/recordDocuments';
import { validateDocument } from '../../src/core/validate/validateDocument';
import type { PhaseId } from '../../src/core/vocabulary/phaseIds';

/** Every theme id of the reflective guidance, by phase (guidance.md). */
const THEME_IDS: Readonly<Record<PhaseId, number>> = { 'before-action': 9, 'in-action-planning': 13, 'in-action-execution': 13, 'on-action': 15, 'beyond-action': 13 };
const PREFIX: Readonly<Record<PhaseId, string>> = { 'before-action': 'B', 'in-action-planning': 'P', 'in-action-execution': 'E', 'on-action': 'O', 'beyond-action': 'Y' };

/** Theme id → the heading and (a distinctive part of) the prompt that draws it out, in that phase's template. */
const COVERAGE: Readonly<Record<string, readonly [string, string]>> = {
  B1: ['Objectives', 'What should be different for users'],
  B2: ['What I already know', 'about change control here'],
  B3: ['What I hope to learn', 'What do you hope to learn'],
  B4: ['Risks I foresee', 'which risks matter most'],
  B5: ['Change management approach', 'Which change process or model applies'],
  B6: ['Change management approach', 'keep the deployment under control'],
  B7: ['Impact on existing functionality and clinical service', 'How will you soften each impact'],
  B8: ['How I feel about it', 'How confident do you feel'],
  B9: ['What I need to find out before planning', 'its users and how to roll back'],
  P1: ['Steps and timeline', 'working on in the plan right now'],
  P2: ['Steps and timeline', 'why that timing'],
  P3: ['Rollback, communication and testing decisions', 'what will you test before go-live'],
  P4: ['Routine and deliberate parts', 'which need careful thought'],
  P5: ['How the plan is going', 'How close is the plan to a controlled deployment'],
  P6: ['How the plan is going', 'lower the risk and ease the transition'],
  P7: ['Risks to clinical service', 'hard to foresee or to handle'],
  P8: ['What I am learning while planning', 'learning about managing deployments'],
  P9: ['Principles and setting', 'IT service-management principles'],
  P10: ['Principles and setting', 'fitting the plan to this change'],
  P11: ['Alternatives considered', 'lower the impact'],
  P12: ['People consulted', 'Who else should you consult now'],
  P13: ['Responsibilities and local protocols', 'within your role'],
  E1: ['Steps carried out', 'What did you do'],
  E2: ['Steps carried out', 'Why that order'],
  E3: ['Unexpected events and decisions', 'what did you decide on the spot'],
  E4: ['What needed close monitoring', 'watch most closely'],
  E5: ['Stability of the system and clinical services', 'How stable were the system'],
  E6: ['How well it is working', 'How well are your actions working'],
  E7: ['Unexpected events and decisions', 'Which difficulties did you not expect'],
  E8: ['Learning as I go', 'practical side of deploying'],
  E9: ['Learning as I go', 'earlier changes or upgrades'],
  E10: ['Adaptations and support', 'What did you change as you went'],
  E11: ['Adaptations and support', 'What else could resolve'],
  E12: ['Adaptations and support', 'Did you call for help'],
  E13: ['Procedure and competence', 'within the procedure and your competence'],
  O1: ['What was planned and what happened', 'compare with the plan'],
  O2: ['Critical controls', 'Which controls mattered most'],
  O3: ['Impact and communication', 'impact on functionality and service handled'],
  O4: ['Impact and communication', 'how were people told'],
  O5: ['Immediate outcome', 'What state were the system and the service in'],
  O6: ['Skills and knowledge gained', 'What can you do now'],
  O7: ['Skills and knowledge gained', 'why planning and control matter in healthcare'],
  O8: ['Surprises and thinking on my feet', 'What surprised you'],
  O9: ['Surprises and thinking on my feet', 'What did you learn from them'],
  O10: ['Surprises and thinking on my feet', 'how did quick thinking change the outcome'],
  O11: ['Impact and communication', 'keep clinical services whole and available'],
  O12: ['What to develop next', 'Which skills or knowledge do you want to build next'],
  O13: ['What to develop next', 'apply these lessons to future changes'],
  O14: ['Next steps and support', 'Which specific steps will improve'],
  O15: ['Next steps and support', 'training, methods or tools'],
  Y1: ['How effective the plan looks now', 'how well did the plan serve'],
  Y2: ['Contingency planning that was missing', 'What contingency would you add'],
  Y3: ['Later deployments', 'Which later changes'],
  Y4: ['Later deployments', 'did this one shape, and how'],
  Y5: ['Feedback from colleagues and users', 'impacts or improvements'],
  Y6: ['Re-reading my on-action reflection', 'Re-read your on-action reflection'],
  Y7: ['How my view has changed', 'practical side of implementing applications and upgrades'],
  Y8: ['Risk, clinical service and continuity', 'risks of system change and the need to plan'],
  Y9: ['Risk, clinical service and continuity', 'impact on clinical service and existing function'],
  Y10: ['Risk, clinical service and continuity', 'keep the service running when IT fails'],
  Y11: ['Skills and my future role', 'planning, risk-management and communication skills'],
  Y12: ['Further learning', 'What will you learn next'],
  Y13: ['Skills and my future role', 'in your future role'],
};

const phaseOf = (id: string) => (Object.keys(PREFIX) as PhaseId[]).find((phase) => id.startsWith(PREFIX[phase]) && /^\d+$/.test(id.slice(1)));

describe('reflective theme coverage (guidance.md)', () => {
  it('every theme id has a row in the coverage table', () => {
    const ids = (Object.keys(THEME_IDS) as PhaseId[]).flatMap((phase) => Array.from({ length: THEME_IDS[phase] }, (_, i) => `${PREFIX[phase]}${i + 1}`));
    assert.deepEqual(ids.filter((id) => !Object.hasOwn(COVERAGE, id)), [], 'themes without a prompt');
    assert.deepEqual(Object.keys(COVERAGE).filter((id) => !ids.includes(id)), [], 'rows for no theme');
  });

  for (const [id, [heading, prompt]] of Object.entries(COVERAGE)) {
    it(`${id} is drawn out under "${heading}"`, () => {
      const phase = phaseOf(id);
      assert.ok(phase, id);
      const section = documentSchemaInfo('reflection', phase).sections.find((s) => s.heading === heading);
      assert.ok(section, `${phase} has a heading "${heading}"`);
      assert.ok(section.prompts.some((p) => p.includes(prompt)), `"${prompt}" under ${phase} "${heading}"`);
    });
  }

  it('keeps prompts short and few per heading', () => {
    for (const phase of Object.keys(PREFIX) as PhaseId[]) {
      for (const section of documentSchemaInfo('reflection', phase).sections) {
        assert.ok(section.prompts.length <= 3, `${phase} "${section.heading}" has ${section.prompts.length} prompts`);
        for (const prompt of section.prompts) assert.ok(prompt.length <= 160, `${phase}: "${prompt}" is long`);
      }
    }
  });

  it('the wider considerations have a heading of their own', () => {
    const wider = documentSchemaInfo('reflection', 'before-action').sections.find((s) => s.heading === 'Wider considerations');
    const text = wider?.prompts.join(' ') ?? '';
    for (const theme of ['client-side scripts', 'packages', 'security', 'information governance', 'keeping the service running if IT fails']) assert.ok(text.includes(theme), theme);
  });

  it('the beyond-action template quotes the on-action headings with links, and still reads as unanswered', () => {
    const text = renderDocumentTemplate('beyond-action', { version: 'v1.4.0', date: '2027-01-10', author: 'A', onActionWritten: true });
    const section = text.slice(text.indexOf('## Re-reading my on-action reflection'), text.indexOf('## Contingency planning that was missing'));
    for (const heading of documentSchemaInfo('reflection', 'on-action').sections.map((s) => s.heading)) assert.ok(section.includes(`[${heading}](on-action.md#`), heading);
    assert.ok(section.includes('(on-action.md#surprises-and-thinking-on-my-feet)'));
    const problems = validateDocument(text).filter((p) => p.code === 'unanswered-prompt').map((p) => p.message);
    assert.ok(problems.some((m) => m.startsWith('"Re-reading my on-action reflection"')), problems.join('\n'));
  });

  it('before on-action.md is written, beyond-action names its headings with no link to a missing file', () => {
    for (const input of [{}, { onActionWritten: false }]) {
      const text = renderDocumentTemplate('beyond-action', { version: 'v1.4.0', date: '2027-01-10', author: 'A', ...input });
      const section = text.slice(text.indexOf('## Re-reading my on-action reflection'), text.indexOf('## Contingency planning that was missing'));
      assert.ok(!text.includes('on-action.md#') && !text.includes(']('), section);
      for (const heading of documentSchemaInfo('reflection', 'on-action').sections.map((s) => s.heading)) assert.ok(section.includes(`“${heading}”`), heading);
      assert.ok(section.includes('once on-action.md is written'));
      const problems = validateDocument(text).filter((p) => p.code === 'unanswered-prompt').map((p) => p.message);
      assert.ok(problems.some((m) => m.startsWith('"Re-reading my on-action reflection"')), problems.join('\n'));
    }
  });

  it('a beyond-action draft links to on-action.md only when its record folder holds it', () => {
    const input = { date: '2027-01-10', author: 'A' };
    const lone = recordDocumentDraft('docs/changes', 'v1.4.0', 'beyond-action.md', input, new Set(['change.md', 'before-action.md']));
    const after = recordDocumentDraft('docs/changes', 'v1.4.0', 'beyond-action.md', input, new Set(['change.md', 'on-action.md']));
    assert.ok(!lone.content.includes('](on-action.md#'));
    assert.ok(after.content.includes('](on-action.md#what-was-planned-and-what-happened)'), after.content);
  });

  it('consecutive prompts render as separate lines', () => {
    const text = renderDocumentTemplate('on-action', { version: 'v1.4.0', date: '2026-12-04', author: 'A' });
    const html = new MarkdownIt().render(text.slice(text.indexOf('## Impact and communication'), text.indexOf('## Immediate outcome')));
    assert.equal((html.match(/<blockquote>/g) ?? []).length, 2, html);
  });
});
