// The `reflect` executable (dist/cli.js): turns on Node's compile cache, then
// loads the CLI bundle (dist/reflect-cli.js). The bundle is most of a
// command's start-up: compiling it took longer than the git call of a
// release's notes. With the cache, a later run reads V8's compiled code
// instead (Node checks it against the bundle's bytes, and keeps it in
// NODE_COMPILE_CACHE or the system's temporary folder; it holds no data of
// ours; NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node before 22.1 has no
// cache and simply compiles.
import * as nodeModule from 'node:module';

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./reflect-cli.js');
