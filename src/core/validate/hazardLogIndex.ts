/** What the cross-checks need of one hazard-log entry. */
export interface HazardEntry {
  readonly id: string;
  readonly initialRating?: number;
  readonly residualRating?: number;
  readonly status?: string;
}

/**
 * The hazard log as the record rules read it: whether the records root has
 * one, where it is (for messages) and its entries by id. A log that cannot
 * be read counts as present with no entries, so its own problems speak for it.
 */
export interface HazardLogIndex {
  readonly file: string;
  readonly present: boolean;
  readonly entries: ReadonlyMap<string, HazardEntry>;
}
