import { GitProblem } from '../core/git/errors';
import { runCheck } from './checkCommand';
import { runNotes } from './notesCommand';
import { USAGE, UsageError } from './usage';

/** Runs the CLI and returns its exit code: 0 success, 1 findings, 2 usage or environment error. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const today = new Date().toISOString().slice(0, 10);
  try {
    switch (command) {
      case 'notes':
        return await runNotes(rest, process.stdout, today);
      case 'check':
        return await runCheck(rest, process.stdout, process.cwd());
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case undefined:
        throw new UsageError('No command given; try "reflect --help".');
      default:
        throw new UsageError(`Unknown command "${command}"; try "reflect --help".`);
    }
  } catch (error) {
    process.stderr.write(`reflect: ${oneLine(error)}\n`);
    return 2;
  }
}

function oneLine(error: unknown): string {
  if (error instanceof UsageError || error instanceof GitProblem) return error.message;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0];
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
