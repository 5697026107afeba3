/**
 * Linear time on pathological input (issue 16): 4 MB of what makes a Markdown scanner
 * quadratic — backtick runs of distinct lengths, brackets, `<`, `](` — each read in
 * under a second, with a tag at the end so the whole block is scanned, not skipped.
 * The second is CPU time (this process, all its threads): on the shared 2-core machine
 * wall time also counts everyone else's processes, and a quadratic scan of 4 MB takes
 * minutes of CPU, not seconds.
 */
import { strict as assert } from 'node:assert';
import { parseStudy } from '../../../src/core/study';

const SIZE = 4_000_000;

/** Backtick runs of lengths 1, 2, 3, … separated by spaces: none is ever closed. */
function distinctBacktickRuns(size: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let run = 1; length < size; run++) {
    parts.push('`'.repeat(run));
    length += run + 1;
  }
  return parts.join(' ');
}

/** Reads `body + ' #end'` as a study, in under a second, and checks the tag was found. */
function readsInUnderASecond(body: string): void {
  assert.ok(body.length >= SIZE, `${body.length} characters`);
  const text = `${body} #end\n`;
  const started = process.cpuUsage();
  const study = parseStudy('studies/pathological.md', text);
  const { user, system } = process.cpuUsage(started);
  const took = (user + system) / 1000;
  assert.ok(took < 1000, `took ${took.toFixed(0)} ms of CPU`);
  assert.deepEqual(study.tags.map((tag) => tag.code), ['end']);
}

describe('linear time on 4 MB of pathological input', function () {
  this.timeout(20_000);

  it('backtick runs of distinct lengths', () => readsInUnderASecond(distinctBacktickRuns(SIZE)));
  it('opening brackets', () => readsInUnderASecond('['.repeat(SIZE)));
  it('closing brackets', () => readsInUnderASecond(']'.repeat(SIZE)));
  it('nested brackets, closed', () => readsInUnderASecond(`${'['.repeat(SIZE / 2)}${']'.repeat(SIZE / 2)}`));
  it('less-than signs', () => readsInUnderASecond('<'.repeat(SIZE)));
  it('link openers `](`', () => readsInUnderASecond('](' .repeat(SIZE / 2)));
  it('links never closed `[a](`', () => readsInUnderASecond('[a]('.repeat(SIZE / 4)));
  // Not at the start of a line, where each would open an HTML block that hides the rest.
  it('HTML comments, declarations and CDATA never closed', () => readsInUnderASecond(`x ${'<!-- <!X <![CDATA[ <? '.repeat(SIZE / 22 + 1)}`));
  it('brace groups holding no code `]{ … }`', () => readsInUnderASecond(`${'a]{ '.repeat(SIZE / 4)}}`));
  it('titles full of escaped quotes', () => readsInUnderASecond(`[a](b "${'\\"'.repeat(SIZE / 2)}`));
});
