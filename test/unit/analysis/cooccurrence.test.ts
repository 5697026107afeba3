import { strict as assert } from 'node:assert';
import { cCoefficient, cooccurrence, cooccurrenceSegments, type Cooccurrence } from '../../../src/core/analysis';
import { parseFilter } from '../../../src/core/filter';
import { fixtureIndex } from './fixture';

/** Pairs as `a+b count coefficient(3 places) studies`. */
function pairs(result: Cooccurrence): string[] {
  return result.pairs.map((pair) => {
    const studies = result.studiesOf(pair.a, pair.b);
    assert.equal(pair.studies, studies.length, `${pair.a}+${pair.b}: the study count is the number of ids`);
    return `${pair.a}+${pair.b} ${pair.count} ${pair.coefficient.toFixed(3)} ${studies.join(',')}`;
  });
}

function occurrences(result: Cooccurrence): string[] {
  return result.codes.map((code) => `${code.code} ${code.units}/${code.studies}`);
}

describe('co-occurrence', () => {
  const index = fixtureIndex();

  it('counts coded passages: nested spans and a block over its spans are one passage', () => {
    const result = cooccurrence(index, { unit: 'segment' });
    assert.equal(result.units, 8);
    assert.deepEqual(occurrences(result), ['pay 3/2', 'boundary 1/1', 'friend 2/2', 'hope 3/3', 'stigma 2/2', 'emerging 1/1']);
    // Ties on the count are ordered by coefficient: 1/2, 1/3, 1/4, 1/5.
    assert.deepEqual(pairs(result), ['boundary+friend 1 0.500 a', 'hope+emerging 1 0.333 c', 'hope+stigma 1 0.250 b', 'pay+hope 1 0.200 a']);
  });

  it('counts blocks: codes anywhere in one paragraph or quote co-occur', () => {
    const result = cooccurrence(index, { unit: 'block' });
    assert.equal(result.units, 6);
    assert.deepEqual(occurrences(result), ['pay 3/2', 'boundary 1/1', 'friend 2/2', 'hope 3/3', 'stigma 2/2', 'emerging 1/1']);
    assert.deepEqual(pairs(result), [
      'pay+hope 2 0.500 a,b',
      'boundary+friend 1 0.500 a',
      'pay+boundary 1 0.333 a',
      'hope+emerging 1 0.333 c',
      'pay+friend 1 0.250 a',
      'pay+stigma 1 0.250 b',
      'hope+stigma 1 0.250 b',
    ]);
  });

  it('counts studies', () => {
    const result = cooccurrence(index, { unit: 'study' });
    assert.equal(result.units, 3);
    const byPair = new Map(result.pairs.map((pair) => [`${pair.a}+${pair.b}`, pair]));
    assert.deepEqual([byPair.get('pay+friend')?.count, byPair.get('pay+friend')?.coefficient], [2, 1]);
    assert.deepEqual([byPair.get('hope+stigma')?.count, byPair.get('hope+stigma')?.coefficient], [2, 2 / 3]);
    assert.deepEqual(result.studiesOf('hope', 'emerging'), ['c']);
    assert.deepEqual(result.studiesOf('stigma', 'pay'), ['a', 'b'], 'either order');
    assert.deepEqual(result.studiesOf('pay', 'pay'), []);
    assert.equal(result.pairs.length, 11);
  });

  it('applies the filter to studies and to the uncategorised codes it reports', () => {
    const result = cooccurrence(index, { unit: 'segment', filter: parseFilter('perspective=workers') });
    assert.equal(result.studies, 2);
    assert.deepEqual(occurrences(result), ['pay 3/2', 'boundary 1/1', 'friend 2/2', 'hope 2/2', 'stigma 2/2']);
    assert.deepEqual(pairs(result), ['boundary+friend 1 0.500 a', 'hope+stigma 1 0.333 b', 'pay+hope 1 0.250 a']);
  });

  it('leaves uncategorised codes out when asked', () => {
    const result = cooccurrence(index, { unit: 'segment', includeUncategorised: false });
    assert.deepEqual(result.codes.map((code) => code.code), ['pay', 'boundary', 'friend', 'hope', 'stigma']);
    assert.ok(!result.pairs.some((pair) => pair.b === 'emerging'));
  });

  it('finds the segments behind a pair: both sides of each unit holding both', () => {
    const texts = cooccurrenceSegments(index, 'pay', 'hope', { unit: 'block' }).map((segment) => `${segment.path.slice(8)}:${segment.text}`);
    assert.deepEqual(texts, ['a.md:I felt hope.', 'b.md:We hoped', 'b.md:Pay']);
  });

  it('computes the c-coefficient as n12 / (n1 + n2 − n12)', () => {
    assert.equal(cCoefficient(2, 3, 3), 0.5);
    assert.equal(cCoefficient(3, 3, 3), 1);
    assert.equal(cCoefficient(0, 0, 0), 0);
  });
});
