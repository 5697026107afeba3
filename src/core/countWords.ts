/**
 * Counts as the editor, views and status bar word them: `1 study`, `2 studies`,
 * `1 segment`; one place, so no surface says "1 studies".
 */
import { plural } from './report/wording';

/** The counted things of a review, singular and plural. */
const NOUNS = {
  study: ['study', 'studies'],
  theme: ['theme', 'themes'],
  code: ['code', 'codes'],
  segment: ['segment', 'segments'],
  problem: ['problem', 'problems'],
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  hint: ['hint', 'hints'],
  memo: ['memo', 'memos'],
} as const;

/** A counted noun of the review. */
export type CountedNoun = keyof typeof NOUNS;

/** `1 study`, `3 studies`, `0 segments`. */
export function countOf(count: number, noun: CountedNoun): string {
  const [one, many] = NOUNS[noun];
  return plural(count, one, many);
}

/** `4 segments · 2 studies`, joined by a middle dot. */
export function countsOf(...counts: ReadonlyArray<readonly [number, CountedNoun]>): string {
  return counts.map(([count, noun]) => countOf(count, noun)).join(' · ');
}
