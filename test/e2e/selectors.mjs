// Every workbench selector the e2e driver uses, in one place (VS Code 1.139.1 / code-server 4.139.1).
// Prefer stable hooks (roles, aria-labels, view names, status-bar ids) over internal class names.

/** CSS attribute-value escape for use inside "..." */
const q = (s) => String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"');

export const S = {
  workbench: '.monaco-workbench',

  activityBarItems: '.part.activitybar .action-item a.action-label',
  /** Activity-bar entry of a view container; its aria-label starts with the container title. */
  activityBarItem: (title) => `.part.activitybar .action-item a.action-label[aria-label^="${q(title)}"]`,

  // Quick input (command palette, quick pick, go to line).
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputRowLabel: '.label-name',
  quickInputRowDescription: '.label-description',

  notificationToast: '.notifications-toasts .notification-list-item-message',

  // Tree views in the side bar: the tree's aria-label is the view name.
  treeRows: (viewName) => `.part.sidebar .monaco-list[role="tree"][aria-label="${q(viewName)}"] [role="treeitem"]`,
  treeRowLabel: '.label-name',
  treeRowDescription: '.label-description',

  // Editors.
  activeTab: '.tabs-container .tab.active',
  activeTabFor: (fileName) => `.tabs-container .tab.active[data-resource-name="${q(fileName)}"]`,
  activeTabDirty: '.tabs-container .tab.active.dirty',
  /** The focused editor group's editor (avoids other groups when the layout is split). */
  activeEditor: '.part.editor .editor-group-container.active .editor-instance .monaco-editor',
  editorLines: '.view-lines .view-line', // within activeEditor; only rendered (visible) lines exist
  editorLineNumbers: '.margin-view-overlays .line-numbers', // within activeEditor
  squiggle: (severity) => `.view-overlays .squiggly-${severity}`, // severity: error | warning | info
  hover: '.monaco-hover',

  // Problems panel.
  problemsStatusItem: '[id="status.problems"]',
  problemRows: '.part.panel .markers-panel [role="treeitem"]',
  problemMessage: '.marker-message',
  problemSource: '.marker-source',
  problemCode: '.marker-code',
};
