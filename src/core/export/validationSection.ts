import type { Problem } from '../validate/problem';
import { HAZARD_LOG_FILE } from '../vocabulary/documentKinds';
import { escapeHtml, plural } from './htmlText';
import type { PackContext } from './packContext';

/** Problem counts across the whole record, expected documents and other files alike. */
export interface ProblemTotals {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** Counts the record's open problems by severity. */
export function problemTotals(context: Pick<PackContext, 'input'>): ProblemTotals {
  const totals = { error: 0, warning: 0, info: 0 };
  const { documents, otherFiles } = context.input.assessment;
  for (const problem of [...documents.flatMap((d) => d.problems), ...otherFiles.flatMap((f) => f.problems)]) totals[problem.severity]++;
  return totals;
}

/** The validation status: each document's state and open problems, or that there are none. */
export function renderValidation(context: PackContext): string {
  const totals = problemTotals(context);
  const { documents, otherFiles } = context.input.assessment;
  const summary =
    totals.error + totals.warning + totals.info === 0
      ? '<p class="all-clear">No open problems.</p>'
      : `<p class="problem-summary">${escapeHtml(`${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.info, 'note')} open.`)}</p>`;
  const rows = [
    ...documents.map((d) => documentHtml(d.fileName, d.state === 'missing' ? 'missing' : undefined, d.problems)),
    ...otherFiles.map((f) => documentHtml(f.fileName, undefined, f.problems, f.fileName === HAZARD_LOG_FILE ? 'the hazard log at the records root, which this record is checked against' : 'not part of a change record\u2019s usual documents')),
  ];
  return [summary, '<ul class="validation">', ...rows, '</ul>'].join('\n');
}

function documentHtml(fileName: string, missing: 'missing' | undefined, problems: readonly Problem[], remark?: string): string {
  const name = `<span class="file-name">${escapeHtml(fileName)}</span>${remark ? ` <span class="remark">(${escapeHtml(remark)})</span>` : ''}`;
  if (missing) return `<li class="state-missing">${name}: <strong>missing</strong></li>`;
  if (problems.length === 0) return `<li class="state-complete">${name}: no open problems</li>`;
  const items = problems.map(
    (p) => `<li><span class="severity severity-${p.severity}">${p.severity}</span> <code>${escapeHtml(p.code)}</code> line ${p.range.start.line + 1}: ${escapeHtml(p.message)}</li>`,
  );
  return `<li class="state-problems">${name}: ${escapeHtml(plural(problems.length, 'open problem'))}\n<ul class="problems">\n${items.join('\n')}\n</ul></li>`;
}
