// Bundles the extension (vscode external), the integration suites and the CLI (no
// externals: a `vscode` import reaching the core breaks this build). `--watch` rebuilds on change, `--production`
// minifies. Type checking is separate: `npm run typecheck`.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** One version everywhere (CLI, reports, REFI-QDA exports): `src/core/version.ts`. */
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { QUALSYNTH_VERSION: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The integration suites, run inside a VS Code extension host (test/runner/). mocha
  // stays external: it loads its reporters and UIs by dynamic require.
  { ...common, entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755);
}
