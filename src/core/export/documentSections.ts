import { RELEASE_NOTES_FILE, ROLLBACK_FILE } from '../vocabulary/documentKinds';
import { PHASE_GUIDES } from '../records/phases';
import { PHASE_IDS, phaseFileNameOf } from '../vocabulary/phaseIds';
import { relativeToDeployment } from './deploymentTimeline';
import type { PackageCheck, ReleasePackageCheck } from './evidencePackInput';
import { escapeHtml, factList, htmlOf, missingDocumentHtml, plural, recordOf, textOf } from './htmlText';
import { linksOf, type PackContext } from './packContext';
import { renderMarkdownBody } from './safeMarkdown';
import { dateHtml } from './readableDates';

/** The release notes: who wrote them, for which range, and their body. */
export function renderReleaseNotes(context: PackContext): string {
  const document = context.documents.get(RELEASE_NOTES_FILE);
  if (!document) return missingDocumentHtml(RELEASE_NOTES_FILE);
  const range = recordOf(document.data?.range);
  const facts = factList([
    ['Date', dateHtml(document.data?.date)],
    ['Author', htmlOf(document.data?.author)],
    ['Range', `${htmlOf(range?.from, 'the first commit')} → ${htmlOf(range?.to)}`],
    ['Version bump', htmlOf(document.data?.bump)],
    ...releasePackageFacts(context.input.releasePackage),
  ]);
  return `${facts}\n<div class="document-body">\n${renderMarkdownBody(document.body, 2, linksOf(context, RELEASE_NOTES_FILE)).html}</div>`;
}

/** The rollback checklist: target, package and its check, how many steps are ticked, and the steps as written. */
export function renderRollback(context: PackContext): string {
  const document = context.documents.get(ROLLBACK_FILE);
  if (!document) return missingDocumentHtml(ROLLBACK_FILE);
  const target = recordOf(document.data?.target);
  const pack = recordOf(document.data?.package);
  const commit = textOf(target?.commit);
  const body = renderMarkdownBody(document.body, 2, linksOf(context, ROLLBACK_FILE));
  const steps = body.tasks.done + body.tasks.open;
  const ticks = steps === 0 ? 'no checklist items' : `${body.tasks.done} of ${plural(steps, 'step')} ticked`;
  const facts = factList([
    ['Date', dateHtml(document.data?.date)],
    ['Author', htmlOf(document.data?.author)],
    ['Target', `${htmlOf(target?.tag)}${commit ? ` at commit <code class="hash">${escapeHtml(commit)}</code>` : ''}`],
    ['Rollback package', htmlOf(pack?.file, 'none recorded')],
    ['Package checksum (SHA-256)', pack ? `<code class="hash">${htmlOf(pack.sha256)}</code>` : htmlOf(undefined, 'none recorded')],
    ['Package check', packageCheckHtml(pack, context.input.rollbackPackage)],
    ['Checklist', escapeHtml(ticks)],
  ]);
  return `${facts}\n<div class="document-body checklist">\n${body.html}</div>`;
}

/** The release package's rows: its file, its SHA-256 and whether it verifies, or that none was found. */
function releasePackageFacts(check: ReleasePackageCheck | undefined): Array<[string, string]> {
  if (!check) return [['Release package', htmlOf(undefined, 'not looked for (no repository)')]];
  if (check.state === 'none') return [['Release package', htmlOf(undefined, `none: ${check.file} is not in ${check.lookedIn}`)]];
  const verdict = check.ok
    ? '<strong class="verified">verified</strong>: the archive matches its checksum file and its manifest, as the release package of this version'
    : `<strong class="not-verified">does not verify</strong><ul class="problems">${check.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`;
  return [
    ['Release package', escapeHtml(check.file)],
    ['Release package checksum (SHA-256)', check.sha256 ? `<code class="hash">${escapeHtml(check.sha256)}</code>` : htmlOf(undefined, 'not computed')],
    ['Release package check', verdict],
  ];
}

function packageCheckHtml(pack: Record<string, unknown> | undefined, check: PackageCheck | undefined): string {
  if (!pack) return htmlOf(undefined, 'no package recorded');
  if (!check) return htmlOf(undefined, 'not checked');
  if (check.state === 'not-found') return escapeHtml(`not checked: the package file was not found in ${check.lookedIn}`);
  if (check.ok) return '<strong class="verified">verified</strong>: the archive matches the recorded checksum, its checksum file and its manifest';
  const problems = check.problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return `<strong class="not-verified">does not verify</strong><ul class="problems">${problems}</ul>`;
}

/** Each phase's reflection, in phase order; a phase not written yet says so. */
export function renderReflections(context: PackContext): string {
  return PHASE_IDS.map((phase) => {
    const fileName = phaseFileNameOf(phase);
    const title = PHASE_GUIDES[phase].title;
    const document = context.documents.get(fileName);
    const heading = `<h3>${escapeHtml(title)} <span class="phase-id">(${escapeHtml(phase)})</span></h3>`;
    if (!document) return `<article class="reflection reflection-missing" id="reflection-${phase}">\n${heading}\n${missingDocumentHtml(fileName)}\n</article>`;
    const date = textOf(document.data?.date);
    const facts = factList([
      ['Date', date === undefined ? htmlOf(undefined) : `${dateHtml(date)} (${escapeHtml(relativeToDeployment(date, context.window))})`],
      ['Author', htmlOf(document.data?.author)],
    ]);
    return `<article class="reflection" id="reflection-${phase}">\n${heading}\n${facts}\n<div class="document-body">\n${renderMarkdownBody(document.body, 3, linksOf(context, fileName)).html}</div>\n</article>`;
  }).join('\n');
}
