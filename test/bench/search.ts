/**
 * `npm run bench:search`: text search over the 1,000-study benchmark review (generated
 * by `npm run bench`, or here when missing), with the core bundled by esbuild as
 * shipped. Times the first search (which builds every study's reader text), then
 * searches of the kept reader texts: a common word, a rarer phrase, a regular
 * expression, and a word with the already-coded flag of a target code; then
 * auto-coding every hit of a word in 100 studies, at each unit.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { buildSync } from 'esbuild';
import { formatSample, medianSample, timeRuns } from './measure';
import { DEFAULT_REVIEW, generateReview, writeReview } from './reviewGenerator';

const CACHE = nodePath.resolve(__dirname, '../../.vscode-test/bench');
const BUNDLE = nodePath.join(CACHE, 'search-core.cjs');
const TARGET_MS = 300;

async function main(): Promise<void> {
  buildSync({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', entryPoints: [nodePath.join(__dirname, 'benchCore.ts')], outfile: BUNDLE });
  const core = require(BUNDLE) as typeof import('./benchCore');
  const dir = await reviewDir();
  const review = await core.loadReview(new core.NodeReviewHost(dir));
  const sources = await Promise.all(review.index.studies().map(async (study) => ({ study, text: await readFile(nodePath.join(dir, study.path), 'utf8') })));
  const megabytes = sources.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0) / 1e6;
  console.log(`${sources.length} studies, ${megabytes.toFixed(1)} MB, Node ${process.version}, ${os.cpus()[0]?.model} × ${os.cpus().length}, load ${os.loadavg()[0].toFixed(2)}\n`);
  let hits = 0;
  const first = medianSample(await timeRuns(5, () => (hits = core.searchStudies(sources, { pattern: 'stigma', mode: 'words', maxHits: 1e6 }, new core.SearchCorpus()).hits.length)));
  console.log(`first search, reader texts built (word "stigma", ${hits} hits): ${formatSample(first)}`);
  const corpus = new core.SearchCorpus();
  core.searchStudies(sources, { pattern: 'stigma', mode: 'words' }, corpus);
  const queries = [
    { name: 'word "stigma"', query: { pattern: 'stigma', mode: 'words' } },
    { name: 'whole word "trust"', query: { pattern: 'trust', mode: 'words', wholeWord: true } },
    { name: 'phrase "despite formal support"', query: { pattern: 'despite formal support', mode: 'phrase' } },
    { name: 'regex "low (pay|wages)"', query: { pattern: 'low (pay|wages)', mode: 'regex' } },
    { name: 'word "stigma", already coded with #stigma', query: { pattern: 'stigma', mode: 'words', targetCodes: ['stigma'] } },
  ] as const;
  for (const { name, query } of queries) {
    const sample = medianSample(await timeRuns(5, () => (hits = core.searchStudies(sources, { ...query, maxHits: 1e6 }, corpus).hits.length)));
    const met = Math.min(sample.wall, sample.cpu) <= TARGET_MS ? 'met' : 'missed';
    console.log(`search of the kept reader texts, ${name} (${hits} hits): ${formatSample(sample)} (≤ ${TARGET_MS} ms: ${met})`);
  }
  const hundred = sources.slice(0, 100);
  for (const unit of ['match', 'sentence', 'block'] as const) {
    const result = core.searchStudies(hundred, { pattern: 'stigma', mode: 'words', maxHits: 1e6 }, corpus);
    let passages = 0;
    const sample = medianSample(await timeRuns(3, () => (passages = core.autocodeEdits(result, result.hits, result.texts, ['probe'], unit).passages)));
    console.log(`auto-code every hit of "stigma" in 100 studies (${result.hits.length} hits), unit ${unit}: ${passages} passages, ${formatSample(sample)}`);
  }
}

async function reviewDir(): Promise<string> {
  const options = DEFAULT_REVIEW;
  const dir = nodePath.join(CACHE, `review-${options.studies}x${options.sizeKB}kb-${options.codes}codes-seed${options.seed}`);
  if (existsSync(nodePath.join(dir, '.complete'))) return dir;
  await writeReview(dir, generateReview(options));
  await writeFile(nodePath.join(dir, '.complete'), JSON.stringify(options));
  return dir;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
