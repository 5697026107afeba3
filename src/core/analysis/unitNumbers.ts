/**
 * The numbers (rows, columns, codes) a unit's segments stand for: the distinct numbers
 * of their codes, ascending. Hot: called once per segment or passage of the review.
 */
import type { Segment } from '../model';

/** Maps each unit of segments to the distinct numbers of their codes. */
export class UnitNumbers {
  private readonly stamp: Int32Array;
  private mark = 0;

  /** `numbersOf` gives a code's numbers (none for a code not counted); `size` bounds them. */
  constructor(
    private readonly numbersOf: ReadonlyMap<string, readonly number[]>,
    size: number,
  ) {
    this.stamp = new Int32Array(size).fill(-1);
  }

  /** The distinct numbers of a unit's segments, ascending. */
  ofUnit(segments: readonly Segment[]): number[] {
    this.mark++;
    const present: number[] = [];
    for (const segment of segments) {
      for (const code of segment.codes) {
        const numbers = this.numbersOf.get(code);
        if (numbers === undefined) continue;
        for (const number of numbers) {
          if (this.stamp[number] === this.mark) continue;
          this.stamp[number] = this.mark;
          present.push(number);
        }
      }
    }
    return present.length > 1 ? present.sort(ascending) : present;
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** `UnitNumbers` of the codes themselves, by their position in `codeIndex`. */
export function codeNumbers(codeIndex: ReadonlyMap<string, number>): UnitNumbers {
  return new UnitNumbers(new Map([...codeIndex].map(([code, number]) => [code, [number]])), codeIndex.size);
}
