import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from '../../src/server/server';
import type { ServerRuntime } from '../../src/server/serverRuntime';
import type { LspTransport } from './lspClient';

/**
 * A language server running in this process over two in-memory streams,
 * with the runtime a test gives (a fixed clock, an in-memory or temporary
 * file system): the protocol-free logic is tested without spawning the bundle.
 */
export function inProcessServer(runtime: ServerRuntime): LspTransport {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Message readers, not the raw streams: given a stream, the library would end the process when it closes.
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, runtime);
  return { reader: new StreamMessageReader(toClient), writer: new StreamMessageWriter(toServer), close: () => server.dispose(), inProcess: true };
}
