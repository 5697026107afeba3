/**
 * The permanent differential test against the CommonMark spec: its 652 examples, with
 * a probe tag at every character offset, in place of every word and as a span around
 * every word, read by the scanner (`parseStudy`) and by the oracle (micromark's mdast
 * plus GFM tables, with the README's tag rules on top) must give the same tags, spans
 * and coded blocks, except for the documented exceptions (specExceptions.ts, listed in
 * the README with their example numbers).
 */
import { strict as assert } from 'node:assert';
import { countsByExample, exampleNumbers, runSpec, type SpecRun } from './specDifferential';
import { SPEC_EXCEPTIONS } from './specExceptions';

describe('scanner vs CommonMark spec (differential, every example probed)', function () {
  this.timeout(300_000);
  let run: SpecRun;

  before(() => {
    run = runSpec();
    const excused = run.disagreements.filter((disagreement) => disagreement.exception).length;
    console.log(`      [spec] ${run.examples} examples, ${run.probes} probe documents, ${run.disagreements.length - excused} disagreements, ${excused} documented exceptions`);
  });

  it('probes every example of the spec', () => {
    assert.equal(run.examples, 652);
    assert.ok(run.probes > 20_000, `${run.probes} probes`);
  });

  it('agrees on every probe document outside the documented exceptions', () => {
    const undocumented = run.disagreements.filter((disagreement) => !disagreement.exception);
    const sample = undocumented.slice(0, 5).map(({ document, differences }) => `example ${document.example}, ${document.probe}: ${JSON.stringify(document.text)}\n  ${differences.join('\n  ')}`);
    assert.equal(undocumented.length, 0, `by example: ${countsByExample(undocumented)}\n${sample.join('\n')}`);
  });

  for (const exception of SPEC_EXCEPTIONS) {
    it(`documents exactly where "${exception.name}" shows`, () => {
      assert.deepEqual(exampleNumbers(run.disagreements.filter((disagreement) => disagreement.exception === exception)), exception.examples);
    });
  }
});
