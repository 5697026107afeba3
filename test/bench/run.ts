/**
 * `npm run bench`: the QualSynth indexing benchmark. Generates synthetic reviews of
 * 100 and 1,000 studies (cached under `.vscode-test/bench/`, git-ignored), then times,
 * in one process, with medians after a warm-up: reading the files, reading plus a
 * regex scan (the practical floor), a full remark parse (what a naive design does),
 * a cold `loadReview`, `problems()` and `summary()`, re-indexing one edited study,
 * and the Markdown report; peak memory is measured in a fresh child process.
 * Options: `--reps N` (default 5), `--remark-reps N` (default 1 for 1,000 studies).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { NodeReviewHost } from '../../src/core/nodeHost';
import { buildReportModel, renderMarkdown } from '../../src/core/report';
import { loadReview, type Review } from '../../src/core/review';
import { randomEdit } from './edits';
import { formatMs, median, percentile, timeOnce, timeRuns } from './measure';
import { Random } from './random';
import { DEFAULT_REVIEW, generateReview, writeReview, type ReviewOptions } from './reviewGenerator';

const CACHE = nodePath.resolve(__dirname, '../../.vscode-test/bench');
const TARGETS = { coldMs: 300, remarkRatio: 25, floorRatio: 7, incrementalP95Ms: 5, reportMs: 2000, peakRssMB: 200 };

interface Row {
  readonly what: string;
  readonly value: string;
  readonly target?: string;
  readonly met?: boolean;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { reps: { type: 'string', default: '5' }, 'remark-reps': { type: 'string', default: '1' } } });
  const reps = Number(values.reps);
  const remarkReps = Number(values['remark-reps']);
  printMachine();
  const rows: Row[] = [];
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
    benchMemory(large.dir, rows);
  }
  printTable(rows);
}

function printMachine(): void {
  const cpus = os.cpus();
  console.log(`Machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(`GC between runs: ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'yes (--expose-gc)' : 'no'}\n`);
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

  const first = performance.now();
  let review = await loadReview(new NodeReviewHost(dir));
  const firstMs = performance.now() - first;
  const read = median(await timeRuns(reps, () => readAll(dir)));
  const readScan = median(await timeRuns(reps, async () => regexScan(await readAll(dir))));
  const parser = unified().use(remarkParse);
  const remark = median(await timeRuns(remarkReps, () => texts.forEach((text) => parser.parse(text)), 0));
  const cold = median(await timeRuns(reps, async () => (review = await loadReview(new NodeReviewHost(dir)))));
  const problems = median(await timeRuns(reps, () => review.index.problems()));
  const summary = median(await timeRuns(reps, () => review.index.summary()));
  const counts = review.index.summary();
  const large = options.studies === DEFAULT_REVIEW.studies;

  rows.push(
    { what: `${n}: index contents`, value: `${counts.segments.toLocaleString('en-US')} segments, ${counts.codes} codes, ${counts.themes} themes, ${counts.problems.warning} warnings` },
    { what: `${n}: read all files (fs)`, value: formatMs(read) },
    { what: `${n}: read + regex scan for #tags (floor)`, value: formatMs(readScan) },
    { what: `${n}: full remark parse (${remarkReps} run${remarkReps > 1 ? 's' : ''})`, value: `${formatMs(remark)} (${(megabytes / (remark / 1000)).toFixed(1)} MB/s)` },
    { what: `${n}: first loadReview in the process (JIT cold)`, value: formatMs(firstMs) },
    { what: `${n}: cold index, loadReview (median of ${reps})`, value: formatMs(cold), ...(large ? target(cold <= TARGETS.coldMs, `≤ ${TARGETS.coldMs} ms`) : {}) },
    { what: `${n}: index.problems()`, value: formatMs(problems) },
    { what: `${n}: index.summary()`, value: formatMs(summary) },
    { what: `${n}: cold index / read+scan`, value: `${(cold / readScan).toFixed(1)}×`, ...(large ? target(cold / readScan <= TARGETS.floorRatio, `≤ ${TARGETS.floorRatio}×`) : {}) },
    { what: `${n}: full remark / cold index`, value: `${(remark / cold).toFixed(1)}×`, ...(large ? target(remark / cold >= TARGETS.remarkRatio, `≥ ${TARGETS.remarkRatio}×`) : {}) },
  );
  return review;
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
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    text = randomEdit(random, text, codes);
    const edited = text;
    times.push(timeOnce(() => review.updateStudyText(study.path, edited)));
  }
  const p95 = percentile(times, 95);
  rows.push(
    { what: `incremental re-index of ${study.path} (${(text.length / 1024).toFixed(0)} KB), p50`, value: formatMs(percentile(times, 50)) },
    { what: 'incremental re-index, p95 (200 edits)', value: formatMs(p95), ...target(p95 <= TARGETS.incrementalP95Ms, `≤ ${TARGETS.incrementalP95Ms} ms`) },
    { what: 'incremental re-index, max', value: formatMs(Math.max(...times)) },
  );
}

async function benchReport(review: Review, reps: number, rows: Row[]): Promise<void> {
  let model = buildReportModel(review);
  let markdown = '';
  const modelMs = median(await timeRuns(reps, () => (model = buildReportModel(review))));
  const renderMs = median(await timeRuns(reps, () => (markdown = renderMarkdown(model))));
  const totalMs = median(await timeRuns(reps, () => renderMarkdown(buildReportModel(review))));
  rows.push(
    { what: 'report model (buildReportModel), 1,000 studies', value: formatMs(modelMs) },
    { what: 'report Markdown rendering (renderMarkdown)', value: `${formatMs(renderMs)} (${(markdown.length / 1e6).toFixed(2)} MB of Markdown)` },
    { what: 'Markdown report, model + render', value: formatMs(totalMs), ...target(totalMs <= TARGETS.reportMs, `≤ ${TARGETS.reportMs} ms`) },
  );
}

/** Peak and retained RSS of loading the review, measured in a fresh process. */
function benchMemory(dir: string, rows: Row[]): void {
  const script = nodePath.join(__dirname, 'memory.ts');
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, dir], { encoding: 'utf8', cwd: nodePath.resolve(__dirname, '../..') });
  const m = JSON.parse(output.trim().split('\n').pop()!) as { baselineRss: number; peakRss: number; retainedRss: number; baselineHeap: number; retainedHeap: number };
  const mb = (bytes: number): number => bytes / 2 ** 20;
  const peak = mb(m.peakRss - m.baselineRss);
  rows.push(
    { what: 'RSS before loading (fresh process, after GC)', value: `${mb(m.baselineRss).toFixed(0)} MB` },
    { what: 'peak RSS while loading 1,000 studies, above baseline', value: `${peak.toFixed(0)} MB`, ...target(peak <= TARGETS.peakRssMB, `≤ ${TARGETS.peakRssMB} MB`) },
    { what: 'RSS held by the loaded index after GC, above baseline', value: `${mb(m.retainedRss - m.baselineRss).toFixed(0)} MB (JS heap +${mb(m.retainedHeap - m.baselineHeap).toFixed(0)} MB)` },
  );
}

function target(met: boolean, text: string): Pick<Row, 'target' | 'met'> {
  return { target: text, met };
}

function printTable(rows: readonly Row[]): void {
  const width = Math.max(...rows.map((row) => row.what.length));
  const valueWidth = Math.max(...rows.map((row) => row.value.length));
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
