/**
 * Entry of the integration suites in the Node extension host, run by
 * `test/runner/runOffline.mjs` (VS Code server + headless Chromium) or
 * `test/runner/runDesktop.mjs` (@vscode/test-electron). Bundled by esbuild into
 * `dist/test/integration/index.js` with `vscode` and `mocha` left external. The web
 * worker extension host runs `index.web.ts` instead.
 */
import Mocha from 'mocha';
import { format } from 'node:util';
import { runMocha } from './runMocha';
import { FIRST_SHARED_SUITES, LATER_SHARED_SUITES } from './suites';

/** Every suite: the shared ones and those that need Node (git, `fs`, the benchmarks, Restricted Mode). */
const SUITES: Array<() => unknown> = [
  ...FIRST_SHARED_SUITES,
  () => require('./git.test'),
  () => require('./teamMerging.test'),
  ...LATER_SHARED_SUITES,
  () => require('./checkoutLoad.test'),
  () => require('./safeWrites.test'),
  () => require('./hostBenchmark.test'),
  () => require('./contributions.test'),
  () => require('./restricted.test'),
  () => require('./firstRun.test'),
];

/** Runs every suite; resolves when all pass, rejects with the failure count otherwise. */
export function run(): Promise<void> {
  return runMocha({ Mocha, format }, SUITES, process.env.QUALSYNTH_TEST_GREP);
}
