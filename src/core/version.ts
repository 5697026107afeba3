/**
 * QualSynth's version, as the CLI's `--version`, the report's ENTREQ "Software" item
 * and REFI-QDA exports' `origin` give it. The bundles get it from package.json through
 * esbuild's `define` (the import below is then dropped from them); TypeScript run
 * directly (mocha, tsx) reads package.json.
 */
import packageJson from '../../package.json';

/** Replaced by esbuild with package.json's version (`esbuild.mjs`). */
declare const QUALSYNTH_VERSION: string | undefined;

/** The version of this build of QualSynth. */
export const VERSION: string = typeof QUALSYNTH_VERSION === 'string' ? QUALSYNTH_VERSION : packageJson.version;
