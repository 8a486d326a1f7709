import { PHASE_GUIDES } from '../../records/phases';
import { ACTION_PLAN_FILE, RELEASE_NOTES_FILE, ROLLBACK_FILE } from '../../vocabulary/documentKinds';
import { PHASE_IDS, phaseFileNameOf } from '../../vocabulary/phaseIds';
import { ACTION_COLUMNS } from '../actionPlanSection';
import { relativeToDeployment } from '../deploymentTimeline';
import type { PackageCheck, ReleasePackageCheck } from '../evidencePackInput';
import { plural, recordOf, textOf } from '../htmlText';
import { linksOf, type PackContext } from '../packContext';
import { dateSpans } from './coverModel';
import { markdownBlocks } from './markdownBlocks';
import { missingSpan, paragraph, plain, valueSpans, type ColumnKind, type InlineSpan, type PackBlock } from './packModel';
import { readableDateOrAsWritten } from '../../vocabulary/readableDate';

/** The placeholder where a document of the record does not exist. */
export function missingDocument(fileName: string): PackBlock {
  return paragraph(`${fileName} is missing from the change record.`, 'missing');
}

/** The release notes: who wrote them, for which range, and their body. */
export function releaseNotesBlocks(context: PackContext): PackBlock[] {
  const document = context.documents.get(RELEASE_NOTES_FILE);
  if (!document) return [missingDocument(RELEASE_NOTES_FILE)];
  const range = recordOf(document.data?.range);
  const facts: PackBlock = {
    kind: 'facts',
    rows: [
      { label: 'Date', value: dateSpans(document.data?.date) },
      { label: 'Author', value: valueSpans(textOf(document.data?.author)) },
      { label: 'Range', value: plain(`${textOf(range?.from) ?? 'the first commit'} → ${textOf(range?.to) ?? 'not recorded'}`) },
      { label: 'Version bump', value: valueSpans(textOf(document.data?.bump)) },
      ...releasePackageRows(context.input.releasePackage),
    ],
  };
  return [facts, ...markdownBlocks(document.body, 2, linksOf(context, RELEASE_NOTES_FILE)).blocks];
}

/** The rollback checklist: target, package and its check, how many steps are ticked, and the steps. */
export function rollbackBlocks(context: PackContext): PackBlock[] {
  const document = context.documents.get(ROLLBACK_FILE);
  if (!document) return [missingDocument(ROLLBACK_FILE)];
  const target = recordOf(document.data?.target);
  const pack = recordOf(document.data?.package);
  const commit = textOf(target?.commit);
  const body = markdownBlocks(document.body, 2, linksOf(context, ROLLBACK_FILE));
  const steps = body.tasks.done + body.tasks.open;
  const facts: PackBlock = {
    kind: 'facts',
    rows: [
      { label: 'Date', value: dateSpans(document.data?.date) },
      { label: 'Author', value: valueSpans(textOf(document.data?.author)) },
      { label: 'Target', value: [...valueSpans(textOf(target?.tag)), ...(commit ? [{ text: ' at commit ' }, { text: commit, code: true }] : [])] },
      { label: 'Rollback package', value: valueSpans(textOf(pack?.file), 'none recorded') },
      { label: 'Package checksum (SHA-256)', value: pack ? [{ text: textOf(pack.sha256) ?? 'not recorded', code: true }] : missingSpan('none recorded') },
      { label: 'Package check', value: packageCheckSpans(pack, context.input.rollbackPackage) },
      { label: 'Checklist', value: plain(steps === 0 ? 'no checklist items' : `${body.tasks.done} of ${plural(steps, 'step')} ticked`) },
    ],
  };
  return [facts, ...body.blocks];
}

/** The release package's rows, as in the HTML pack: its file, its SHA-256 and whether it verifies, or that none was found. */
function releasePackageRows(check: ReleasePackageCheck | undefined): Array<{ label: string; value: InlineSpan[] }> {
  if (!check) return [{ label: 'Release package', value: missingSpan('not looked for (no repository)') }];
  if (check.state === 'none') return [{ label: 'Release package', value: missingSpan(`none: ${check.file} is not in ${check.lookedIn}`) }];
  const verdict: InlineSpan[] = check.ok
    ? [{ text: 'verified', bold: true }, { text: ': the archive matches its checksum file and its manifest, as the release package of this version' }]
    : [{ text: 'does not verify', bold: true }, ...check.problems.map((p) => ({ text: `\n• ${p}` }))];
  return [
    { label: 'Release package', value: plain(check.file) },
    { label: 'Release package checksum (SHA-256)', value: check.sha256 ? [{ text: check.sha256, code: true }] : missingSpan('not computed') },
    { label: 'Release package check', value: verdict },
  ];
}

function packageCheckSpans(pack: Record<string, unknown> | undefined, check: PackageCheck | undefined): InlineSpan[] {
  if (!pack) return missingSpan('no package recorded');
  if (!check) return missingSpan('not checked');
  if (check.state === 'not-found') return plain(`not checked: the package file was not found in ${check.lookedIn}`);
  if (check.ok) return [{ text: 'verified', bold: true }, { text: ': the archive matches the recorded checksum, its checksum file and its manifest' }];
  return [{ text: 'does not verify', bold: true }, ...check.problems.map((p) => ({ text: `\n• ${p}` }))];
}

/** Each phase's reflection, in phase order; a phase not written yet says so. */
export function reflectionBlocks(context: PackContext): PackBlock[] {
  return PHASE_IDS.flatMap((phase): PackBlock[] => {
    const fileName = phaseFileNameOf(phase);
    const heading: PackBlock = { kind: 'heading', level: 3, text: [{ text: PHASE_GUIDES[phase].title }, { text: ` (${phase})`, italic: true }], anchor: `reflection-${phase}` };
    const document = context.documents.get(fileName);
    if (!document) return [heading, missingDocument(fileName)];
    const date = textOf(document.data?.date);
    const facts: PackBlock = {
      kind: 'facts',
      rows: [
        { label: 'Date', value: date === undefined ? missingSpan() : plain(`${readableDateOrAsWritten(date)} (${relativeToDeployment(date, context.window)})`) },
        { label: 'Author', value: valueSpans(textOf(document.data?.author)) },
      ],
    };
    return [heading, facts, ...markdownBlocks(document.body, 3, linksOf(context, fileName)).blocks];
  });
}

const ACTION_COLUMN_KINDS: Readonly<Record<string, ColumnKind>> = { owner: 'person', due: 'date', status: 'status' };

/** The action plan: its actions as a table (from the front matter), then its body. */
export function actionPlanBlocks(context: PackContext): PackBlock[] {
  const document = context.documents.get(ACTION_PLAN_FILE);
  if (!document) return [missingDocument(ACTION_PLAN_FILE)];
  const facts: PackBlock = {
    kind: 'facts',
    rows: [
      { label: 'Date', value: dateSpans(document.data?.date) },
      { label: 'Author', value: valueSpans(textOf(document.data?.author)) },
    ],
  };
  const actions = Array.isArray(document.data?.actions) ? (document.data.actions as unknown[]).map(recordOf) : [];
  const table: PackBlock =
    actions.length === 0
      ? paragraph('The action plan lists no actions in its front matter.', 'missing')
      : {
          kind: 'table',
          columns: ACTION_COLUMNS.map(([key, title]) => ({ title, kind: ACTION_COLUMN_KINDS[key] ?? 'text' })),
          rows: actions.map((action) => ACTION_COLUMNS.map(([key]) => (key === 'due' ? dateSpans(action?.[key], '—') : valueSpans(textOf(action?.[key]), '—')))),
        };
  return [facts, table, ...markdownBlocks(document.body, 2, linksOf(context, ACTION_PLAN_FILE)).blocks];
}
