/** The file as the editor saves it the `j`th time. */
export function saveText(j: number): string;

/** What the race needs of the core (the test passes its sources, the bench its bundle). */
export interface SaveRaceCore {
  regenerate(existing: string, fresh: string): { text: string };
  sealFences(text: string): string;
  replaceFile(target: string, content: string | Buffer, options: { expected: Buffer }): Promise<void>;
  FileChangedError: abstract new (...args: never[]) => Error;
}

/** Races `saves` in-place saves by a child process against updates made with `core`; see saveRaceDriver.mjs. */
export function raceSaves(options: {
  file: string;
  saves: number;
  judgeEvery: number;
  core: SaveRaceCore;
  /** Runs each time the updates hold (nothing of theirs in flight), before the saver looks. */
  onHold?: () => void;
}): Promise<{ exitCode: number | null; lost: number; looks: { j: number; text: string }[]; updated: number; refused: number }>;
