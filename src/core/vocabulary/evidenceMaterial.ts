/** The folder of a record whose files are part of its evidence pack. */
export const EVIDENCE_FOLDER = 'evidence';

/** The largest image a pack embeds unless configured (`evidencePack.maxImageBytes`). */
export const DEFAULT_MAX_IMAGE_BYTES = 5 * 1024 * 1024;
