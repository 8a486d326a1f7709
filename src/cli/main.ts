import { describeFileError } from '../core/files/fileErrors';
import { GitProblem } from '../core/git/errors';
import { todayOn, systemClock } from '../core/vocabulary/clock';
import { version } from '../../package.json';
import { commandUsage, isCommandName, USAGE, UsageError } from './usage';

// Each command is imported when it runs, so `reflect tags` does not pay for
// loading the validator or the Markdown engine.

/** Runs the CLI and returns its exit code: 0 success, 1 findings, 2 usage or environment error. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // The local calendar date, as in the editor: near midnight both agree on what is overdue.
  const today = todayOn(systemClock);
  if (isCommandName(command) && asksForHelp(rest)) {
    process.stdout.write(`${commandUsage(command)}\n`);
    return 0;
  }
  try {
    switch (command) {
      case 'new':
        return await (await import('./newCommand')).runNew(rest, process.stdout, process.cwd(), today);
      case 'status':
        return await (await import('./statusCommand')).runStatus(rest, process.stdout, process.cwd(), today);
      case 'notes':
        return await (await import('./notesCommand')).runNotes(rest, process.stdout, today);
      case 'tags':
        return await (await import('./tagsCommand')).runTags(rest, process.stdout);
      case 'rollback':
        return await (await import('./rollbackCommand')).runRollback(rest, process.stdout, today);
      case 'package':
        return await (await import('./packageCommand')).runPackage(rest, process.stdout);
      case 'check':
        return await (await import('./checkCommand')).runCheck(rest, process.stdout, process.cwd(), today);
      case 'export':
        return await (await import('./exportCommand')).runExport(rest, process.stdout, systemClock);
      case '--version':
      case '-v':
        process.stdout.write(`${version}\n`);
        return 0;
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
    const unknown = unknownOptionOf(error);
    if (unknown !== undefined && isCommandName(command)) {
      process.stderr.write(`reflect ${command}: unknown option "${unknown}".\n${commandUsage(command)}\n`);
      return 2;
    }
    process.stderr.write(`reflect: ${oneLine(error)}\n`);
    return 2;
  }
}

/** `--help` or `-h` before any `--` (after it, they are positional values). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** The option a parse error is about, when it is an unknown one. */
function unknownOptionOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error) || error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined;
  return /'(-[^']*)'/.exec(error.message)?.[1] ?? '';
}

function oneLine(error: unknown): string {
  if (error instanceof UsageError || error instanceof GitProblem) return error.message.split('\n', 1)[0];
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) return error.message;
  // A file-system error: the person's path and what is wrong, never a temporary name or an errno dump.
  const described = describeFileError(error);
  if (described !== undefined) return described;
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0];
}

// Exit as soon as the output is flushed, whatever timers or handles are left.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
});
