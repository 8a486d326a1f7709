/** The marker that starts a prompt line; a section holding only prompts is unanswered. */
export const PROMPT_MARKER = '> **Prompt:**';
