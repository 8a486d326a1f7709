import type { Problem, ProblemSeverity } from './problem';

/** One validation rule: its stable code, default severity and what it means. */
export interface RuleDefinition {
  readonly code: string;
  readonly title: string;
  readonly severity: ProblemSeverity;
  /** One line, for the README, hover and `reflect check --help`. */
  readonly description: string;
  /** Whether the rule looks across a record's documents rather than at one document. */
  readonly crossDocument?: boolean;
}

/** Every rule the validator applies; the README, the language server and `reflect check` share it. */
export const RULES = [
  { code: 'missing-field', title: 'Missing field', severity: 'warning', description: "A field the document's schema requires is missing." },
  { code: 'invalid-value', title: 'Invalid value', severity: 'warning', description: 'A value is not one the schema allows (for example an unknown `phase`).' },
  { code: 'invalid-type', title: 'Wrong type', severity: 'warning', description: 'A value has the wrong type (for example a list where text is expected).' },
  { code: 'invalid-date', title: 'Invalid date', severity: 'warning', description: 'A date is not ISO 8601 (`YYYY-MM-DD` or a date-time, where a time is needed), or not on the calendar.' },
  { code: 'unknown-field', title: 'Unknown field', severity: 'warning', description: 'A front matter key the document\'s schema does not know, at any level; when it looks like a slip for a known key, the message asks "did you mean …?" and the quick fix renames it.' },
  { code: 'empty-field', title: 'Empty field', severity: 'warning', description: 'A field that must hold text, or a list that must hold items, is empty.' },
  { code: 'risk-rating-mismatch', title: 'Risk rating disagrees with the matrix', severity: 'warning', description: 'The clinical risk `rating` is not what the risk matrix gives for its `likelihood` and `consequence`.' },
  { code: 'residual-risk-unjustified', title: 'Residual risk accepted without a reason', severity: 'warning', description: "A hazard's residual risk in the hazard log is rated above the accepted threshold (2 by default) and has no `justification`." },
  { code: 'duplicate-hazard-id', title: 'Hazard id used twice', severity: 'warning', description: 'Two hazards in the hazard log share one `id`.' },
  { code: 'hazard-unknown', title: 'Hazard not in the hazard log', severity: 'warning', description: "A hazard id in change.md's `hazards`, or in a `Hazard:` trailer of the change's commits, that the hazard log (`hazard-log.md` at the records root) does not define." },
  { code: 'hazard-status-mismatch', title: "Hazard's status disagrees with the hazard log", severity: 'warning', description: "Once the change is `deployed` or `closed`, a hazard's `status` after the change in change.md's `hazards` differs from that hazard's `status` in the hazard log; the message names both." },
  { code: 'hazard-not-named', title: 'Hazard touched but not named', severity: 'warning', description: "A commit of the change's range names a hazard in a `Hazard:` trailer that change.md's `hazards` does not list." },
  { code: 'hazard-not-in-commits', title: 'Hazard named but no commit touches it', severity: 'info', description: "change.md's `hazards` lists a hazard that no commit of the change's range names in a `Hazard:` trailer." },
  { code: 'sign-off-after-deployment-start', title: 'Sign-off dated after the window opened', severity: 'warning', description: "A sign-off that must come before go-live (the Clinical Safety Officer's, when it is required) is dated after the deployment window in change.md started." },
  { code: 'no-front-matter', title: 'No front matter', severity: 'warning', description: 'A document in the records folder has no front matter.' },
  { code: 'yaml-syntax', title: 'YAML syntax error', severity: 'error', description: 'The front matter is not valid YAML.' },
  { code: 'duplicate-key', title: 'Duplicate key', severity: 'error', description: 'A key appears twice in the front matter.' },
  { code: 'yaml-tag', title: 'Custom YAML tag ignored', severity: 'warning', description: 'A custom YAML tag (such as `!!js/function`) was ignored; nothing is ever constructed or run.' },
  { code: 'yaml-aliases', title: 'Too many YAML aliases', severity: 'error', description: 'The front matter expands too many aliases (an "alias bomb") and was not read.' },
  { code: 'unclosed-front-matter', title: 'Unclosed front matter', severity: 'error', description: 'The front matter has no closing `---` line.' },
  { code: 'front-matter-language', title: 'Front matter in another language', severity: 'error', description: 'The front matter names a language (such as `---js`); only YAML is read, nothing is run.' },
  { code: 'front-matter-too-large', title: 'Front matter too large', severity: 'error', description: 'The front matter is larger than 64 KB and was not read.' },
  { code: 'front-matter-not-mapping', title: 'Front matter is not fields', severity: 'error', description: 'The front matter is not a set of `key: value` fields.' },
  { code: 'missing-section', title: 'Missing section', severity: 'warning', description: "A heading the document's template requires is missing." },
  { code: 'empty-section', title: 'Empty section', severity: 'warning', description: 'A heading has nothing under it.' },
  { code: 'unanswered-prompt', title: 'Unanswered prompt', severity: 'info', description: 'A section still holds only its `> **Prompt:**` questions: nobody has answered it yet.' },
  { code: 'possible-patient-identifier', title: 'Possible NHS number', severity: 'warning', description: 'A 10-digit number that passes the NHS number check digit appears; keep patient identifiers out of change records.' },
  { code: 'document-kind-mismatch', title: 'Document does not match its file name', severity: 'warning', description: 'In a record folder, a file\'s `kind` or `phase` is not the one its name stands for (for example `on-action.md` with `phase: before-action`).' },
  { code: 'record-version-mismatch', title: 'Document belongs to another change', severity: 'warning', description: "A document's `change` differs from the version in the record's `change.md`." },
  { code: 'on-action-before-deployment', title: 'On-action reflection dated before the deployment ended', severity: 'warning', description: "The on-action reflection's `date` is before the deployment ended in `change.md` (`deployment.actual.end` once recorded, else the window's `end`)." },
  { code: 'beyond-action-too-soon', title: 'Beyond-action reflection too soon', severity: 'warning', description: 'The beyond-action reflection is dated fewer days after the on-action one than the minimum (28 by default).' },
  { code: 'missing-action-plan', title: 'Missing action plan', severity: 'warning', description: 'The record has an on-action reflection but no `action-plan.md`.' },
  { code: 'action-not-written', title: 'Action not written yet', severity: 'info', description: "An action is still the template's empty row (its `action`, `gap`, `due` and `evidence` all empty): one reminder rather than a warning per field. Once any of them is written, each one still empty is a warning (`empty-field`, `invalid-date`)." },
  { code: 'action-overdue', title: 'Action overdue', severity: 'warning', description: 'An action is past its `due` date and is neither `done` nor `dropped`.' },
  { code: 'date-in-future', title: 'Dated in the future', severity: 'warning', description: "A document's `date`, or the approval's in `change.md`, is after today; the quick fix dates it today." },
  { code: 'planning-after-deployment-start', title: 'Planning reflection dated after the window opened', severity: 'warning', description: 'The before-action or in-action-planning reflection is dated after the deployment window in `change.md` started.' },
  { code: 'execution-outside-deployment', title: 'Execution reflection dated outside the window', severity: 'warning', description: 'The in-action-execution reflection is dated on a day outside the deployment window in `change.md`.' },
  { code: 'approval-after-deployment-start', title: 'Approval dated after the window opened', severity: 'warning', description: "The approval's `date` in `change.md` is after the deployment window started: an approval precedes the window it approves." },
  { code: 'closed-with-open-actions', title: 'Closed with open actions', severity: 'warning', description: 'The record\'s `status` is `closed`, but the action plan still has actions that are neither `done` nor `dropped`.' },
  { code: 'status-missing-documents', title: 'Status needs documents the record lacks', severity: 'warning', description: 'A `deployed` or `rolled-back` record has no release notes or rollback checklist, or a `closed` one also lacks the on-action reflection or action plan.' },
  { code: 'sign-off-missing', title: 'Sign-off missing', severity: 'warning', description: "A sign-off the configuration requires (by default the supervisor's, once the record is `closed`) is not in change.md's `sign_off`; the Clinical Safety Officer's is required before the window when a touched hazard is rated 3 or more, or is added or changed." },
  { code: 'broken-link', title: 'Link leads nowhere the pack can follow', severity: 'warning', description: 'A link or image in a document leads to a file that does not exist, outside the repository, through a symbolic link, or to something that is not a file; the pack shows it as broken, never follows it.' },
  { code: 'actual-window-missing', title: 'Actual window not recorded', severity: 'warning', description: 'A `deployed`, `rolled-back` or `closed` change has no `deployment.actual` start and end beside its approved window.' },
  { code: 'actual-window-out-of-order', title: 'Actual window ends before it starts', severity: 'warning', description: "`deployment.actual.end` is before `deployment.actual.start`." },
  { code: 'downtime-over-expected', title: 'Downtime longer than expected', severity: 'info', description: '`deployment.actual.downtime_minutes` is more than `deployment.expected_downtime_minutes`; the review should say why.' },
  { code: 'review-before-deployment', title: 'Review dated before the deployment ended', severity: 'warning', description: "The post-implementation review's `date`, or an emergency change's `retrospective_review.date`, is before the deployment ended." },
  { code: 'review-follow-up-missing', title: 'Failed change without its follow-up', severity: 'warning', description: 'The review\'s `outcome` is `failed` or `backed-out`, but it does not say whether the rollback was executed (`rollback_executed`) or which incident was raised (`incident`).' },
  { code: 'review-outcome-contradicts-status', title: 'Review outcome contradicts the status', severity: 'warning', description: 'The record is `rolled-back`, but the review\'s `outcome` is `successful` or `successful-with-issues`.' },
  { code: 'emergency-review-missing', title: 'Emergency change closed without its retrospective review', severity: 'warning', description: 'An `emergency` change is `closed`, but `emergency.retrospective_review` (date and reviewer) is not recorded.' },
  { code: 'continuity-missing', title: 'Business continuity not considered', severity: 'warning', description: 'An approved (or later) change expects downtime, but change.md has no `continuity` block saying whether clinical services are affected.' },
  { code: 'continuity-not-covered', title: 'Downtime procedure does not cover the change', severity: 'warning', description: 'The change affects clinical services (`continuity.affects_clinical_services`), but names no downtime procedure, or does not say (or denies) that it covers what the change adds.' },
  { code: 'verification-missing', title: 'No post-deployment checks', severity: 'warning', description: 'A `deployed` or `closed` change lists no post-deployment checks in `verification`.' },
  { code: 'verification-check-failed', title: 'Failed check not followed up', severity: 'warning', description: 'A post-deployment check\'s `result` is `fail`, but the review\'s `outcome` is missing or `successful`.' },
  { code: 'notice-not-sent', title: 'Notice due before the window not sent', severity: 'warning', description: 'A communication-plan entry due on or before the window opens (its `when` a date, or a time relative to the window such as "2 days before" or "the day before") has no `sent` date, and it is due (or the change has been deployed).' },
  { code: 'notice-when-unclear', title: "Notice's due time cannot be checked", severity: 'info', description: 'A communication-plan entry not yet sent has a `when` that is neither a date nor a time relative to the window the check can read ("2 days before", "the day before", "48 hours before", "on the day", "after go-live"), so whether it is due cannot be checked; give a date or one of those forms.' },
  { code: 'date-after-first-commit', title: 'Dated after its first commit', severity: 'warning', description: "A document's `date` is later than the day it was first committed, git shows the document already existed before the day it claims to be written." },
  { code: 'date-long-before-first-commit', title: 'Dated long before its first commit', severity: 'info', description: "A document's `date` is more than 30 days before it was first committed; both dates are given, so a reader can weigh it." },
  { code: 'too-large', title: 'Document too large', severity: 'info', description: 'The document is larger than 2 MB (validation skipped), or the text after the front matter is larger than 512 KB (sections not checked).' },
  { code: 'too-many-problems', title: 'Too many problems', severity: 'info', description: 'The document has more problems than are shown (at most 200 per document).' },
] as const satisfies readonly RuleDefinition[];

/** The code of a rule in `RULES`. */
export type RuleCode = (typeof RULES)[number]['code'];

/** A rule's severity as configured: a severity, or `off` to drop the rule. */
export type RuleSetting = ProblemSeverity | 'off';

/** Per-rule severity overrides, keyed by rule code (unknown codes are ignored). */
export type RuleSeverities = Readonly<Partial<Record<string, RuleSetting>>>;

const RULE_BY_CODE = new Map<string, RuleDefinition>(RULES.map((r) => [r.code, r]));

/** The rule with a code, or undefined. */
export function ruleFor(code: string): RuleDefinition | undefined {
  return RULE_BY_CODE.get(code);
}

/** Whether a value is a rule setting (`error`, `warning`, `info` or `off`). */
export function isRuleSetting(value: unknown): value is RuleSetting {
  return value === 'error' || value === 'warning' || value === 'info' || value === 'off';
}

/** Applies per-rule severity overrides: drops rules set to `off`, re-grades the rest. */
export function applyRuleSeverities(problems: readonly Problem[], overrides: RuleSeverities | undefined): Problem[] {
  if (!overrides) return [...problems];
  const result: Problem[] = [];
  for (const problem of problems) {
    const setting = Object.hasOwn(overrides, problem.code) ? overrides[problem.code] : undefined;
    if (setting === 'off') continue;
    result.push(isRuleSetting(setting) ? { ...problem, severity: setting } : problem);
  }
  return result;
}

/** Reads severity overrides from a setting value, keeping only known codes and valid settings. */
export function parseRuleSeverities(value: unknown): { severities: RuleSeverities; problems: string[] } {
  const severities: Record<string, RuleSetting> = {};
  const problems: string[] = [];
  if (value === undefined || value === null) return { severities, problems };
  if (typeof value !== 'object' || Array.isArray(value)) return { severities, problems: ['Rule severities must be an object: { "rule-code": "error" | "warning" | "info" | "off" }.'] };
  for (const [code, setting] of Object.entries(value)) {
    if (!RULE_BY_CODE.has(code)) problems.push(`Unknown rule "${code.slice(0, 60)}".`);
    else if (!isRuleSetting(setting)) problems.push(`Rule "${code}" must be error, warning, info or off.`);
    else severities[code] = setting;
  }
  return { severities, problems };
}

/** A problem of a rule, at its default severity. */
export function problemOf(code: RuleCode, range: Problem['range'], message: string): Problem {
  return { range, severity: RULE_BY_CODE.get(code)?.severity ?? 'warning', code, message };
}
