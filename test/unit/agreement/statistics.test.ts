import { strict as assert } from 'node:assert';
import { cohensKappa, krippendorffAlpha, NominalAgreement, statisticsOfMatrix } from '../../../src/core/agreement/statistics';

/** Asserts a statistic to three decimals, as the published examples print them. */
function near(actual: number | null, expected: number): void {
  assert.notEqual(actual, null);
  assert.equal(actual!.toFixed(3), expected.toFixed(3), `${actual} should round to ${expected}`);
}

/** Two coders' values for units given as counts of (first, second) pairs. */
function fromTable(cells: Array<[string, string, number]>): [string[], string[]] {
  const first: string[] = [];
  const second: string[] = [];
  for (const [a, b, count] of cells) for (let index = 0; index < count; index++) first.push(a), second.push(b);
  return [first, second];
}

const _ = undefined;

describe('agreement statistics against published worked examples', () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
  // nominal data, 4 observers, 12 units, missing values. Published α = 0.743.
  const nominalExample = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];

  it("Krippendorff's α = 0.743 for the 4-observer nominal example with missing data", () => {
    near(krippendorffAlpha(nominalExample), 0.743);
  });

  it('drops the unit with a single value (unit 12) as unpairable: 11 units count', () => {
    assert.equal(statisticsOfMatrix(nominalExample).units, 11);
    // Removing unit 12 entirely leaves α unchanged.
    near(krippendorffAlpha(nominalExample.map((row) => row.slice(0, 11))), 0.743);
  });

  // Krippendorff (2011), section A: binary data, two observers, 10 units, no missing data.
  // Published α = 0.095; Scott's π and Cohen's κ for the same data by their definitions:
  // pₒ = 0.6, pₑ(π) = 0.58 → π = 0.048; pₑ(κ) = 0.56 → κ = 0.091.
  const binaryExample = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
  ];

  it("Krippendorff's α = 0.095 for the 2-observer binary example", () => {
    near(krippendorffAlpha(binaryExample), 0.095);
  });

  it("Scott's π = 0.048, Cohen's κ = 0.091 and 60% agreement on the same data", () => {
    const stats = statisticsOfMatrix(binaryExample);
    near(stats.scottsPi, 0.048);
    near(stats.cohensKappa, 0.091);
    near(stats.percentAgreement, 0.6);
  });

  // Cohen's κ textbook example (as in Wikipedia's "Cohen's kappa" article): 50 grant
  // proposals read by two readers; yes/yes 20, yes/no 5, no/yes 10, no/no 15:
  // pₒ = 0.70, pₑ = 0.50, κ = 0.40.
  it("Cohen's κ = 0.400 for the 50-proposal example", () => {
    const [a, b] = fromTable([['yes', 'yes', 20], ['yes', 'no', 5], ['no', 'yes', 10], ['no', 'no', 15]]);
    near(cohensKappa(a, b), 0.4);
    near(statisticsOfMatrix([a, b]).percentAgreement, 0.7);
  });

  // Same source: equal agreement (60%) but different marginals give κ = 0.1304 and 0.2593.
  it("Cohen's κ = 0.130 and 0.259 for the two 'same agreement, different κ' tables", () => {
    near(cohensKappa(...fromTable([['yes', 'yes', 45], ['yes', 'no', 15], ['no', 'yes', 25], ['no', 'no', 15]])), 0.13);
    near(cohensKappa(...fromTable([['yes', 'yes', 25], ['yes', 'no', 35], ['no', 'yes', 5], ['no', 'no', 35]])), 0.259);
  });
});

describe('agreement statistics: edge cases', () => {
  it('gives α, κ and π as null (undefined) when nobody varies, agreement 100%', () => {
    const stats = statisticsOfMatrix([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    assert.deepEqual(stats, { units: 3, percentAgreement: 1, krippendorffAlpha: null, cohensKappa: null, scottsPi: null });
  });

  it('gives 1 for perfect agreement with variation', () => {
    const stats = statisticsOfMatrix([
      [1, 0, 1],
      [1, 0, 1],
    ]);
    assert.deepEqual([stats.krippendorffAlpha, stats.cohensKappa, stats.scottsPi, stats.percentAgreement], [1, 1, 1, 1]);
  });

  it('skips units a coder did not code in κ, and has no κ for three coders', () => {
    near(cohensKappa([1, 0, 1, _, 0], [1, 0, 0, 1, _]), statisticsOfMatrix([[1, 0, 1], [1, 0, 0]]).cohensKappa!);
    assert.equal(statisticsOfMatrix([[1], [1], [0]]).cohensKappa, null);
  });

  it('counts a weighted unit like that many identical units', () => {
    const weighted = new NominalAgreement(2);
    weighted.add([1, 1], 3);
    weighted.add([0, 1], 2);
    weighted.add([0, 0], 5);
    const expanded = statisticsOfMatrix([
      [1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
      [1, 1, 1, 1, 1, 0, 0, 0, 0, 0],
    ]);
    assert.deepEqual(weighted.result(), expanded);
  });

  it('computes pairwise percent agreement for three coders', () => {
    // Unit 1: all agree (3 of 3 pairs); unit 2: one pair of 3 agrees → 4 / 6.
    near(statisticsOfMatrix([[1, 1], [1, 0], [1, 0]]).percentAgreement, 4 / 6);
  });
});
