// Runs the integration suites (dist/test/integration/index.js) inside the extension
// host of the VS Code server, driven by headless Chromium; no VS Code download, no
// display. Prints the extension host's output, then `N passed, N failed`; exits
// non-zero on any failure, crash, load error or hang.
//
// Usage: node test/runner/runOffline.mjs [--restricted] [fixture folder]   (default: review-basic)
// Env: QUALSYNTH_TEST_GREP runs only the tests whose title matches. --restricted runs
// the "Restricted Mode" suite in an untrusted workspace (Workspace Trust left on).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startKeyboardBridge } from './keyboardBridge.mjs';
import { qualsynthLog } from './outputChannels.mjs';
import { INTEGRATION_TESTS, REPO_ROOT, RESULTS_DIR } from './paths.mjs';
import { closingLine, parseResultLine } from './results.mjs';
import { withWorkbench } from './session.mjs';
import { workbenchUrl } from './workbench.mjs';

// Guard against a hung host; QUALSYNTH_TEST_TIMEOUT_MS overrides it (to test the guard).
const TIMEOUT_MS = Number(process.env.QUALSYNTH_TEST_TIMEOUT_MS) || 10 * 60_000;
const restricted = process.argv.includes('--restricted');
if (restricted) {
  process.env.QUALSYNTH_RESTRICTED_MODE = '1';
  process.env.QUALSYNTH_TEST_GREP = 'Restricted Mode';
}
const fixture = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join(REPO_ROOT, 'test/fixtures/review-basic'));

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
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    const file = join(RESULTS_DIR, 'integration-workbench-logs.json');
    writeFileSync(file, JSON.stringify(logs ?? [], null, 2));
    settle.resolve(code);
  });
  await page.goto(workbenchUrl({ ...server, folder, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: INTEGRATION_TESTS }));
  const code = await outcome;
  process.stdout.write(qualsynthLog(dataDir));
  return { code, counts };
}

async function main() {
  if (!existsSync(INTEGRATION_TESTS)) throw new Error(`${INTEGRATION_TESTS} missing: run \`npm run build\` first`);
  const started = Date.now();
  // The suites type into the workbench through it (the server passes the variable on).
  const keyboard = await startKeyboardBridge();
  process.env.QUALSYNTH_KEYBOARD_BRIDGE = keyboard.url;
  const { code, counts } = await withWorkbench({ label: 'integration', source: fixture, timeoutMs: TIMEOUT_MS }, (workbench) => runSuites(workbench, keyboard)).finally(() => keyboard.close());
  console.log(`integration run took ${((Date.now() - started) / 1000).toFixed(1)} s; extension host exit code ${code}`);
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
