// What the benchmark calls in-process: the same core the extension, server and CLI use.
export { GitRepository } from '../src/core/git/gitRepository';
export { LOG_FORMAT, TAG_FORMAT } from '../src/core/git/gitLogParsing';
export { selectReleaseTags } from '../src/core/git/releases';
export { parseCommit } from '../src/core/commits/conventionalCommit';
export { groupCommitsByType } from '../src/core/commits/groupCommits';
export { buildReleaseNotes } from '../src/core/render/buildReleaseNotes';
export { renderReleaseNotesMarkdown } from '../src/core/render/releaseNotes';
export { logArguments, LOG_ENVIRONMENT, TAG_LIST_ARGUMENTS } from '../src/core/git/gitRepository';
export { neutralisedArguments, neutralisedEnvironment } from '../src/core/git/programConfigKeys';
export { gitExecutableFor } from '../src/core/git/gitExecutable';
export { replaceFile, FileChangedError } from '../src/core/files/atomicWrite';
export { regenerate } from '../src/core/markdown/regenerate';
export { sealFences } from '../src/core/markdown/generatedFences';
export { observeGitCalls } from '../src/core/git/gitProcess';
export { runNotes } from '../src/cli/notesCommand';
