/** The full message of commit number `i` (1-based) of the benchmark's generated history. */
export function commitMessage(i: number): string;
/** The author of commit `i`. */
export function commitAuthor(i: number): { name: string; email: string };
