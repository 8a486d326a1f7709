import type { GitTag } from '../git/gitLogParsing';
import type { GitRepository } from '../git/gitRepository';
import { describeSkippedTags, reportTagFamilies, skipsMostTags, type TagFamilyReport } from '../git/tagFamilies';
import type { TagPattern } from '../git/tagPattern';

/** How the command line tells a person to pick a family. */
export const PICK_FAMILY_ON_COMMAND_LINE = 'pick one with --family NAME, or releases.family in reflect.config.json (changeLog.releases.family in the editor)';

/** The tag families of a tag list and how many tags the pattern reads as releases (no git call). */
export function tagFamiliesOf(tags: readonly GitTag[], pattern: TagPattern): TagFamilyReport {
  return reportTagFamilies(
    tags.map((t) => t.name),
    pattern,
  );
}

/** The default pattern skipped most tags: how many it matches, and the sentence that says so and names the families. */
export interface SkippedTags {
  readonly matched: number;
  readonly total: number;
  readonly sentence: string;
}

/**
 * What says the default pattern skipped most tags, and which
 * families there are; undefined when it did not (or a family or pattern was
 * chosen). Reads nothing: give it the tag list already read.
 */
export function skippedTagsNotice(tags: readonly GitTag[], pattern: TagPattern, howToPick: string): SkippedTags | undefined {
  return skippedTagNamesNotice(
    tags.map((t) => t.name),
    pattern,
    howToPick,
  );
}

function skippedTagNamesNotice(names: readonly string[], pattern: TagPattern, howToPick: string): SkippedTags | undefined {
  const report = reportTagFamilies(names, pattern);
  if (!skipsMostTags(report, pattern)) return undefined;
  return { matched: report.matched, total: report.total, sentence: describeSkippedTags(report, pattern, howToPick) };
}

/** `skippedTagsNotice` for a repository: one `for-each-ref` of the tags' names (no tag object read), no git call per tag. */
export async function readSkippedTagsNotice(repo: GitRepository, pattern: TagPattern, howToPick: string): Promise<SkippedTags | undefined> {
  if (pattern.family !== undefined) return undefined;
  return skippedTagNamesNotice(await repo.listTagNames(), pattern, howToPick);
}
