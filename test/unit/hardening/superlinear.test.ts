/**
 * Inputs that used to be quadratic (issue 17): a codebook of 30,000 codes or 30,000
 * headings (a duplicate check and a per-code filter over every definition), and the
 * excerpts of one paragraph holding 100,000 spans (each excerpt walked every earlier
 * cut of its block). Bounds are CPU time, generous against the machine's load and an
 * order of magnitude under the quadratic times (10 s, 29 s, 29 s).
 */
import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { toJsonIndex } from '../../../src/core/jsonIndex';
import { Review } from '../../../src/core/review';
import { parseStudy } from '../../../src/core/study';
import { excerptBetween } from '../../../src/core/syntax/excerpt';

function cpuMs<T>(run: () => T): { result: T; ms: number } {
  const started = process.cpuUsage();
  const result = run();
  const { user, system } = process.cpuUsage(started);
  return { result, ms: (user + system) / 1000 };
}

/** A review in memory (no files) with a codebook and studies from texts. */
function reviewOf(codebook: string, studies: Record<string, string>): Review {
  const review = new Review({ findFiles: async () => [], readFile: async () => undefined });
  review.updateCodebookText(codebook);
  for (const [path, text] of Object.entries(studies)) review.updateStudyText(path, text);
  return review;
}

describe('superlinear inputs are linear', function () {
  this.timeout(60_000);

  it('30,000 codes under one heading: parsed and indexed in well under 3 s', () => {
    const text = `# Theme\n${Array.from({ length: 30_000 }, (_, i) => `- #c${i}: definition ${i}`).join('\n')}\n- #c7: again\n`;
    const { result, ms } = cpuMs(() => toJsonIndex(reviewOf(text, {})));
    assert.equal(result.codes.length, 30_000);
    assert.equal(result.problems.filter((problem) => problem.kind === 'duplicate-definition').length, 1);
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms of CPU`);
  });
  it('30,000 headings: parsed and indexed in well under 4 s', () => {
    const text = `${Array.from({ length: 30_000 }, (_, i) => `# Heading ${i}\n- #c${i}: definition`).join('\n')}\n`;
    const { result, ms } = cpuMs(() => toJsonIndex(reviewOf(text, {})));
    assert.equal(result.themes.length, 30_000);
    assert.ok(ms < 4000, `${ms.toFixed(0)} ms of CPU`);
  });
  it('100,000 spans in one paragraph: the JSON index with every excerpt in well under 5 s', () => {
    const text = `${Array.from({ length: 100_000 }, (_, i) => `[word ${i}]{#a}`).join(' ')}\n`;
    const { result, ms } = cpuMs(() => toJsonIndex(reviewOf('# T\n- #a: x\n', { 'studies/long.md': text })));
    assert.equal(result.segments.length, 100_000);
    assert.equal(result.segments[99_999].text, 'word 99999');
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms of CPU`);
  });
  it('excerpts with the binary search equal a walk over every cut (overlapping cuts, nested spans)', () => {
    const text = '> A [long [nested]{#b} passage\n> over [two]{#c} lines]{#a} and #d more [x]{#e} text.\n';
    const study = parseStudy('s.md', text);
    const cuts: number[] = [];
    for (let start = 0; start < 200; start += 3) cuts.push(start, start + 1 + (start % 7));
    for (const [start, end] of [[0, 5], [10, 60], [50, 51], [100, 190], [195, 200]]) {
      assert.equal(excerptBetween('x'.repeat(200), cuts, 0, cuts.length, start, end), naiveExcerpt('x'.repeat(200), cuts, start, end), `${start}-${end}`);
    }
    assert.deepEqual(study.segments.map((segment) => [segment.codes.join(), segment.text]), [
      ['d', 'A long nested passage over two lines and more x text.'],
      ['a', 'long nested passage over two lines'],
      ['b', 'nested'],
      ['c', 'two'],
      ['e', 'x'],
    ]);
  });
});

/** The excerpt as the loop computes it from the block's first cut: the reference. */
function naiveExcerpt(text: string, cuts: readonly number[], start: number, end: number): string {
  let out = '';
  let cursor = start;
  for (let index = 0; index < cuts.length && cuts[index] < end; index += 2) {
    if (cuts[index + 1] <= cursor) continue;
    if (cuts[index] > cursor) out += text.slice(cursor, cuts[index]);
    cursor = cuts[index + 1];
  }
  if (cursor < end) out += text.slice(cursor, end);
  return out.replace(/\s+/g, ' ').trim();
}
