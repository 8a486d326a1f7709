// Extension-host test entry: VS Code loads this module (compiled to out/test/integration/index.js)
// in a real extension host and awaits run(). The same file serves the desktop runner
// (@vscode/test-electron / @vscode/test-cli) and the offline code-server runner
// (test/harness/runHostTests.mjs).
//
// If REFLECT_TEST_LOG names a file, the test report is appended there too: in code-server the
// extension host's console only reaches the browser, so the runner prints that file instead.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import * as mochaModule from 'mocha';
import * as vscode from 'vscode';

type MochaClass = typeof import('mocha');

/**
 * mocha 12 is an ES module whose default export is the Mocha class. Depending on how the host's
 * Node loads it through the bundle's require() (namespace object or not), the class is found at a
 * different depth, so take the first function found.
 */
function mochaClass(): MochaClass {
  const candidates: unknown[] = [mochaModule, (mochaModule as { default?: unknown }).default];
  const inner = candidates[1] as { default?: unknown } | undefined;
  if (inner) candidates.push(inner.default);
  const found = candidates.find((c) => typeof c === 'function');
  if (!found) throw new Error('could not load the Mocha class from the "mocha" package');
  return found as MochaClass;
}

/** Appends every reporter line to `logFile` as well as printing it. */
function teeReporterOutput(Mocha: MochaClass, logFile: string): void {
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    original(...args);
    // util.format resolves the %s/%d placeholders the reporters use.
    fs.appendFileSync(logFile, util.format(...args) + '\n');
  };
}

/** All compiled *.test.js files in the folder of this index (non-recursive). */
function testFiles(dir: string): string[] {
  return fs.readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

export function run(): Promise<void> {
  const Mocha = mochaClass();
  const logFile = process.env.REFLECT_TEST_LOG;
  if (logFile) teeReporterOutput(Mocha, logFile);

  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: !logFile, reporter: 'spec' });
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  // Several tests keep an edit unsaved on purpose; code-server saves after a delay by default, which
  // would race them. The runners' settings turn it off too; this makes either runner deterministic.
  mocha.suite.beforeAll(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const autoSave = vscode.workspace.getConfiguration('files').get<string>('autoSave');
    if (autoSave !== 'off') throw new Error(`files.autoSave is '${autoSave}', so unsaved-edit tests would race auto-save`);
  });

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no *.test.js files next to ${__filename}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        // A closing line CI can read whatever the reporter printed before.
        const summary = `integration: ${stats.passes} passed, ${stats.failures} failed` +
          (stats.pending ? `, ${stats.pending} skipped` : '');
        console.log(summary);
        if (logFile) fs.appendFileSync(logFile, summary + '\n');
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (err) {
      if (logFile) fs.appendFileSync(logFile, util.format('mocha failed to start: %s', err) + '\n');
      reject(err);
    }
  });
}
