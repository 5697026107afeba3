// Bundles the extension (vscode external), the integration suites and the CLI (no
// externals: a `vscode` import reaching the core breaks this build), and the manuscript
// engines (citation engine, Word writer, rasteriser) as one chunk of their own, loaded on
// first use by the desktop and web extensions and the CLI alike. `--watch` rebuilds on
// change, `--production` minifies. Type checking is separate: `npm run typecheck`.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * The manuscript engines' chunk (src/manuscriptEngines.ts); every other bundle loads it at
 * run time instead of holding it. Built once, for the browser platform, so that the
 * desktop extension, the CLI and the web extension share one file (in the .vsix once).
 */
const ENGINES = 'dist/manuscript.js';

/** Resolves Node's `require('../manuscriptEngines')` (src/node/loadEngines.ts) to the chunk, relative to the bundle. */
const enginesChunk = (outfile) => ({
  name: 'manuscript-engines-chunk',
  setup(build) {
    const loader = path.resolve('src/node/loadEngines.ts');
    build.onResolve({ filter: /^\.\.\/manuscriptEngines$/ }, (args) =>
      args.importer === loader ? { path: `./${path.relative(path.dirname(outfile), ENGINES)}`, external: true } : undefined,
    );
  },
});

/**
 * citation-js can fetch identifiers over the network; QualSynth gives it only text, so
 * its fetch modules are replaced by one that refuses (and the chunk is 100 kB lighter).
 */
const noFetch = {
  name: 'no-fetch',
  setup(build) {
    build.onResolve({ filter: /^(sync-fetch|node-fetch|fetch-ponyfill)$/ }, () => ({ path: path.resolve('src/node/noFetch.cjs') }));
  },
};

/**
 * commonmark.js imports `entities` for one function, decodeHTMLStrict; the stand-in answers
 * it from character-entities, which every bundle already holds (114 KB less in each).
 * test/unit/core/commonmarkEntities.test.ts holds it to `entities` on every reference.
 */
const commonmarkEntities = {
  name: 'commonmark-entities',
  setup(build) {
    build.onResolve({ filter: /^entities$/ }, (args) =>
      /[\\/]node_modules[\\/]commonmark[\\/]/.test(args.importer) ? { path: path.resolve('src/core/syntax/commonmarkEntities.ts') } : undefined,
    );
  },
};

/** `node:assert/strict` in the web suites: the npm package `assert` (test/integration/webAssert.cjs). */
const webAssert = {
  name: 'web-assert',
  setup(build) {
    build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: path.resolve('test/integration/webAssert.cjs') }));
  },
};

/** What `assert` and its `util` read of Node's `process` (no other global `process` use is replaced). */
const NODE_GLOBALS_IN_ASSERT = { 'process.env.NODE_DEBUG': 'undefined', 'process.stderr': 'undefined' };

const bundle = (options) => ({ ...common, ...options, plugins: [commonmarkEntities, enginesChunk(options.outfile), ...(options.plugins ?? [])] });

/**
 * The web extension, for the web worker extension host (vscode.dev, github.dev): the
 * browser platform, so a Node built-in reaching it (`node:fs`, `child_process` …) breaks
 * this build. Its engines' chunk is loaded by src/vscode/web/loadWebEngines.ts.
 */
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  // A web worker has no DOM: packages' `worker` builds (decode-named-character-reference's uses no `document`).
  conditions: ['worker'],
  // csv-stringify's own browser build: its Node build needs Node's Buffer.
  alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
};

/**
 * The web bundle writes generated files through workspace.fs (src/vscode/web/workspaceFsWrites.ts)
 * where the Node bundles use the safe file layer over Node's fs (src/node/files/safeWrite.ts).
 */
const webWrites = {
  name: 'web-writes',
  setup(build) {
    build.onResolve({ filter: /\/node\/files\/safeWrite$/ }, () => ({ path: path.resolve('src/vscode/web/workspaceFsWrites.ts') }));
  },
};

/**
 * The CLI's bundle, as shipped with `--production`. Exported for the benchmark
 * (test/bench/run.ts), which times `check` of exactly this build, minified; paths are
 * relative to the project root, where npm runs both.
 */
export function cliBuild(outfile, minify = production) {
  return bundle({ entryPoints: ['src/cli/main.ts'], outfile, banner: { js: '#!/usr/bin/env node' }, minify, sourcemap: !minify });
}

const builds = [
  bundle({ entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  cliBuild('dist/cli.js'),
  { ...web, entryPoints: ['src/manuscriptEngines.ts'], outfile: ENGINES, plugins: [commonmarkEntities, noFetch] },
  { ...web, entryPoints: ['src/extension.browser.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], plugins: [commonmarkEntities, webWrites] },
  // The integration suites, run inside a VS Code extension host (test/runner/). mocha
  // stays external: it loads its reporters and UIs by dynamic require.
  bundle({ entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] }),
  // The suites again for the web worker extension host, mocha's browser build included.
  { ...web, entryPoints: ['test/integration/index.web.ts'], outfile: 'dist/test/integration/index.web.js', external: ['vscode'], plugins: [commonmarkEntities, webAssert], define: { ...web.define, ...NODE_GLOBALS_IN_ASSERT } },
];

/** What the rasteriser reads beside the bundles (src/node/rasterise.ts): resvg's wasm and the fonts. */
function copyRasteriserAssets() {
  mkdirSync('dist/fonts', { recursive: true });
  copyFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm', 'dist/resvg.wasm');
  for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) copyFileSync(`node_modules/dejavu-fonts-ttf/ttf/${font}`, `dist/fonts/${font}`);
}

/** The demo review, which `QualSynth: Open the Demo Review` copies (src/vscode/scaffold/demoReview.ts). */
function copyDemoReview() {
  rmSync('dist/demo', { recursive: true, force: true });
  cpSync('examples/peer-support', 'dist/demo/peer-support', { recursive: true });
}

// Imported by the benchmark for cliBuild alone: it builds nothing else.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  copyRasteriserAssets();
  copyDemoReview();
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
  } else {
    await Promise.all(builds.map((options) => esbuild.build(options)));
    chmodSync('dist/cli.js', 0o755);
  }
}
