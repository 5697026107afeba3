/** The small text helpers: binary searches and excerpt cutting. */
import * as assert from 'node:assert/strict';
import { excerptBetween } from '../../../src/core/syntax/excerpt';
import { lastAtOrBelow, lowerBound, upperBound } from '../../../src/core/text/sortedSearch';

describe('sorted searches', () => {
  it('find what a linear scan finds, with repeated values, below, between and above the list', () => {
    const lists: number[][] = [[], [5], [1, 3, 3, 3, 8], [0, 2, 4, 6, 8, 10, 12], [7, 7, 7]];
    for (const list of lists) {
      for (let value = -1; value <= 13; value++) {
        const firstAtLeast = list.findIndex((item) => item >= value);
        const firstAbove = list.findIndex((item) => item > value);
        const lastBelowOrAt = list.filter((item) => item <= value).length - 1;
        const what = `${JSON.stringify(list)} / ${value}`;
        assert.equal(lowerBound(list, value), firstAtLeast === -1 ? list.length : firstAtLeast, `lowerBound ${what}`);
        assert.equal(upperBound(list, value), firstAbove === -1 ? list.length : firstAbove, `upperBound ${what}`);
        assert.equal(lastAtOrBelow(list, value), Math.max(0, lastBelowOrAt), `lastAtOrBelow ${what}`);
      }
    }
  });
});

describe('excerptBetween', () => {
  const text = 'Start [a passage]{#a} with\r\n> more text , and #tag here .\nEnd';
  const cutsOf = (...pairs: Array<[string, number]>): number[] => pairs.flatMap(([needle, length]) => [text.indexOf(needle), text.indexOf(needle) + length]);

  it('leaves out the cuts and makes line breaks and runs of spaces one space, keeping the author\'s spaces before punctuation', () => {
    const cuts = [...cutsOf(['[', 1], [']{#a}', 5]), text.indexOf('> '), text.indexOf('> ') + 2, ...cutsOf(['#tag', 4])].sort((a, b) => a - b);
    assert.equal(excerptBetween(text, cuts, 0, cuts.length, 0, text.indexOf('\nEnd')), 'Start a passage with more text , and here .');
  });

  it('drops the space a cut tag leaves before punctuation, not a French space before « ? »', () => {
    const pay = 'Pay was low #low-pay. « Pourquoi ? » #why';
    const cuts = [pay.indexOf('#low-pay'), pay.indexOf('#low-pay') + 8, pay.indexOf('#why'), pay.length];
    assert.equal(excerptBetween(pay, cuts, 0, cuts.length, 0, pay.length), 'Pay was low. « Pourquoi ? »');
  });

  it('renders what the reader sees: escapes, character references and code spans', () => {
    const escaped = 'use \\[a data repository\\] \\#1 \\*not\\* AT&amp;T caf&#233; `x \\* y` and `` `tick` ``';
    assert.equal(excerptBetween(escaped, [], 0, 0, 0, escaped.length), 'use [a data repository] #1 *not* AT&T café x \\* y and `tick`');
  });

  it('reads only its own range of the cut list, and cuts that overlap or start before the passage', () => {
    const cuts = [0, 6, 3, 8, ...cutsOf(['#tag', 4])];
    assert.equal(excerptBetween(text, cuts, 0, 4, 4, 16), 'passage');
    assert.equal(excerptBetween(text, cuts, 4, 6, text.indexOf('and'), text.indexOf(' here')), 'and');
    assert.equal(excerptBetween(text, [], 0, 0, 0, 5), 'Start');
  });
});
