/**
 * Entry of the integration suites in the web worker extension host (the host of
 * vscode.dev and github.dev), run by `test/runner/runOffline.mjs --web`. Bundled by
 * esbuild for the browser into `dist/test/integration/index.web.js`, mocha's browser
 * build included (the host lends an extension nothing but `vscode`).
 */
import 'mocha/mocha';
import type MochaClass from 'mocha';
import { runMocha } from './runMocha';
import { FIRST_SHARED_SUITES, LATER_SHARED_SUITES } from './suites';
import { loadWebTestEnv, testEnv } from './testEnv';

/** The shared suites, after the one that proves where they run. */
const SUITES: Array<() => unknown> = [() => require('./webHost.test'), ...FIRST_SHARED_SUITES, ...LATER_SHARED_SUITES];

/** printf-style `%s`, `%d`, `%i`, `%j`, `%o`, `%%`, as mocha's reporters use them. */
function format(...args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(String).join(' ');
  const text = first.replace(/%([sdijo%])/g, (whole, kind: string) => {
    if (kind === '%') return '%';
    if (rest.length === 0) return whole;
    const value = rest.shift();
    return kind === 'j' || kind === 'o' ? JSON.stringify(value) : kind === 'd' || kind === 'i' ? String(Number(value)) : String(value);
  });
  return [text, ...rest.map(String)].join(' ');
}

/** Runs the suites that apply in the browser; resolves when all pass, rejects otherwise. */
export async function run(): Promise<void> {
  await loadWebTestEnv();
  const { Mocha } = globalThis as unknown as { Mocha: typeof MochaClass };
  return runMocha({ Mocha, format }, SUITES, testEnv('QUALSYNTH_TEST_GREP'));
}
