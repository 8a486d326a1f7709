import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { nodeServerRuntime } from './serverRuntime';

// Run by hand (`reflect-language-server`) without a transport, the connection
// would fail with a stack trace; say how to start it instead.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket=|pipe=|clientProcessId)/.test(arg))) {
  process.stderr.write('reflect-language-server: the Reflective Change Log language server.\nStart it from an LSP client with --stdio (or --node-ipc, --socket=<port>, --pipe=<name>).\n');
  process.exit(2);
}

// `createConnection` picks stdio, IPC or sockets from the command line
// (`--stdio`, `--node-ipc`, `--socket=N`), so the same entry serves the
// extension and any other LSP client.
const connection = createConnection(ProposedFeatures.all);
startServer(connection, nodeServerRuntime());
