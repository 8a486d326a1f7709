import type { ResolvedConfig } from '../core/config/resolvedConfig';
import { GitProblem } from '../core/git/errors';
import { GitRepository } from '../core/git/gitRepository';
import { changeHazardFindings, documentHistoryFindings } from '../core/usecases/checkRecord';
import type { HazardLogIndex } from '../core/validate/hazardLog';
import { CHANGE_FILE } from '../core/vocabulary/documentKinds';
import type { Problem } from '../core/validate/problem';

/**
 * The git-history findings of record documents for the server: off until
 * the client says the workspace may be read with git (`readsGitHistory`),
 * then one repository per record folder, opened once.
 */
export class RecordHistory {
  private enabled = false;
  private readonly repositories = new Map<string, Promise<GitRepository | undefined>>();

  configure(enabled: boolean): void {
    this.enabled = enabled;
  }

  /** The history findings of a document of a record folder; empty when git may not run or cannot say. */
  async findings(folder: string, name: string, text: string, config: ResolvedConfig, today: string, hazardLog?: HazardLogIndex): Promise<Problem[]> {
    if (!this.enabled) return [];
    const repository = await this.repositoryOf(folder);
    if (!repository) return [];
    const history = await documentHistoryFindings({ name, text }, { config, today, repository, folder });
    // change.md's hazards against the Hazard: trailers of its range, as `reflect check` and the pack find them.
    return name === CHANGE_FILE ? [...history, ...(await changeHazardFindings(text, repository, config, hazardLog))] : history;
  }

  /** The person's git `user.name` in a record folder's repository (through the git layer); undefined when git may not run or has none. */
  async authorName(folder: string): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    const repository = await this.repositoryOf(folder);
    if (!repository) return undefined;
    try {
      return await repository.configValue('user.name');
    } catch (error) {
      if (error instanceof GitProblem) return undefined;
      throw error;
    }
  }

  private repositoryOf(folder: string): Promise<GitRepository | undefined> {
    let opened = this.repositories.get(folder);
    if (!opened) {
      opened = GitRepository.open(folder).catch((error: unknown) => {
        if (error instanceof GitProblem) return undefined;
        throw error;
      });
      this.repositories.set(folder, opened);
    }
    return opened;
  }
}
