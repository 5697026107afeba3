import * as assert from 'node:assert/strict';
import { countOf, countsOf } from '../../../src/core/countWords';

describe('count wording', () => {
  it('uses the singular for one and the plural otherwise', () => {
    assert.equal(countOf(1, 'study'), '1 study');
    assert.equal(countOf(0, 'study'), '0 studies');
    assert.equal(countOf(2, 'study'), '2 studies');
    assert.equal(countOf(1, 'segment'), '1 segment');
    assert.equal(countOf(1, 'hint'), '1 hint');
  });

  it('joins several counts with a middle dot', () => {
    assert.equal(countsOf([1, 'segment'], [1, 'study']), '1 segment · 1 study');
    assert.equal(countsOf([1, 'study'], [3, 'code'], [1, 'segment'], [0, 'problem']), '1 study · 3 codes · 1 segment · 0 problems');
  });
});
