// Runs the integration suites (dist/test/integration/index.js) inside the extension
// host of the VS Code server, driven by headless Chromium; no VS Code download, no
// display. Prints the extension host's output, then `N passed, N failed`; exits
// non-zero on any failure, crash, load error or hang.
//
// Usage: node test/runner/runOffline.mjs [--restricted | --web | --first-run] [fixture folder]   (default: review-basic)
// Env: QUALSYNTH_TEST_GREP runs only the tests whose title matches. --restricted runs
// the "Restricted Mode" suite in an untrusted workspace (Workspace Trust left on).
// --web runs the extension and the suites that need no Node in the web worker extension
// host, the host of vscode.dev and github.dev (VS Code's `extensionDevelopmentKind=web`).
// --first-run runs the "First run in an empty folder" suite in a folder without a review.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { startKeyboardBridge } from './keyboardBridge.mjs';
import { qualsynthLog, webQualsynthLog } from './outputChannels.mjs';
import { INTEGRATION_TESTS, INTEGRATION_TESTS_WEB, REPO_ROOT, RESULTS_DIR } from './paths.mjs';
import { closingLine, parseResultLine } from './results.mjs';
import { withWorkbench } from './session.mjs';
import { workbenchUrl } from './workbench.mjs';

// Guard against a hung host; QUALSYNTH_TEST_TIMEOUT_MS overrides it (to test the guard).
const TIMEOUT_MS = Number(process.env.QUALSYNTH_TEST_TIMEOUT_MS) || 10 * 60_000;
const restricted = process.argv.includes('--restricted');
const web = process.argv.includes('--web');
const label = web ? 'integration-web' : 'integration';
const testsPath = web ? INTEGRATION_TESTS_WEB : INTEGRATION_TESTS;
/** What the suites read from the environment; a web worker has none, so `--web` writes it to a file. */
const TEST_ENV = ['QUALSYNTH_TEST_GREP', 'QUALSYNTH_KEYBOARD_BRIDGE', 'QUALSYNTH_BENCH_REVIEW'];
/** Beside the workspace copy's folder, where test/integration/testEnv.ts looks for it. */
const WEB_TEST_ENV_FILE = 'qualsynth-test-env.json';
/**
 * Runs the development extension in the web worker extension host. VS Code 1.100's web
 * workbench ignores `extensionDevelopmentKind` (it reads it under another name), so the
 * user setting that chooses where an extension runs does it instead.
 */
const WEB_HOST_SETTINGS = { 'remote.extensionKind': { 'qualsynth.qualsynth': ['web'] } };
if (restricted) {
  process.env.QUALSYNTH_RESTRICTED_MODE = '1';
  process.env.QUALSYNTH_TEST_GREP = 'Restricted Mode';
}
const firstRun = process.argv.includes('--first-run');
if (firstRun) process.env.QUALSYNTH_TEST_GREP = 'First run in an empty folder';
const defaultFixture = join(REPO_ROOT, 'test/fixtures', firstRun ? 'no-review' : 'review-basic');
const fixture = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? defaultFixture);

/** Drives one run; resolves with the host's exit code and the suites' counts. */
async function runSuites({ server, browser, folder, dataDir }, keyboard) {
  const page = await browser.newPage();
  keyboard.attach(page);
  let counts;
  let settle;
  const outcome = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });
  page.on('crash', () => settle.reject(new Error('the workbench page crashed')));
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  // Called by the workbench (smoke-test driver) with the extension host's output.
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = String(message);
    counts = parseResultLine(text) ?? counts;
    // Prefixed, so that mocha's own summary from inside VS Code is not taken for ours.
    console.log(`[vscode${level === 'info' ? '' : ` ${level}`}] ${text.replace(/\n/g, '\n[vscode] ')}`);
  });
  // Called once the test module's run() has settled, with VS Code's own log files.
  let workbenchLogs = [];
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    workbenchLogs = logs ?? [];
    writeFileSync(join(RESULTS_DIR, `${label}-workbench-logs.json`), JSON.stringify(workbenchLogs, null, 2));
    settle.resolve(code);
  });
  if (web) writeFileSync(join(dirname(folder), WEB_TEST_ENV_FILE), JSON.stringify(Object.fromEntries(TEST_ENV.filter((name) => process.env[name]).map((name) => [name, process.env[name]]))));
  await page.goto(workbenchUrl({ ...server, folder, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: testsPath, extensionDevelopmentKind: web ? 'web' : undefined }));
  const code = await outcome;
  process.stdout.write(web ? webQualsynthLog(workbenchLogs) : qualsynthLog(dataDir));
  return { code, counts };
}

async function main() {
  if (!existsSync(testsPath)) throw new Error(`${testsPath} missing: run \`npm run build\` first`);
  const started = Date.now();
  // The suites type into the workbench through it (the server passes the variable on).
  const keyboard = await startKeyboardBridge();
  process.env.QUALSYNTH_KEYBOARD_BRIDGE = keyboard.url;
  const { code, counts } = await withWorkbench({ label, source: fixture, timeoutMs: TIMEOUT_MS, userSettings: web ? WEB_HOST_SETTINGS : undefined }, (workbench) => runSuites(workbench, keyboard)).finally(() => keyboard.close());
  console.log(`${label} run took ${((Date.now() - started) / 1000).toFixed(1)} s; extension host exit code ${code}`);
  if (!counts) throw new Error('the suites reported no result: the test module failed to load or crashed (see test-results/)');
  console.log(closingLine(counts));
  return code === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    console.error(`integration tests did not complete: ${error.message}`);
    process.exit(1);
  },
);
