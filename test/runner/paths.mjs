// Where the offline runners find the repository, the cached VS Code server and the
// build output. One place, so the installer and the runners agree.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Newest code-server release that runs on Node 20 (it ships VS Code 1.100.3). */
export const CODE_SERVER_VERSION = '4.100.3';

/** Git-ignored folder holding the code-server install (not an extension dependency). */
export const CODE_SERVER_DIR = join(REPO_ROOT, '.vscode-test/code-server');

/** The VS Code build inside the code-server package. */
export const VSCODE_DIR = join(CODE_SERVER_DIR, 'node_modules/code-server/lib/vscode');

/** The VS Code server entry; started directly, since code-server's CLI rejects
 * `--extensionDevelopmentPath`. */
export const SERVER_MAIN = join(VSCODE_DIR, 'out/server-main.js');

/** The bundled integration suites (esbuild.mjs). */
export const INTEGRATION_TESTS = join(REPO_ROOT, 'dist/test/integration/index.js');

/** The same suites bundled for the web worker extension host (those that need no Node). */
export const INTEGRATION_TESTS_WEB = join(REPO_ROOT, 'dist/test/integration/index.web.js');

/** Git-ignored folder for screenshots and logs a person may want to look at. */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');
