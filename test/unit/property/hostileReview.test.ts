/**
 * Property: whatever links, special files and hostile config values a cloned review
 * holds, no command changes anything outside the review or any input of it (a study, the
 * codebook, the project file), every command ends with a documented exit code, and
 * nothing blocks. Random reviews are built in a sandbox beside an `outside` folder.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { loadReview } from '../../../src/core/review';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { makeSandbox, snapshot } from '../hardening/sandbox';
import { runCli } from '../runCli';
import { CHEAP_RUNS, propertyParameters } from './settings';

/** Each case runs five CLI commands on disk: a two-hundredth of the cheap count (50 by default). */
const RUNS = Math.max(1, Math.ceil(CHEAP_RUNS / 200));

const SPOTS = ['reports', 'reports/synthesis.md', 'reports/synthesis.html', 'reports/review.qdpx', 'reports/codebook.qdc', 'studies/linked.md', 'studies/sub', 'studies', 'codebook.md', 'qualsynth.yaml', 'out', 'synthesis.md'];
const TARGETS = ['../outside/victim.txt', '../../outside/victim.txt', '../outside', '../../outside', 'codebook.md', '../codebook.md', '../studies/good.md', '/dev/zero', '/etc/hostname', 'missing', '.'];
const REPORT_DIRS = ['reports', 'reports/', './reports', '.', './', 'out', '../outside', '/tmp', '"a\\0b"', '""', '[a, b]', '{x: 1}', 'codebook.md', 'studies', 'studies/good.md'];
const GLOBS = ['studies/**/*.md', '"**/*.md"', '"*.md"', '""', '[a, b]', 'reports/*.md'];

const entry = fc.oneof(
  fc.record({ kind: fc.constant('link' as const), at: fc.constantFrom(...SPOTS), to: fc.constantFrom(...TARGETS) }),
  fc.record({ kind: fc.constant('fifo' as const), at: fc.constantFrom(...SPOTS) }),
);
const hostileReview = fc.record({
  reportDir: fc.option(fc.constantFrom(...REPORT_DIRS), { nil: undefined }),
  studies: fc.option(fc.constantFrom(...GLOBS), { nil: undefined }),
  bomb: fc.boolean(),
  entries: fc.array(entry, { maxLength: 4 }),
});

describe('property: a hostile review never changes anything outside it or any of its inputs', () => {
  it('check, index, report, export on random links, FIFOs and config values', async function () {
    this.timeout(0);
    await fc.assert(
      fc.asyncProperty(hostileReview, async (review) => {
        const box = makeSandbox();
        try {
          const config = [review.reportDir && `reportDir: ${review.reportDir}`, review.studies && `studies: ${review.studies}`, review.bomb && 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ntitle: *d'].filter(Boolean).join('\n');
          if (config) box.write({ 'review/qualsynth.yaml': `${config}\n` });
          mkdirSync(path.join(box.outside, 'dump'), { recursive: true });
          for (const item of review.entries) {
            try {
              if (item.kind === 'link') box.link(`review/${item.at}`, item.to);
              else box.fifo(`review/${item.at}`);
            } catch {
              // An earlier entry made this spot unreachable (a FIFO where a folder should be): the review is as hostile without it.
            }
          }
          const inputs = await inputsOf(box.review);
          const outsideBefore = snapshot(box.outside);
          const reviewBefore = snapshot(box.review);
          for (const args of [['check'], ['index', '--json'], ['report', '--format', 'md,html,csv'], ['export'], ['export', '--format', 'qdc']]) {
            const run = await runCli(args[0], box.review, ...args.slice(1));
            assert.ok([0, 1, 2].includes(run.code), `${args.join(' ')} exited ${run.code}: ${run.err}`);
            assert.doesNotMatch(run.err, /internal error/);
          }
          assert.deepEqual(snapshot(box.outside), outsideBefore, 'nothing outside the review changed');
          const reviewAfter = snapshot(box.review);
          for (const input of inputs) assert.equal(reviewAfter[input], reviewBefore[input], `input ${input} unchanged`);
          for (const [key, value] of Object.entries(reviewBefore)) if (value.startsWith('link') || value === 'special') assert.equal(reviewAfter[key], value, `${key} still the same link or special file`);
        } finally {
          box.remove();
        }
      }),
      propertyParameters('hostile review', RUNS),
    );
  });
});

/** The review's inputs as it is loaded: its studies, codebook and project file (and the entries on their way). */
async function inputsOf(root: string): Promise<string[]> {
  const review = await loadReview(new NodeReviewHost(root));
  const files = [...review.index.studies().map((study) => study.path), review.config.codebook, 'qualsynth.yaml'];
  return [...new Set(files.flatMap((file) => file.split('/').map((_, index, parts) => parts.slice(0, index + 1).join('/'))))];
}
