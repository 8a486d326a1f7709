import * as path from 'node:path';
import * as vscode from 'vscode';
import { commitDetailsUri } from '../commitDetailsProvider';
import { commitFileSides } from '../views/commitFileSides';
import type { ReleaseNode } from '../views/repositoryReleases';
import type { ReleasesTreeProvider } from '../views/releasesView';
import type { Command } from './command';

type CommitNode = Extract<ReleaseNode, { type: 'commit' }>;

function commitOf(node: unknown): CommitNode {
  const candidate = node as Partial<CommitNode> | undefined;
  if (candidate?.type !== 'commit' || candidate.commit === undefined || typeof candidate.root !== 'string') throw new Error(vscode.l10n.t('Choose a commit in the Releases view first.'));
  return candidate as CommitNode;
}

/** Opens a commit's details page in the Markdown preview (message, trailers, links, files). */
export class OpenCommitCommand implements Command {
  readonly id = 'changeLog.openCommit';

  async execute(node: unknown): Promise<vscode.Uri> {
    const { root, commit } = commitOf(node);
    const uri = commitDetailsUri(root, commit.hash);
    await vscode.commands.executeCommand('markdown.showPreview', uri, undefined, { locked: true });
    return uri;
  }
}

export class CopyCommitIdCommand implements Command {
  readonly id = 'changeLog.copyCommitId';

  async execute(node: unknown): Promise<void> {
    await vscode.env.clipboard.writeText(commitOf(node).commit.hash);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the commit ID.'), 3000);
  }
}

export class CopyCommitMessageCommand implements Command {
  readonly id = 'changeLog.copyCommitMessage';

  async execute(node: unknown): Promise<void> {
    await vscode.env.clipboard.writeText(commitOf(node).commit.message.trimEnd());
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the commit message.'), 3000);
  }
}

/** Every file the commit changed, in one multi-file diff editor against its first parent. */
export class OpenCommitChangesCommand implements Command {
  readonly id = 'changeLog.openCommitChanges';

  constructor(private readonly releases: ReleasesTreeProvider) {}

  async execute(node: unknown): Promise<void> {
    const commit = commitOf(node);
    const files = await this.releases.commitFiles(commit);
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Commit {0} changes no files.', commit.commit.hash.slice(0, 7)));
      return;
    }
    const resources = files.map((file) => {
      const { left, right } = commitFileSides(file);
      return [vscode.Uri.file(path.join(file.root, file.change.path)), left, right];
    });
    await vscode.commands.executeCommand('vscode.changes', vscode.l10n.t('Changes in {0}: {1}', commit.commit.hash.slice(0, 7), commit.commit.subject.slice(0, 80)), resources);
  }
}

/** Opens the commit on its web host, when the `origin` remote is a known one. */
export class OpenCommitOnRemoteCommand implements Command {
  readonly id = 'changeLog.openCommitOnRemote';

  async execute(node: unknown): Promise<boolean> {
    const { webUrl, commit } = commitOf(node);
    if (webUrl === undefined) throw new Error(vscode.l10n.t('No web host is known for commit {0}: the origin remote is not GitHub, GitLab, Bitbucket or Azure DevOps (set changeLog.releaseNotes.links for a self-hosted one).', commit.hash.slice(0, 7)));
    return vscode.env.openExternal(vscode.Uri.parse(webUrl, true));
  }
}

/** Compare Releases with this commit as the older side. */
export class CompareWithCommitCommand implements Command {
  readonly id = 'changeLog.compareWithCommit';

  async execute(node: unknown): Promise<void> {
    await vscode.commands.executeCommand('changeLog.compareReleases', commitOf(node).commit.hash);
  }
}

/** The commands of a commit item in the Releases view. */
export function commitCommands(releases: ReleasesTreeProvider): Command[] {
  return [new OpenCommitCommand(), new CopyCommitIdCommand(), new CopyCommitMessageCommand(), new OpenCommitChangesCommand(releases), new OpenCommitOnRemoteCommand(), new CompareWithCommitCommand()];
}
