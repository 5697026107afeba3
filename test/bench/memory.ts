/**
 * Run in a fresh Node process by the benchmark (`run.ts`): loads one review (with the
 * bundled core whose path it is given) and prints, as JSON, the resident set size
 * before loading (after a GC), the process's peak RSS, the RSS still held by the
 * loaded index after a GC, and how long that first load took. A separate process keeps
 * the benchmark's other work (generation, remark parses) out of the figures.
 */
import { collectGarbage } from './measure';

async function main(): Promise<void> {
  const [dir, bundle] = process.argv.slice(2);
  const { loadReview, NodeReviewHost } = require(bundle) as typeof import('./benchCore');
  collectGarbage();
  const baseline = process.memoryUsage();
  const started = performance.now();
  const review = await loadReview(new NodeReviewHost(dir));
  const loadMs = performance.now() - started;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  collectGarbage();
  const after = process.memoryUsage();
  const studies = review.index.studies().length;
  console.log(JSON.stringify({ studies, loadMs, baselineRss: baseline.rss, peakRss, retainedRss: after.rss, baselineHeap: baseline.heapUsed, retainedHeap: after.heapUsed }));
}

void main();
