/**
 * The suites that need no Node (no `fs`, no git, no child process): they run in the Node
 * extension host (`index.ts`, where the git suites come between the two groups, as they
 * always have) and again in the web worker extension host (`index.web.ts`).
 * `require` (not `import`) so that they load after mocha has defined its globals
 * (`suite`, `test`); esbuild still bundles them, as the paths are literal.
 */
export const FIRST_SHARED_SUITES: Array<() => unknown> = [
  () => require('./activation.test'),
  () => require('./editor.test'),
  () => require('./coding.test'),
  () => require('./search.test'),
  () => require('./stripes.test'),
  () => require('./scaffold.test'),
];

/** The shared suites that run after the git suites in the Node host. */
export const LATER_SHARED_SUITES: Array<() => unknown> = [
  () => require('./views.test'),
  () => require('./viewEdits.test'),
  () => require('./viewRefresh.test'),
  () => require('./report.test'),
  () => require('./analysis.test'),
  () => require('./manuscript.test'),
  () => require('./cerqual.test'),
  () => require('./refi.test'),
  () => require('./memos.test'),
  () => require('./themeRename.test'),
  () => require('./codeRename.test'),
];
