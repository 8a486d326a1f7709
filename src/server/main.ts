import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { MessageFramingGuard } from './messageFraming';
import { startServer } from './server';
import { nodeServerRuntime } from './serverRuntime';

// Run by hand (`reflect-language-server`) without a transport, the connection
// would fail with a stack trace; say how to start it instead.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket=|pipe=|clientProcessId)/.test(arg))) {
  process.stderr.write('reflect-language-server: the Reflective Change Log language server.\nStart it from an LSP client with --stdio (or --node-ipc, --socket=<port>, --pipe=<name>).\n');
  process.exit(2);
}

// `createConnection` picks IPC or sockets from the command line (`--node-ipc`,
// `--socket=N`), so the same entry serves the extension and any other LSP
// client. Over stdio the client's bytes pass a framing check first: a broken
// stream ends the server with a message, and the client starts a new one.
const connection = process.argv.includes('--stdio') ? createConnection(ProposedFeatures.all, checkedStdin(), process.stdout) : createConnection(ProposedFeatures.all);
startServer(connection, nodeServerRuntime());

/** Standard input behind the framing check; stdout then carries nothing but messages, so console output goes to stderr. */
function checkedStdin(): NodeJS.ReadableStream {
  // Given streams, the library no longer moves console output off stdout itself, where it would corrupt the stream.
  console.log = console.info = console.debug = console.warn = console.error;
  const guard = new MessageFramingGuard((reason) => {
    process.stderr.write(`reflect-language-server: the client's message stream is broken: ${reason}. Exiting so that the client can start a new server.\n`);
    process.exit(1);
  });
  return process.stdin.pipe(guard);
}
