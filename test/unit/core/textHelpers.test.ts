/** The small text helpers of the scanner: insertion sort and excerpt cutting. */
import * as assert from 'node:assert/strict';
import { excerptBetween } from '../../../src/core/syntax/excerpt';
import { sortSmall } from '../../../src/core/text/sortSmall';

describe('sortSmall', () => {
  it('sorts like Array.prototype.sort, stably, below and above its insertion-sort size', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let length = 0; length <= 30; length++) {
      for (let round = 0; round < 20; round++) {
        const items = Array.from({ length }, (_, index) => ({ key: Math.floor(random() * 5), index }));
        const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
        assert.deepEqual(sortSmall([...items], byKey), [...items].sort(byKey), `length ${length}`);
      }
    }
  });
});

describe('excerptBetween', () => {
  const text = 'Start [a passage]{#a} with\r\n> more text , and #tag here .\nEnd';
  const cutsOf = (...pairs: Array<[string, number]>): number[] => pairs.flatMap(([needle, length]) => [text.indexOf(needle), text.indexOf(needle) + length]);

  it('leaves out the cuts, makes line breaks and runs of spaces one space, and no space before punctuation', () => {
    const cuts = [...cutsOf(['[', 1], [']{#a}', 5]), text.indexOf('> '), text.indexOf('> ') + 2, ...cutsOf(['#tag', 4])].sort((a, b) => a - b);
    assert.equal(excerptBetween(text, cuts, 0, cuts.length, 0, text.indexOf('\nEnd')), 'Start a passage with more text, and here.');
  });

  it('reads only its own range of the cut list, and cuts that overlap or start before the passage', () => {
    const cuts = [0, 6, 3, 8, ...cutsOf(['#tag', 4])];
    assert.equal(excerptBetween(text, cuts, 0, 4, 4, 16), 'passage');
    assert.equal(excerptBetween(text, cuts, 4, 6, text.indexOf('and'), text.indexOf(' here')), 'and');
    assert.equal(excerptBetween(text, [], 0, 0, 0, 5), 'Start');
  });
});
