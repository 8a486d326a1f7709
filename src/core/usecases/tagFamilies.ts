import type { GitTag } from '../git/gitLogParsing';
import type { GitRepository } from '../git/gitRepository';
import { describeSkippedTags, detectTagFamilies, reportTagFamilies, skipsMostTags, type TagFamily, type TagFamilyReport } from '../git/tagFamilies';
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

/** The tag pattern skipped most tags: how many it matches, and the sentence that says so and names the families. */
export interface SkippedTags {
  readonly matched: number;
  readonly total: number;
  readonly sentence: string;
}

/**
 * What says the tag pattern (the default or one's own) skipped most tags,
 * and which families there are; undefined when it did not, when a family was
 * picked, or when a pattern of one's own matches only one family's tags
 * (`skipsMostTags`). Reads nothing: give it the tag list already read.
 */
export function skippedTagsNotice(tags: readonly GitTag[], pattern: TagPattern, howToPick: string): SkippedTags | undefined {
  return skippedTagNamesNotice(
    tags.map((t) => t.name),
    pattern,
    howToPick,
  );
}

/** `skippedTagsNotice` for the tag names alone (`listTagNames`). */
export function skippedTagNamesNotice(names: readonly string[], pattern: TagPattern, howToPick: string): SkippedTags | undefined {
  // When the pattern reads most tags, nothing was skipped (skipsMostTags): the families, the costly part on thousands of tags, are not read.
  if (pattern.family !== undefined || matchedCount(names, pattern) * 2 >= names.length) return undefined;
  const report = reportTagFamilies(names, pattern);
  if (!skipsMostTags(report, pattern)) return undefined;
  return { matched: report.matched, total: report.total, sentence: describeSkippedTags(report, pattern, howToPick) };
}

function matchedCount(names: readonly string[], pattern: TagPattern): number {
  let matched = 0;
  for (const name of names) if (pattern.matches(name)) matched++;
  return matched;
}

/** The tag families of a repository, largest first, each with its count and newest tag: one `for-each-ref` of the tags' names. */
export async function readTagFamilies(repo: GitRepository): Promise<TagFamily[]> {
  return detectTagFamilies(await repo.listTagNames());
}
