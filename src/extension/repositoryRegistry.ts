import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core/config/reflectConfig';
import type { ResolvedConfig } from '../core/config/resolvedConfig';
import { resolveRepositoryConfiguration, type RepositoryConfiguration } from '../core/usecases/repositoryConfiguration';
import { todayOn, type Clock } from '../core/vocabulary/clock';
import { readEditorSettings } from './configuration';
import type { RepositoryReleases } from './views/repositoryReleases';
import { locateRepositories } from './workspaceRepository';

/**
 * The one registry of the workspace's repositories, made at activation and
 * handed to the views, the status bar and the commands (as VS Code's git
 * extension has one `Model`): where the repositories are, each one's
 * resolved configuration, the releases the Releases view has read, and the clock.
 */
export class RepositoryRegistry {
  private readonly configurations = new Map<string, Promise<RepositoryConfiguration>>();
  private readonly shown = new Set<string>();
  private releaseModels = new Map<string, RepositoryReleases>();
  private locating: ReturnType<typeof locateRepositories> | undefined;

  /** `find` finds the repositories (the workspace's by default, fixtures in tests). */
  constructor(
    readonly clock: Clock,
    private readonly find: typeof locateRepositories = locateRepositories,
  ) {}

  /**
   * The workspace's repositories. Whoever asks while a search runs shares it:
   * when a window opens, both views and the status bar ask at once, and each
   * search opens every repository and reads the folders below each workspace
   * folder. A finished search is not kept: the next ask looks again.
   */
  readonly locate: typeof locateRepositories = () => {
    if (this.locating === undefined) {
      const search = this.find();
      this.locating = search;
      const settled = () => {
        if (this.locating === search) this.locating = undefined;
      };
      search.then(settled, settled);
    }
    return this.locating;
  };

  /** A search already under way is not shared any more (trust, folders or settings changed). */
  forgetRepositories(): void {
    this.locating = undefined;
  }

  /** Today's local date on the registry's clock. */
  today(): string {
    return todayOn(this.clock);
  }

  /** Forgets every resolved configuration (settings or a reflect.config.json changed). */
  forgetConfigurations(): void {
    this.configurations.clear();
    this.shown.clear();
  }

  /**
   * The one configuration of a repository (reflect.config.json under the
   * person's settings), resolved by the core and kept until either changes.
   * Each invalid value is shown once, naming the file or setting and the key.
   * With `forCommand`, a problem also stops the command (its message already shown).
   */
  async configurationFor(root: string, { forCommand = false } = {}): Promise<ResolvedConfig> {
    let resolving = this.configurations.get(root);
    if (!resolving) {
      resolving = resolveRepositoryConfiguration(root, { settings: readEditorSettings(vscode.Uri.file(root)) });
      this.configurations.set(root, resolving);
      resolving.catch(() => this.configurations.delete(root));
    }
    const { config, problems } = await resolving;
    if (problems.length === 0) return config;
    const key = `${root}\n${problems.map((p) => p.message).join('\n')}`;
    if (forCommand || !this.shown.has(key)) {
      this.shown.add(key);
      showConfigProblems(root, problems);
    }
    if (forCommand) throw new ConfigShown();
    return config;
  }

  /** Keeps the releases the Releases view read, by repository root (replacing those read before). */
  trackReleases(models: readonly RepositoryReleases[]): void {
    this.releaseModels = new Map(models.map((m) => [m.root, m]));
  }

  /** The releases read of the repository at `root`, if the Releases view shows it. */
  releasesOf(root: string): RepositoryReleases | undefined {
    return this.releaseModels.get(root);
  }
}

function showConfigProblems(root: string, problems: RepositoryConfiguration['problems']): void {
  const [first] = problems;
  const where = first.line !== undefined ? ` (line ${first.line})` : '';
  const more = problems.length > 1 ? vscode.l10n.t(' ({0} more)', problems.length - 1) : '';
  const inFile = first.file === CONFIG_FILE_NAME;
  const open = inFile ? vscode.l10n.t('Open File') : vscode.l10n.t('Open Settings');
  void vscode.window.showErrorMessage(vscode.l10n.t('Reflective Change Log: {0}{1}{2}', first.message, where, more), open).then((answer) => {
    if (answer !== open) return;
    if (inFile) void vscode.window.showTextDocument(vscode.Uri.joinPath(vscode.Uri.file(root), CONFIG_FILE_NAME));
    else void vscode.commands.executeCommand('workbench.action.openSettings', first.key?.replace(/^Setting /, '') ?? 'changeLog');
  });
}

/** The config problem was already shown to the person with its own message. */
export class ConfigShown extends Error {
  constructor() {
    super('The repository configuration has problems.');
  }
}
