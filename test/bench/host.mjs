// `npm run bench:host`: the extension-host figures of the README's Performance section.
// Builds (production bundle sizes, then the test build), generates a 1,000-study review
// once into .vscode-test/bench/, and runs the "benchmark:" integration tests on the demo
// review and on that review in the VS Code server. Prints the BENCH lines it collects.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../runner/paths.mjs';

const run = (command, args, env = {}) => execFileSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
const kb = (file) => `${(statSync(join(REPO_ROOT, file)).size / 1024).toFixed(0)} KB`;

run(process.execPath, ['esbuild.mjs', '--production']);
const sizes = `bundles (production, minified): dist/extension.js ${kb('dist/extension.js')}, dist/cli.js ${kb('dist/cli.js')}`;
run(process.execPath, ['esbuild.mjs']);
run(process.execPath, ['test/runner/installCodeServer.mjs']);

const large = join(REPO_ROOT, '.vscode-test', 'bench', 'review-1000');
if (!existsSync(large)) run(process.execPath, ['--import', 'tsx', 'test/bench/generate.ts', '--studies', '1000', '--out', large]);

const lines = [sizes];
for (const review of [join(REPO_ROOT, 'examples', 'peer-support'), large]) {
  const output = run(process.execPath, ['test/runner/runOffline.mjs', review], { QUALSYNTH_BENCH_REVIEW: '1', QUALSYNTH_TEST_GREP: 'benchmark:' });
  for (const line of output.split('\n')) if (/BENCH|getChildren|refreshed tree|activated in/.test(line)) lines.push(line.replace(/^\[vscode\] /, ''));
}
console.log(lines.join('\n'));
