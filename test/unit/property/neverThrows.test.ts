/**
 * The parsers never throw and finish in bounded time, whatever the text: a study, the
 * codebook and front matter are user files, often half-typed in an editor.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCodebook } from '../../../src/core/codebook';
import { readFrontMatter } from '../../../src/core/frontMatter';
import { parseStudy } from '../../../src/core/study';
import { arbitraryText, codebookText, frontMatterText, markdownDocument } from './arbitraries';
import { CHEAP_RUNS, propertyParameters } from './settings';

/** Generous per-case bound: inputs are under ~10 KB, where a parse takes well under 1 ms. */
const BOUND_MS = 250;

/** The result of `parse` and the CPU time it took (a busy machine stretches wall time, not CPU time). */
function cpuTimed<T>(parse: () => T): { result: T; ms: number } {
  const start = process.cpuUsage();
  const result = parse();
  const used = process.cpuUsage(start);
  return { result, ms: (used.user + used.system) / 1000 };
}

/**
 * Runs `parse` and checks it stayed under the bound. A case over it is run once more:
 * a garbage collection of the whole test process can land in any one case, but an
 * input the parser is slow on is slow twice.
 */
function timed<T>(parse: () => T): T {
  const first = cpuTimed(parse);
  if (first.ms < BOUND_MS) return first.result;
  const again = cpuTimed(parse);
  assert.ok(again.ms < BOUND_MS, `took ${first.ms.toFixed(0)} ms, then ${again.ms.toFixed(0)} ms CPU`);
  return again.result;
}

describe('property: parsers never throw and finish in bounded time', function () {
  this.timeout(120_000);
  const inputs = fc.oneof(arbitraryText, markdownDocument, frontMatterText, codebookText);

  it('parseStudy', () => {
    fc.assert(fc.property(inputs, (text) => void timed(() => parseStudy('studies/s.md', text))), propertyParameters('parseStudy never throws', CHEAP_RUNS));
  });

  it('parseCodebook', () => {
    fc.assert(fc.property(inputs, (text) => void timed(() => parseCodebook('codebook.md', text))), propertyParameters('parseCodebook never throws', CHEAP_RUNS));
  });

  it('readFrontMatter, whose body start is inside the text', () => {
    fc.assert(
      fc.property(inputs, (text) => {
        const result = timed(() => readFrontMatter(text));
        assert.ok(result.bodyStart >= 0 && result.bodyStart <= text.length, `bodyStart ${result.bodyStart}`);
      }),
      propertyParameters('readFrontMatter never throws', CHEAP_RUNS),
    );
  });
});
