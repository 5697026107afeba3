/**
 * Agreement statistics for nominal data from any number of coders, with missing values:
 * pairwise percent agreement, Krippendorff's α (nominal), and, for exactly two coders,
 * Cohen's κ and Scott's π. Units are added one at a time (with a weight, so runs of
 * identical characters count once per run), so nothing needs the whole matrix in memory.
 *
 * References: Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
 * Cohen, J. (1960). A coefficient of agreement for nominal scales. Scott, W. A. (1955).
 */

/** A value a coder assigns to a unit; `undefined` marks a missing value. */
export type NominalValue = string | number | boolean;

/** The statistics of one set of units. `null` where a statistic is undefined (see below). */
export interface AgreementStatistics {
  /** Units (weighted) with at least two values, the only ones that count. */
  readonly units: number;
  /** Share of agreeing pairs of values among all pairs of coders within units (0–1). */
  readonly percentAgreement: number | null;
  /** Krippendorff's α, nominal; `null` when every value is the same (no variation). */
  readonly krippendorffAlpha: number | null;
  /** Cohen's κ over units both coders coded; two coders only, `null` otherwise. */
  readonly cohensKappa: number | null;
  /** Scott's π over units both coders coded; two coders only, `null` otherwise. */
  readonly scottsPi: number | null;
}

/** Accumulates units of reliability data and computes the statistics. */
export class NominalAgreement {
  /** Coincidences o(c,k) (Krippendorff 2011), keyed `c\0k`. */
  private readonly coincidences = new Map<string, number>();
  /** Two coders: the contingency table n(a,b), keyed `a\0b`. */
  private readonly table = new Map<string, number>();
  private pairs = 0;
  private agreeingPairs = 0;
  private pairableUnits = 0;

  constructor(readonly coderCount: number) {}

  /** Adds one unit: one value per coder, in coder order (`undefined` = missing). */
  add(values: ReadonlyArray<NominalValue | undefined>, weight = 1): void {
    const present = values.filter((value): value is NominalValue => value !== undefined).map(String);
    const m = present.length;
    if (m < 2 || weight <= 0) return;
    this.pairableUnits += weight;
    const counts = new Map<string, number>();
    for (const value of present) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairsCk = c === k ? nc * (nc - 1) : nc * nk;
        if (pairsCk > 0) this.bump(this.coincidences, `${c}\u0000${k}`, (weight * pairsCk) / (m - 1));
      }
      this.agreeingPairs += (weight * nc * (nc - 1)) / 2;
    }
    this.pairs += (weight * m * (m - 1)) / 2;
    if (this.coderCount === 2) this.bump(this.table, `${present[0]}\u0000${present[1]}`, weight);
  }

  /** The statistics of the units added so far. */
  result(): AgreementStatistics {
    const two = this.coderCount === 2;
    return {
      units: this.pairableUnits,
      percentAgreement: this.pairs > 0 ? this.agreeingPairs / this.pairs : null,
      krippendorffAlpha: this.alpha(),
      cohensKappa: two ? this.kappa('cohen') : null,
      scottsPi: two ? this.kappa('scott') : null,
    };
  }

  /** α = 1 − (n − 1) · Σ_{c≠k} o(c,k) / Σ_{c≠k} n(c)·n(k). */
  private alpha(): number | null {
    const marginals = new Map<string, number>();
    let observed = 0;
    for (const [key, count] of this.coincidences) {
      const [c, k] = key.split('\u0000');
      marginals.set(c, (marginals.get(c) ?? 0) + count);
      if (c !== k) observed += count;
    }
    const n = [...marginals.values()].reduce((sum, value) => sum + value, 0);
    const sumSquares = [...marginals.values()].reduce((sum, value) => sum + value * value, 0);
    const expected = n * n - sumSquares; // Σ_{c≠k} n(c)·n(k)
    if (n <= 1 || expected <= 0) return null;
    return 1 - ((n - 1) * observed) / expected;
  }

  /** κ or π = (pₒ − pₑ) / (1 − pₑ); they differ only in how pₑ is estimated. */
  private kappa(kind: 'cohen' | 'scott'): number | null {
    let total = 0;
    let agreeing = 0;
    const first = new Map<string, number>();
    const second = new Map<string, number>();
    for (const [key, count] of this.table) {
      const [a, b] = key.split('\u0000');
      total += count;
      if (a === b) agreeing += count;
      first.set(a, (first.get(a) ?? 0) + count);
      second.set(b, (second.get(b) ?? 0) + count);
    }
    if (total === 0) return null;
    const values = new Set([...first.keys(), ...second.keys()]);
    let chance = 0;
    for (const value of values) {
      const pa = (first.get(value) ?? 0) / total;
      const pb = (second.get(value) ?? 0) / total;
      chance += kind === 'cohen' ? pa * pb : ((pa + pb) / 2) ** 2;
    }
    if (chance >= 1) return null;
    return (agreeing / total - chance) / (1 - chance);
  }

  private bump(map: Map<string, number>, key: string, by: number): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }
}

/**
 * Krippendorff's α (nominal) of reliability data laid out as in Krippendorff (2011):
 * one row per coder, one column per unit, `undefined` for a missing value.
 */
export function krippendorffAlpha(rows: ReadonlyArray<ReadonlyArray<NominalValue | undefined>>): number | null {
  return statisticsOfMatrix(rows).krippendorffAlpha;
}

/** Cohen's κ of two coders' values for the same units (units missing either value are skipped). */
export function cohensKappa(first: ReadonlyArray<NominalValue | undefined>, second: ReadonlyArray<NominalValue | undefined>): number | null {
  return statisticsOfMatrix([first, second]).cohensKappa;
}

/** Every statistic of a coder × unit matrix. */
export function statisticsOfMatrix(rows: ReadonlyArray<ReadonlyArray<NominalValue | undefined>>): AgreementStatistics {
  const accumulator = new NominalAgreement(rows.length);
  const unitCount = Math.max(0, ...rows.map((row) => row.length));
  for (let unit = 0; unit < unitCount; unit++) accumulator.add(rows.map((row) => row[unit]));
  return accumulator.result();
}
