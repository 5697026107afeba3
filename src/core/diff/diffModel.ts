/**
 * The coding diff between two states of a review, as printed by `qualsynth diff
 * --format json` (schema version 1). Every list is sorted so the same two revisions
 * always give the same output. Lines are 1-based; paths are review-relative with `/`.
 */

/** The schema version of the JSON output. */
export const DIFF_SCHEMA_VERSION = 1;

/** One side of the comparison. */
export interface DiffSide {
  /** The revision name as given, or `working tree`. */
  readonly label: string;
  /** The full commit id, when read from a revision. */
  readonly commit?: string;
}

/** A number before and after. */
export interface Count {
  readonly before: number;
  readonly after: number;
}

/** A study by id and path. */
export interface StudyRef {
  readonly id: string;
  readonly path: string;
}

/** A coded passage in one of the two revisions. */
export interface SegmentRef {
  /** Study id (after the change for added segments, before it for removed ones). */
  readonly study: string;
  readonly path: string;
  /** 1-based line where the passage starts. */
  readonly line: number;
  /** The passage as plain text (tag syntax removed), shortened to about 200 characters. */
  readonly excerpt: string;
  /** `first` for participants' words (quotes), `second` for authors' interpretations. */
  readonly order: 'first' | 'second';
}

/** A code added to or removed from the codebook. */
export interface CodeEntry {
  readonly code: string;
  readonly definition: string;
  /** Theme paths (heading titles from the top) the code is filed under. */
  readonly themes: ReadonlyArray<readonly string[]>;
}

/** Changes to themes and code definitions. */
export interface CodebookChanges {
  readonly themesAdded: ReadonlyArray<readonly string[]>;
  readonly themesRemoved: ReadonlyArray<readonly string[]>;
  /** A theme heading retitled (same codes, or same description, under the same parent). */
  readonly themesRenamed: ReadonlyArray<{ readonly from: readonly string[]; readonly to: readonly string[] }>;
  readonly codesAdded: readonly CodeEntry[];
  readonly codesRemoved: readonly CodeEntry[];
  /** A code that disappeared while another appeared with the same segments (or definition). */
  readonly codesRenamed: ReadonlyArray<{ readonly from: string; readonly to: string; readonly segments: number }>;
  /** A code filed under other themes (theme renames do not count as moves). */
  readonly codesMoved: ReadonlyArray<{ readonly code: string; readonly from: ReadonlyArray<readonly string[]>; readonly to: ReadonlyArray<readonly string[]> }>;
  readonly definitionsChanged: ReadonlyArray<{ readonly code: string; readonly from: string; readonly to: string }>;
}

/** How the coding with one code changed. */
export interface CodeCodingChange {
  /** The code's name after the change. */
  readonly code: string;
  /** Its name before, when it was renamed. */
  readonly renamedFrom?: string;
  readonly segments: Count;
  readonly studies: Count;
  /** Passages coded with the code after but not before (matched by study and text). */
  readonly added: readonly SegmentRef[];
  /** Passages coded with the code before but not after. */
  readonly removed: readonly SegmentRef[];
}

/** How the codes applied in one study changed. */
export interface StudyCodingChange {
  readonly study: string;
  readonly path: string;
  /** `added`/`removed` for a study present on one side only. */
  readonly status: 'added' | 'removed' | 'changed';
  readonly gained: readonly string[];
  readonly lost: readonly string[];
}

/** The whole diff. */
export interface CodingDiff {
  readonly version: typeof DIFF_SCHEMA_VERSION;
  readonly from: DiffSide;
  readonly to: DiffSide;
  readonly totals: { readonly studies: Count; readonly themes: Count; readonly codes: Count; readonly segments: Count };
  readonly studies: {
    readonly added: readonly StudyRef[];
    readonly removed: readonly StudyRef[];
    /** Same study under another id or path (matched by path, citation or coded passages). */
    readonly renamed: ReadonlyArray<{ readonly from: StudyRef; readonly to: StudyRef }>;
  };
  readonly codebook: CodebookChanges;
  /** Codes whose coding changed, in codebook order (after), then removed codes by name. */
  readonly codes: readonly CodeCodingChange[];
  /** Studies whose set of codes changed, by id. */
  readonly studyCodes: readonly StudyCodingChange[];
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(diff: CodingDiff): boolean {
  const { codebook, studies } = diff;
  return (
    studies.added.length + studies.removed.length + studies.renamed.length === 0 &&
    Object.values(codebook).every((list: readonly unknown[]) => list.length === 0) &&
    diff.codes.length === 0 &&
    diff.studyCodes.length === 0
  );
}
