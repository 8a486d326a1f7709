// Keeps the README's rule table and field reference in step with the code:
// `npm run docs` rewrites them; a unit test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFieldReference, renderRuleTable } from '../src/core/validate/referenceTables';
import { DEFAULT_RISK_MATRIX, RISK_CONSEQUENCES, RISK_LIKELIHOODS } from '../src/core/validate/riskMatrix';

/** The default risk matrix as a table, most likely first (as the guidance prints it). */
function renderRiskMatrix(): string {
  const header = `| likelihood \\ consequence | ${RISK_CONSEQUENCES.join(' | ')} |`;
  const rows = [...RISK_LIKELIHOODS].reverse().map((l) => `| ${l} | ${RISK_CONSEQUENCES.map((c) => DEFAULT_RISK_MATRIX[l][c]).join(' | ')} |`);
  return [header, `|---|${RISK_CONSEQUENCES.map(() => '---').join('|')}|`, ...rows].join('\n');
}

const SECTIONS: ReadonlyArray<readonly [string, () => string]> = [
  ['rules', renderRuleTable],
  ['fields', renderFieldReference],
  ['risk-matrix', renderRiskMatrix],
];

/** The README with every generated section replaced by its current text. */
export function updateReadmeTables(readme: string): string {
  let text = readme;
  for (const [name, render] of SECTIONS) {
    const begin = `<!-- generated:${name} begin (npm run docs) -->`;
    const end = `<!-- generated:${name} end -->`;
    const start = text.indexOf(begin);
    const stop = text.indexOf(end);
    if (start < 0 || stop < start) throw new Error(`README.md lacks the ${name} markers.`);
    text = `${text.slice(0, start + begin.length)}\n\n${render().trim()}\n\n${text.slice(stop)}`;
  }
  return text;
}

if (require.main === module) {
  const path = join(__dirname, '..', '..', 'README.md');
  const current = readFileSync(path, 'utf8');
  const next = updateReadmeTables(current);
  if (next !== current) writeFileSync(path, next);
  console.log(next === current ? 'README.md tables are up to date.' : 'README.md tables updated.');
}
