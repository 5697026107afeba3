/**
 * Code co-occurrence: for each pair of codes, the number of units (see `units.ts`) in
 * which both are applied, the c-coefficient n12 / (n1 + n2 − n12) — the share of the
 * units holding either code that hold both, 0 to 1 — and the studies involved.
 */
import type { Segment } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import { analysisScope, type AnalysisOptions } from './scope';
import { codeNumbers } from './unitNumbers';
import { unitsOfStudy, type CooccurrenceUnit } from './units';

/** How often one code is applied: the units that hold it. */
export interface CodeOccurrence {
  readonly code: string;
  /** n1: units holding the code. */
  readonly units: number;
  /** Studies holding the code. */
  readonly studies: number;
}

/** Two codes applied in the same units. */
export interface CooccurrencePair {
  /** The two codes, in the order of `codes`. */
  readonly a: string;
  readonly b: string;
  /** n12: units holding both. */
  readonly count: number;
  /** n12 / (n1 + n2 − n12). */
  readonly coefficient: number;
  /** Studies with such a unit (their ids: `Cooccurrence.studiesOf`). */
  readonly studies: number;
}

/** The co-occurrence of every pair of reported codes. */
export interface Cooccurrence {
  readonly unit: CooccurrenceUnit;
  /** Units with coded text in the studies analysed. */
  readonly units: number;
  readonly studies: number;
  /** Every reported code, in codebook order then uncategorised by name. */
  readonly codes: readonly CodeOccurrence[];
  /** Pairs that co-occur at least once: most units first, then highest coefficient, then codebook order. */
  readonly pairs: readonly CooccurrencePair[];
  /** Ids of the studies where two codes co-occur, in path order (computed when asked: a study unit has thousands per pair). */
  studiesOf(a: string, b: string): string[];
}

/** Options of a co-occurrence analysis. */
export interface CooccurrenceOptions extends AnalysisOptions {
  readonly unit?: CooccurrenceUnit;
}

/**
 * Counts co-occurrence in one pass over the units: each unit's distinct code numbers,
 * then every pair of them, in a flat codes × codes table. The studies of each pair are
 * kept as lists for passages and blocks (few per pair), and found from each code's
 * studies for the study unit, where every study of both codes is one.
 */
export function cooccurrence(index: ReviewIndex, options: CooccurrenceOptions = {}): Cooccurrence {
  const unit = options.unit ?? 'segment';
  const scope = analysisScope(index, options);
  const size = scope.codes.length;
  const counts = new Int32Array(size * size);
  const lastStudy = new Int32Array(size * size).fill(-1);
  const pairStudies = new Map<number, number[]>();
  const codeUnits = new Int32Array(size);
  const codeStudies = new StudySets(size, scope.studies.length);
  const numbers = codeNumbers(scope.codeIndex);
  let unitCount = 0;
  scope.studies.forEach((study, studyNumber) => {
    for (const segments of unitsOfStudy(study, unit)) {
      const present = numbers.ofUnit(segments);
      if (present.length === 0) continue;
      unitCount++;
      for (const code of present) {
        codeUnits[code]++;
        codeStudies.add(code, studyNumber);
      }
      if (unit === 'study') {
        for (let i = 0; i < present.length; i++) for (let j = i + 1; j < present.length; j++) counts[present[i] * size + present[j]]++;
        continue;
      }
      for (let i = 0; i < present.length; i++) {
        for (let j = i + 1; j < present.length; j++) {
          const cell = present[i] * size + present[j];
          counts[cell]++;
          if (lastStudy[cell] === studyNumber) continue;
          lastStudy[cell] = studyNumber;
          const list = pairStudies.get(cell);
          if (list) list.push(studyNumber);
          else pairStudies.set(cell, [studyNumber]);
        }
      }
    }
  });
  const studyNumbersOf = (a: number, b: number): readonly number[] => (unit === 'study' ? codeStudies.both(a, b) : (pairStudies.get(Math.min(a, b) * size + Math.max(a, b)) ?? []));
  const pairs: CooccurrencePair[] = [];
  for (let cell = 0; cell < counts.length; cell++) {
    const count = counts[cell];
    if (count === 0) continue;
    const a = Math.floor(cell / size);
    const b = cell % size;
    const studies = unit === 'study' ? count : pairStudies.get(cell)!.length;
    pairs.push({ a: scope.codes[a], b: scope.codes[b], count, coefficient: cCoefficient(count, codeUnits[a], codeUnits[b]), studies });
  }
  // Cells run in codebook order, and the sort is stable: ties keep it.
  pairs.sort((x, y) => y.count - x.count || y.coefficient - x.coefficient);
  return {
    unit,
    units: unitCount,
    studies: scope.studies.length,
    codes: scope.codes.map((code, number) => ({ code, units: codeUnits[number], studies: codeStudies.count(number) })),
    pairs,
    studiesOf(a, b) {
      const x = scope.codeIndex.get(a);
      const y = scope.codeIndex.get(b);
      if (x === undefined || y === undefined || x === y) return [];
      return studyNumbersOf(x, y).map((number) => scope.studies[number].id);
    },
  };
}

/** Each code's studies, as a bit set over the study numbers. */
class StudySets {
  private readonly words: number;
  private readonly bits: Uint32Array;
  private readonly counts: Int32Array;

  constructor(codes: number, studies: number) {
    this.words = Math.ceil(studies / 32);
    this.bits = new Uint32Array(codes * this.words);
    this.counts = new Int32Array(codes);
  }

  add(code: number, study: number): void {
    const word = code * this.words + (study >>> 5);
    const bit = 1 << (study & 31);
    if (this.bits[word] & bit) return;
    this.bits[word] |= bit;
    this.counts[code]++;
  }

  count(code: number): number {
    return this.counts[code];
  }

  /** The study numbers of both codes, ascending. */
  both(a: number, b: number): number[] {
    const out: number[] = [];
    for (let word = 0; word < this.words; word++) {
      let common = this.bits[a * this.words + word] & this.bits[b * this.words + word];
      for (let bit = 0; common !== 0; bit++, common >>>= 1) if (common & 1) out.push(word * 32 + bit);
    }
    return out;
  }
}

/** The c-coefficient n12 / (n1 + n2 − n12); 0 when neither code is applied. */
export function cCoefficient(n12: number, n1: number, n2: number): number {
  const either = n1 + n2 - n12;
  return either === 0 ? 0 : n12 / either;
}

/**
 * The segments behind a pair: in each unit holding both codes, the segments carrying
 * either (so the document shows both sides of the co-occurrence), in study and source order.
 */
export function cooccurrenceSegments(index: ReviewIndex, a: string, b: string, options: CooccurrenceOptions = {}): Segment[] {
  const unit = options.unit ?? 'segment';
  const out: Segment[] = [];
  for (const study of analysisScope(index, options).studies) {
    for (const segments of unitsOfStudy(study, unit)) {
      const has = (code: string): boolean => segments.some((segment) => segment.codes.includes(code));
      if (has(a) && has(b)) out.push(...segments.filter((segment) => segment.codes.includes(a) || segment.codes.includes(b)));
    }
  }
  return out;
}
