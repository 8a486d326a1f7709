import type { GitCommit } from '../git/gitLogParsing';
import type { RevisionRange } from '../git/gitRepository';
import type { Activity } from '../vocabulary/activity';
import type { PackAttachments } from './packAttachments';
import type { PackProvenance } from './packProvenance';
import type { RecordAssessment } from '../records/recordStatus';
import type { RecordFile } from '../validate/validateRecord';
import type { ValidationOptions } from '../validate/validationOptions';

/** The commits of the record's range, or why they are not listed. */
export type PackCommits =
  | {
      readonly state: 'listed';
      /** The range the commits were read from (it may differ from the recorded one; `note` says why). */
      readonly range: RevisionRange;
      /** Newest first. */
      readonly commits: readonly GitCommit[];
      /** How many commits the range holds; more than `commits.length` when the list was cut short. */
      readonly total: number;
      /** Anything the reader must know about the list (a shallow clone, a substituted range). */
      readonly notes?: readonly string[];
    }
  | { readonly state: 'unavailable'; readonly reason: string };

/** What was found out about the rollback package rollback.md names. */
export type PackageCheck =
  | { readonly state: 'not-found'; readonly lookedIn: string }
  | {
      readonly state: 'checked';
      /** Whether the archive, its checksum file and manifest agree, and its recorded checksum matches. */
      readonly ok: boolean;
      readonly problems: readonly string[];
      /** The archive's SHA-256 as computed now. */
      readonly sha256?: string;
    };

/** What was found in the package folder about the release package of the record's version (`<version>-release.tar.gz`). */
export type ReleasePackageCheck =
  | { readonly state: 'none'; readonly file: string; readonly lookedIn: string }
  | { readonly state: 'checked'; readonly file: string; readonly ok: boolean; readonly problems: readonly string[]; readonly sha256?: string };

/** Everything the evidence pack is built from; building it reads nothing else. */
export interface EvidencePackInput {
  /** The Markdown files of the record folder (as `readRecordFiles` gives them). */
  readonly files: readonly RecordFile[];
  /** The record's assessment from `assessRecord(files, options)`. */
  readonly assessment: RecordAssessment;
  readonly commits: PackCommits;
  /** Undefined when rollback.md names no package, or nobody looked for it. */
  readonly rollbackPackage?: PackageCheck;
  /** Undefined when nobody looked for it (no repository). */
  readonly releasePackage?: ReleasePackageCheck;
  /** The options the assessment was made with; the cover uses its risk matrix. */
  readonly options: ValidationOptions;
  readonly generatedAt: Date;
  /** The stylesheet to inline (media/evidence-pack.css). */
  readonly stylesheet: string;
  /** The repository, HEAD and each document's history at export; undefined without a repository. */
  readonly provenance?: PackProvenance;
  /** The configured training activity (reflect.config.json); change.md's `activity` wins field by field. */
  readonly activity?: Activity;
  /** The record's supporting material (evidence folder, linked files and images); undefined when nobody looked (no repository to stay inside). */
  readonly attachments?: PackAttachments;
  /** The record folder's name, used as the version when no document names one. */
  readonly recordName?: string;
}
