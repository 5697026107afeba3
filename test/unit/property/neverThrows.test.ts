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

function timed<T>(parse: () => T): T {
  const start = performance.now();
  const result = parse();
  const ms = performance.now() - start;
  assert.ok(ms < BOUND_MS, `took ${ms.toFixed(0)} ms`);
  return result;
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
