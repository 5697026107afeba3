/**
 * Loads the manuscript engines on first use. In the bundles the import below is the
 * separate file `dist/manuscript.js` (esbuild.mjs marks it external); unbundled (tests,
 * tsx) it is the module itself.
 */
import type { ManuscriptEngines } from '../core';
import type * as Engines from './manuscriptEngines';

export type { ManuscriptEngines } from '../core/report/manuscriptEngines';

/** The chunk offers every engine the core asks for (checked here, at compile time). */
const offersEveryEngine = (engines: typeof Engines): ManuscriptEngines => engines;

let loading: Promise<ManuscriptEngines> | undefined;

/** The engines, loaded once (a `require`, which tsx and esbuild both resolve; the first load takes about a second). */
export function loadManuscriptEngines(): Promise<ManuscriptEngines> {
  loading ??= Promise.resolve().then(() => offersEveryEngine(require('./manuscriptEngines') as typeof Engines));
  return loading;
}
