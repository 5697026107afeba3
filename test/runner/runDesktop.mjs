// Runs the same integration suites in desktop VS Code (Electron) through
// @vscode/test-electron. It downloads VS Code, so it needs the network (or
// VSCODE_EXECUTABLE pointing at an installed `code`); on Linux without a display, run
// it under `xvfb-run -a`. CI uses the offline runner (runOffline.mjs) instead.
//
// Usage: node test/runner/runDesktop.mjs [fixture folder]
// Env: VSCODE_VERSION (default `stable`), VSCODE_EXECUTABLE, QUALSYNTH_TEST_GREP.
import { runTests } from '@vscode/test-electron';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { INTEGRATION_TESTS, REPO_ROOT } from './paths.mjs';
import { closingLine, parseResultLine } from './results.mjs';
import { copyWorkspace, makeRunDir } from './workspaceCopy.mjs';

const fixture = resolve(process.argv[2] ?? join(REPO_ROOT, 'test/fixtures/review-basic'));

/** A stream that echoes VS Code's output and remembers the suites' result line. */
function resultCapture() {
  const stream = new PassThrough();
  const capture = { stream, counts: undefined };
  let buffered = '';
  stream.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (buffered + chunk).split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) capture.counts = parseResultLine(line) ?? capture.counts;
  });
  return capture;
}

async function main() {
  const runDir = makeRunDir('desktop');
  const capture = resultCapture();
  try {
    const folder = copyWorkspace(fixture, runDir);
    const code = await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: INTEGRATION_TESTS,
      stdout: capture.stream,
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', join(runDir, 'user-data')],
    });
    if (capture.counts) console.log(closingLine(capture.counts));
    return code === 0 && capture.counts?.failed === 0 ? 0 : 1;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    console.error(`desktop integration tests did not complete: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
