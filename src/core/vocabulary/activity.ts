/** The training activity a record is evidence for (reflect.config.json `activity`, or change.md's). */
export interface Activity {
  readonly title?: string;
  readonly trainee?: string;
  readonly supervisor?: string;
  readonly organisation?: string;
  readonly system?: string;
  readonly learningOutcomes?: readonly string[];
}

/** The pack's file name when nothing else is configured. */
export const DEFAULT_PACK_FILE_NAME = '{system}-{version}-evidence.html';
