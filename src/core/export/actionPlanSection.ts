import { ACTION_PLAN_FILE } from '../vocabulary/documentKinds';
import { escapeHtml, factList, htmlOf, missingDocumentHtml, recordOf } from './htmlText';
import { linksOf, type PackContext } from './packContext';
import { dateHtml } from './readableDates';
import { renderMarkdownBody } from './safeMarkdown';

/** The columns of the action plan table, in the order the schema lists an action's fields. */
export const ACTION_COLUMNS = [
  ['action', 'Action'],
  ['gap', 'Gap'],
  ['owner', 'Owner'],
  ['due', 'Due'],
  ['evidence', 'Evidence'],
  ['status', 'Status'],
] as const;

/** The action plan: its actions as a table (from the front matter), then its body. */
export function renderActionPlan(context: PackContext): string {
  const document = context.documents.get(ACTION_PLAN_FILE);
  if (!document) return missingDocumentHtml(ACTION_PLAN_FILE);
  const facts = factList([
    ['Date', dateHtml(document.data?.date)],
    ['Author', htmlOf(document.data?.author)],
  ]);
  const actions = Array.isArray(document.data?.actions) ? (document.data.actions as unknown[]) : [];
  const table =
    actions.length === 0
      ? '<p class="missing">The action plan lists no actions in its front matter.</p>'
      : [
          '<div class="table-scroll">',
          '<table class="actions">',
          // Fixed column widths (the stylesheet's): owner, due and status never squash, long text wraps in its own column.
          `<colgroup>${ACTION_COLUMNS.map(([key]) => `<col class="col-${key}">`).join('')}</colgroup>`,
          `<thead><tr>${ACTION_COLUMNS.map(([, title]) => `<th>${escapeHtml(title)}</th>`).join('')}</tr></thead>`,
          '<tbody>',
          ...actions.map((item) => {
            const action = recordOf(item);
            return `<tr>${ACTION_COLUMNS.map(([key]) => `<td class="${key}">${key === 'due' ? dateHtml(action?.[key], '—') : htmlOf(action?.[key], '—')}</td>`).join('')}</tr>`;
          }),
          '</tbody>',
          '</table>',
          '</div>',
        ].join('\n');
  return `${facts}\n${table}\n<div class="document-body">\n${renderMarkdownBody(document.body, 2, linksOf(context, ACTION_PLAN_FILE)).html}</div>`;
}
