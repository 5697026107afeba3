/**
 * `npm run bench`: the QualSynth indexing benchmark. Generates synthetic reviews of
 * 100 and 1,000 studies (cached under `.vscode-test/bench/`, git-ignored), then times,
 * in one process, with medians after a warm-up: reading the files, reading plus a
 * regex scan (the practical floor), a full remark parse (what a naive design does),
 * a cold `loadReview`, `problems()` and
 * `summary()`, re-indexing one edited study, and the Markdown report; peak memory and
 * the first load in a fresh process (JIT cold) are measured in a child process, and so
 * are `qualsynth check` (the CLI bundled and minified as shipped) and the read + regex
 * floor, each a fresh process, as a user waits for them. Then matrix coding and
 * co-occurrence of the 1,000 studies.
 * Options: `--reps N` (default 5), `--remark-reps N` (default 1 for 1,000 studies),
 * `--only analysis` (matrix coding and co-occurrence alone), `--only check` (the
 * fresh-process `check` and floor alone), `--baseline-cli path/to/dist/cli.js` (another
 * build's CLI, e.g. of an earlier commit, whose `check` is timed in turn with this one's).
 * Times are wall (CPU): a target is judged on the smaller, an upper bound of an idle
 * run's time either way (wall includes waiting for a busy machine, CPU includes GC
 * helper threads).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build, buildSync, type BuildOptions } from 'esbuild';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { NodeReviewHost, Review } from './benchCore';
import { randomEdit } from './edits';
import { formatMs, formatSample, medianSample, percentileSample, timeOnce, timeRuns, type Sample } from './measure';
import { Random } from './random';
import { timeProcess } from './processTime';
import { DEFAULT_REVIEW, generateReview, writeReview, type ReviewOptions } from './reviewGenerator';

const CACHE = nodePath.resolve(__dirname, '../../.vscode-test/bench');
const BUNDLE = nodePath.join(CACHE, 'core.cjs');
const CLI_BUNDLE = nodePath.join(CACHE, 'cli.cjs');
const TARGETS = { coldMs: 300, remarkRatio: 25, floorRatio: 7, checkProcessRatio: 5, incrementalP95Ms: 5, reportMs: 2000, peakRssMB: 200, analysisMs: 200 };

interface Row {
  readonly what: string;
  readonly value: string;
  readonly target?: string;
  readonly met?: boolean;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { reps: { type: 'string', default: '5' }, 'remark-reps': { type: 'string', default: '1' }, only: { type: 'string' }, 'baseline-cli': { type: 'string' } } });
  const reps = Number(values.reps);
  const remarkReps = Number(values['remark-reps']);
  printMachine();
  const bundle = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' } as const;
  buildSync({ ...bundle, entryPoints: [nodePath.join(__dirname, 'benchCore.ts')], outfile: BUNDLE });
  await buildShippedCli();
  const rows: Row[] = [];
  if (values.only === 'analysis') {
    // `--only analysis`: matrix coding and co-occurrence of the 1,000 studies alone.
    const { loadReview, NodeReviewHost } = core();
    const review = await loadReview(new NodeReviewHost(await cachedReview(DEFAULT_REVIEW)));
    await benchAnalysis(review, reps, rows);
    printTable(rows);
    return;
  }
  if (values.only === 'check') {
    benchProcesses(await cachedReview(DEFAULT_REVIEW), reps, rows, values['baseline-cli']);
    printTable(rows);
    return;
  }
  let large: { dir: string; review: Review } | undefined;
  for (const studies of [100, DEFAULT_REVIEW.studies]) {
    const options = { ...DEFAULT_REVIEW, studies };
    const dir = await cachedReview(options);
    const review = await benchIndexing(dir, options, studies === 100 ? Math.max(reps, 3) : remarkReps, reps, rows);
    if (studies === DEFAULT_REVIEW.studies) large = { dir, review };
  }
  if (large) {
    benchIncremental(large.review, rows);
    await benchReport(large.review, reps, rows);
    await benchAnalysis(large.review, reps, rows);
    benchMemory(large.dir, rows);
    benchProcesses(large.dir, reps, rows, values['baseline-cli']);
  }
  printTable(rows);
  console.log(`Load average (1, 5, 15 min) at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')}.`);
}

/** The core, from the esbuild bundle built at start. */
function core(): typeof import('./benchCore') {
  return require(BUNDLE) as typeof import('./benchCore');
}

function printMachine(): void {
  const cpus = os.cpus();
  console.log(`Machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(`GC between runs: ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'yes (--expose-gc)' : 'no'}; core bundled with esbuild as shipped.`);
  console.log(`Load average (1, 5, 15 min) at the start: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')} (other work on the machine skews the figures).\n`);
}

/** The review for `options`, generated once and kept in the cache folder. */
async function cachedReview(options: ReviewOptions): Promise<string> {
  const dir = nodePath.join(CACHE, `review-${options.studies}x${options.sizeKB}kb-${options.codes}codes-seed${options.seed}`);
  const stamp = nodePath.join(dir, '.complete');
  if (existsSync(stamp)) return dir;
  await rm(dir, { recursive: true, force: true });
  const started = performance.now();
  const bytes = await writeReview(dir, generateReview(options));
  await writeFile(stamp, JSON.stringify(options));
  console.log(`Generated ${options.studies} studies (${(bytes / 1e6).toFixed(1)} MB) in ${dir} in ${formatMs(performance.now() - started)}.`);
  return dir;
}

async function readAll(dir: string): Promise<string[]> {
  const studies = (await readdir(nodePath.join(dir, 'studies'))).map((name) => nodePath.join(dir, 'studies', name));
  return Promise.all([nodePath.join(dir, 'codebook.md'), ...studies].map((path) => readFile(path, 'utf8')));
}

/** The naive floor: every `#` followed by a letter, no Markdown awareness at all. */
function regexScan(texts: readonly string[]): number {
  const tagLike = /#\p{L}[\p{L}\p{N}\p{M}_\-./]*/gu;
  let count = 0;
  for (const text of texts) count += text.match(tagLike)?.length ?? 0;
  return count;
}

async function benchIndexing(dir: string, options: ReviewOptions, remarkReps: number, reps: number, rows: Row[]): Promise<Review> {
  const n = `${options.studies.toLocaleString('en-US')} studies`;
  const texts = await readAll(dir);
  const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;
  rows.push({ what: `${n}: size`, value: `${megabytes.toFixed(1)} MB, ${texts.length} files` });

  const { loadReview, NodeReviewHost } = core();
  let review!: Review;
  const [first] = await timeRuns(1, async () => (review = await loadReview(new NodeReviewHost(dir))), 0);
  const read = medianSample(await timeRuns(reps, () => readAll(dir)));
  const readScan = medianSample(await timeRuns(reps, async () => regexScan(await readAll(dir))));
  const parser = unified().use(remarkParse);
  const remark = medianSample(await timeRuns(remarkReps, () => texts.forEach((text) => parser.parse(text)), 0));
  const cold = medianSample(await timeRuns(reps, async () => (review = await loadReview(new NodeReviewHost(dir)))));
  const firstProblems = timeOnce(() => review.index.problems());
  const problems = medianSample(await timeRuns(reps, () => review.index.problems()));
  const summary = medianSample(await timeRuns(reps, () => review.index.summary()));
  const counts = review.index.summary();
  const large = options.studies === DEFAULT_REVIEW.studies;
  const floorRatio = best(cold) / best(readScan);
  const remarkRatio = best(remark) / best(cold);

  rows.push(
    { what: `${n}: index contents`, value: `${counts.segments.toLocaleString('en-US')} segments, ${counts.codes} codes, ${counts.themes} themes, ${counts.problems.warning} warnings` },
    { what: `${n}: read all files (fs)`, value: formatSample(read) },
    { what: `${n}: read + regex scan for #tags (floor)`, value: formatSample(readScan) },
    { what: `${n}: full remark parse (${remarkReps} run${remarkReps > 1 ? 's' : ''})`, value: `${formatSample(remark)}, ${(megabytes / (best(remark) / 1000)).toFixed(1)} MB/s` },
    { what: `${n}: first loadReview in the process (JIT cold)`, value: formatSample(first) },
    { what: `${n}: cold index, loadReview (median of ${reps})`, value: formatSample(cold), ...(large ? target(best(cold) <= TARGETS.coldMs, `≤ ${TARGETS.coldMs} ms`) : {}) },
    { what: `${n}: first index.problems() of a loaded review (GRADE-CERQual checks included)`, value: formatSample(firstProblems) },
    { what: `${n}: index.problems() again (kept)`, value: formatSample(problems) },
    { what: `${n}: index.summary()`, value: formatSample(summary) },
    { what: `${n}: cold index / read+scan`, value: `${floorRatio.toFixed(1)}×`, ...(large ? target(floorRatio <= TARGETS.floorRatio, `≤ ${TARGETS.floorRatio}×`) : {}) },
    { what: `${n}: full remark / cold index`, value: `${remarkRatio.toFixed(1)}×`, ...(large ? target(remarkRatio >= TARGETS.remarkRatio, `≥ ${TARGETS.remarkRatio}×`) : {}) },
  );
  return review;
}

/** The smaller of wall and CPU time: what a target is judged on (see the file comment). */
function best(sample: Sample): number {
  return Math.min(sample.wall, sample.cpu);
}

/** Re-indexes one ~30 KB study after each of 200 random edits (applied one after another). */
function benchIncremental(review: Review, rows: Row[]): void {
  const studies = review.index.studies();
  const study = studies[Math.floor(studies.length / 2)];
  const host = review.host as NodeReviewHost;
  let text = readFileSync(host.absolute(study.path), 'utf8');
  const codes = review.index.codes().map((code) => code.name);
  const random = new Random(42);
  for (let i = 0; i < 20; i++) review.updateStudyText(study.path, randomEdit(random, text, codes)); // warm-up
  const samples: Sample[] = [];
  for (let i = 0; i < 200; i++) {
    text = randomEdit(random, text, codes);
    const edited = text;
    samples.push(timeOnce(() => review.updateStudyText(study.path, edited)));
  }
  const p95 = percentileSample(samples, 95);
  rows.push(
    { what: `incremental re-index of ${study.path} (${(text.length / 1024).toFixed(0)} KB), p50`, value: formatSample(percentileSample(samples, 50)) },
    { what: 'incremental re-index, p95 (200 edits)', value: formatSample(p95), ...target(best(p95) <= TARGETS.incrementalP95Ms, `≤ ${TARGETS.incrementalP95Ms} ms`) },
    { what: 'incremental re-index, max', value: formatSample(percentileSample(samples, 100)) },
  );
}

async function benchReport(review: Review, reps: number, rows: Row[]): Promise<void> {
  const { buildReportModel, renderMarkdown } = core();
  let model = buildReportModel(review);
  let markdown = '';
  const modelTime = medianSample(await timeRuns(reps, () => (model = buildReportModel(review))));
  const renderTime = medianSample(await timeRuns(reps, () => (markdown = renderMarkdown(model))));
  const total = medianSample(await timeRuns(reps, () => renderMarkdown(buildReportModel(review))));
  rows.push(
    { what: 'report model (buildReportModel), 1,000 studies', value: formatSample(modelTime) },
    { what: 'report Markdown rendering (renderMarkdown)', value: `${formatSample(renderTime)}, ${(markdown.length / 1e6).toFixed(2)} MB of Markdown` },
    { what: 'Markdown report, model + render', value: formatSample(total), ...target(best(total) <= TARGETS.reportMs, `≤ ${TARGETS.reportMs} ms`) },
  );
}

/** Matrix coding and co-occurrence of the 1,000 studies, each under 200 ms. */
async function benchAnalysis(review: Review, reps: number, rows: Row[]): Promise<void> {
  const { codingMatrix, cooccurrence } = core();
  const timed = async (what: string, run: () => unknown): Promise<void> => {
    const sample = medianSample(await timeRuns(reps, run));
    rows.push({ what, value: formatSample(sample), ...target(best(sample) <= TARGETS.analysisMs, `≤ ${TARGETS.analysisMs} ms`) });
  };
  await timed('matrix: themes × perspective, segments', () => codingMatrix(review.index, { rows: 'themes', columns: { kind: 'attribute', attribute: 'perspective' }, measure: 'segments' }));
  await timed('matrix: codes × studies, participants', () => codingMatrix(review.index, { rows: 'codes', columns: { kind: 'studies' }, measure: 'participants' }));
  await timed('matrix: codes × codes, passages', () => codingMatrix(review.index, { rows: 'codes', columns: { kind: 'codes' }, measure: 'segments' }));
  for (const unit of ['segment', 'block', 'study'] as const) await timed(`co-occurrence, ${unit} unit`, () => cooccurrence(review.index, { unit }));
}

/** Peak and retained RSS of loading the review, measured in a fresh process. */
function benchMemory(dir: string, rows: Row[]): void {
  const script = nodePath.join(__dirname, 'memory.ts');
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, dir, BUNDLE], { encoding: 'utf8', cwd: nodePath.resolve(__dirname, '../..') });
  const m = JSON.parse(output.trim().split('\n').pop()!) as { baselineRss: number; peakRss: number; retainedRss: number; baselineHeap: number; retainedHeap: number; loadMs: number };
  const mb = (bytes: number): number => bytes / 2 ** 20;
  const peak = mb(m.peakRss - m.baselineRss);
  rows.push(
    { what: '1,000 studies: first loadReview in a fresh process (JIT cold)', value: formatMs(m.loadMs) },
    { what: 'RSS before loading (fresh process, after GC)', value: `${mb(m.baselineRss).toFixed(0)} MB` },
    { what: 'peak RSS while loading 1,000 studies, above baseline', value: `${peak.toFixed(0)} MB`, ...target(peak <= TARGETS.peakRssMB, `≤ ${TARGETS.peakRssMB} MB`) },
    { what: 'RSS held by the loaded index after GC, above baseline', value: `${mb(m.retainedRss - m.baselineRss).toFixed(0)} MB (JS heap +${mb(m.retainedHeap - m.baselineHeap).toFixed(0)} MB)` },
  );
}

/**
 * `qualsynth check` of the large review and the read + regex floor, each as a fresh
 * process (median of `reps` after one warm-up that fills the file cache); with a
 * baseline CLI, its `check` runs in turn with this one's.
 */
function benchProcesses(dir: string, reps: number, rows: Row[], baselineCli: string | undefined): void {
  // check exits 1 when the review has errors (the synthetic one has none; warnings exit 0).
  const check = (cli: string): Sample => timeProcess(process.execPath, [cli, 'check', dir], [0, 1]);
  const floor = (): Sample => timeProcess(process.execPath, [nodePath.join(__dirname, 'readScan.mjs'), dir]);
  const runs: Record<'check' | 'floor' | 'baseline', Sample[]> = { check: [], floor: [], baseline: [] };
  check(CLI_BUNDLE);
  floor();
  for (let i = 0; i < reps; i++) {
    runs.check.push(check(CLI_BUNDLE));
    runs.floor.push(floor());
    if (baselineCli) runs.baseline.push(check(baselineCli));
  }
  const checkTime = medianSample(runs.check);
  const floorTime = medianSample(runs.floor);
  const ratio = best(checkTime) / best(floorTime);
  rows.push(
    { what: '1,000 studies: read + regex scan, a fresh process (floor)', value: formatSample(floorTime) },
    { what: '1,000 studies: `qualsynth check`, a fresh process', value: formatSample(checkTime) },
    { what: '`check` process / read+scan process', value: `${ratio.toFixed(1)}×`, ...target(ratio <= TARGETS.checkProcessRatio, `≤ ${TARGETS.checkProcessRatio}×`) },
  );
  if (baselineCli) {
    const baseline = medianSample(runs.baseline);
    const change = best(checkTime) / best(baseline);
    rows.push(
      { what: `1,000 studies: \`check\` of the baseline (${nodePath.relative(process.cwd(), baselineCli)})`, value: formatSample(baseline) },
      { what: '`check` / the baseline\'s `check`', value: `${change.toFixed(2)}×`, ...target(change <= 1, '≤ 1×') },
    );
  }
}

/**
 * The CLI exactly as `npm run package` ships it: esbuild.mjs's own build of it, minified
 * (the manuscript engines stay in their chunk, which `check` never loads).
 */
async function buildShippedCli(): Promise<void> {
  const { cliBuild } = (await import(pathToFileURL(nodePath.resolve(__dirname, '../../esbuild.mjs')).href)) as { cliBuild(outfile: string, minify: boolean): BuildOptions };
  await build(cliBuild(CLI_BUNDLE, true));
}

function target(met: boolean, text: string): Pick<Row, 'target' | 'met'> {
  return { target: text, met };
}

function printTable(rows: readonly Row[]): void {
  const width = Math.max(...rows.map((row) => row.what.length));
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
  console.log('Times: wall (CPU of all threads); targets are judged on the smaller of the two.\n');
  console.log(`| ${'Measurement'.padEnd(width)} | ${'Result'.padEnd(valueWidth)} | Target |`);
  console.log(`| ${'-'.repeat(width)} | ${'-'.repeat(valueWidth)} | ------ |`);
  for (const row of rows) {
    const verdict = row.target ? `${row.target}: ${row.met ? 'met' : 'MISSED'}` : '';
    console.log(`| ${row.what.padEnd(width)} | ${row.value.padEnd(valueWidth)} | ${verdict} |`);
  }
  const missed = rows.filter((row) => row.target && !row.met);
  console.log(missed.length === 0 ? '\nAll targets met.' : `\nMissed: ${missed.map((row) => row.what).join('; ')}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
