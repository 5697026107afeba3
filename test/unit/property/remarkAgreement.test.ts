/**
 * The scanner agrees with the remark reference on grammar-generated Markdown (the
 * differential test's generator, driven by a shrinkable list of choices), so a
 * disagreement shrinks to a small document.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { differences, referenceFacts, scannerFacts } from '../reference/compareWithScanner';
import { markdownDocument } from './arbitraries';
import { COSTLY_RUNS, propertyParameters } from './settings';

describe('property: scanner agrees with remark', function () {
  this.timeout(120_000);

  it('on grammar-generated Markdown: tags, spans and coded blocks', () => {
    fc.assert(
      fc.property(markdownDocument, (text) => {
        assert.deepEqual(differences(text, scannerFacts(text), referenceFacts(text)), []);
      }),
      propertyParameters('scanner agrees with remark', COSTLY_RUNS),
    );
  });
});
