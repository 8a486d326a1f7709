/** The reflective phases of a change, in the order they are written. */
export const PHASE_IDS = ['before-action', 'in-action-planning', 'in-action-execution', 'on-action', 'beyond-action'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

/** A section of a guided document: a heading and the open questions under it. */
export interface GuidedSection {
  readonly heading: string;
  readonly prompts: readonly string[];
}

export interface PhaseGuide {
  readonly id: PhaseId;
  readonly title: string;
  /** One line saying when the phase is written. */
  readonly when: string;
  readonly sections: readonly GuidedSection[];
}

/** The file a phase's reflection is kept in, inside its record folder. */
export function phaseFileNameOf(phase: PhaseId): string {
  return `${phase}.md`;
}

export function isPhaseId(value: unknown): value is PhaseId {
  return typeof value === 'string' && (PHASE_IDS as readonly string[]).includes(value);
}

/** The guided questions for each phase, in the project's own words. */
export const PHASE_GUIDES: Readonly<Record<PhaseId, PhaseGuide>> = {
  'before-action': {
    id: 'before-action',
    title: 'Before action',
    when: 'Before you start planning the change',
    sections: [
      { heading: 'Objectives', prompts: ['What should be different for users once this change is live?', 'How will you know the change succeeded?'] },
      { heading: 'What I already know', prompts: ['What do you know about deploying this system and about change control here?', 'What have you seen go wrong with changes like this before?'] },
      { heading: 'Risks I foresee', prompts: ['What could harm patient care or the service if this goes badly?', 'How will you judge which risks matter most?'] },
      { heading: 'Change management approach', prompts: ['Which change process or model applies (standard, normal, emergency), and why?'] },
      { heading: 'Impact on existing functionality and clinical service', prompts: ['Which features, interfaces and clinical workflows could this touch?', 'How will you soften each impact?'] },
      { heading: 'What I need to find out before planning', prompts: ['What do you still need to learn about the system, its users and how to roll back?'] },
      { heading: 'How I feel about it', prompts: ['How confident do you feel, and what makes you uneasy?'] },
    ],
  },
  'in-action-planning': {
    id: 'in-action-planning',
    title: 'In action: planning',
    when: 'While you are drawing up the plan',
    sections: [
      { heading: 'Steps and timeline', prompts: ['Which steps did you choose, in what order, and why that timing?'] },
      { heading: 'Rollback, communication and testing decisions', prompts: ['How will you roll back, who will you tell and when, and what will you test before go-live?'] },
      { heading: 'Routine and deliberate parts', prompts: ['Which parts are routine, and which need careful thought?'] },
      { heading: 'Risks to clinical service', prompts: ['Which risks to clinical service are you planning around?'] },
      { heading: 'Alternatives considered', prompts: ['What other ways of doing this did you weigh to lower the impact?'] },
      { heading: 'People consulted', prompts: ['Whom did you ask, and what changed because of it?'] },
      { heading: 'Responsibilities and local protocols', prompts: ['Does the plan stay within your role and your organisation’s procedures?'] },
    ],
  },
  'in-action-execution': {
    id: 'in-action-execution',
    title: 'In action: execution',
    when: 'During the deployment',
    sections: [
      { heading: 'Steps carried out', prompts: ['What did you do, and in what order?'] },
      { heading: 'Unexpected events and decisions', prompts: ['What surprised you, and what did you decide on the spot?'] },
      { heading: 'What needed close monitoring', prompts: ['What did you watch most closely, and why?'] },
      { heading: 'Stability of the system and clinical services', prompts: ['How stable were the system and the services that rely on it as you went?'] },
      { heading: 'Adaptations and support', prompts: ['What did you change as you went? Did you call for help?'] },
      { heading: 'Procedure and competence', prompts: ['Did you stay within the procedure and your competence throughout?'] },
    ],
  },
  'on-action': {
    id: 'on-action',
    title: 'On action',
    when: 'Shortly after the deployment',
    sections: [
      { heading: 'What was planned and what happened', prompts: ['How did the deployment compare with the plan?'] },
      { heading: 'Critical controls', prompts: ['Which controls mattered most, and did they work?'] },
      { heading: 'Impact and communication', prompts: ['How was the impact on functionality and service handled, and how were people told?'] },
      { heading: 'Immediate outcome', prompts: ['What state were the system and the service in afterwards?'] },
      { heading: 'Skills and knowledge gained', prompts: ['What can you do now that you could not before?'] },
      { heading: 'Surprises and thinking on my feet', prompts: ['What surprised you, and how did quick thinking change the outcome?'] },
      { heading: 'What to develop next', prompts: ['Which skills or knowledge do you want to build next?'] },
    ],
  },
  'beyond-action': {
    id: 'beyond-action',
    title: 'Beyond action',
    when: 'Weeks or months after the deployment',
    sections: [
      { heading: 'How effective the plan looks now', prompts: ['Looking back, how well did the plan serve you and the service?'] },
      { heading: 'Contingency planning that was missing', prompts: ['What contingency would you add next time?'] },
      { heading: 'Later deployments', prompts: ['Which later changes did this one shape, and how?'] },
      { heading: 'Feedback from colleagues and users', prompts: ['What have colleagues and end users told you since?'] },
      { heading: 'How my view has changed', prompts: ['How has your view of controlled change, risk and continuity of service moved?'] },
      { heading: 'Further learning', prompts: ['What will you learn next, and how?'] },
    ],
  },
};
