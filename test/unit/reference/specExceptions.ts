/**
 * The documented, deliberate differences between the scanner and the CommonMark
 * oracle on the spec's examples, each with its example numbers and its reason (the
 * README lists them). A disagreement is excused only in the listed examples and only
 * when `explains` recognises it.
 */

/** A deliberate difference. */
export interface SpecException {
  /** Short name, as in the README. */
  readonly name: string;
  /** Why QualSynth reads these examples differently. */
  readonly reason: string;
  /** The spec example numbers where it shows. */
  readonly examples: readonly number[];
  /** True when this exception accounts for the differences found in a probe document. */
  explains(text: string, differences: readonly string[]): boolean;
}

export const SPEC_EXCEPTIONS: readonly SpecException[] = [];
