/**
 * Entry of the integration suites, run inside a real VS Code extension host by
 * `test/runner/runOffline.mjs` (VS Code server + headless Chromium) or
 * `test/runner/runDesktop.mjs` (@vscode/test-electron). Bundled by esbuild into
 * `dist/test/integration/index.js` with `vscode` and `mocha` left external.
 */
import Mocha from 'mocha';
import { format } from 'node:util';
import * as vscode from 'vscode';
import { formatResultLine } from './result';

/**
 * The suites. `require` (not `import`) so that they load after mocha has defined its
 * globals (`suite`, `test`); esbuild still bundles them, as the paths are literal.
 */
const SUITES: Array<() => unknown> = [
  () => require('./activation.test'),
  () => require('./editor.test'),
  () => require('./coding.test'),
  () => require('./search.test'),
  () => require('./stripes.test'),
  () => require('./scaffold.test'),
  () => require('./git.test'),
  () => require('./teamMerging.test'),
  () => require('./views.test'),
  () => require('./viewEdits.test'),
  () => require('./viewRefresh.test'),
  () => require('./report.test'),
  () => require('./manuscript.test'),
  () => require('./cerqual.test'),
  () => require('./refi.test'),
  () => require('./checkoutLoad.test'),
  () => require('./hostBenchmark.test'),
  () => require('./contributions.test'),
  () => require('./restricted.test'),
];

/** Runs every suite; resolves when all pass, rejects with the failure count otherwise. */
export function run(): Promise<void> {
  console.log(`VS Code ${vscode.version} (${vscode.env.appHost}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  // The extension host forwards console output without applying printf-style
  // formats, which mocha's reporters use; format here so the runners print text.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec' });
  const grep = process.env.QUALSYNTH_TEST_GREP;
  if (grep) mocha.grep(grep);
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'integration', mocha);
  for (const load of SUITES) load();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      // The runners parse this line: mocha's own summary is not meant for machines.
      console.log(formatResultLine({ passed: passes, failed: failures, skipped: pending }));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
