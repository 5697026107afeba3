/**
 * The domain types of a review: studies, segments, codes, themes and problems.
 * Positions are 0-based (line and UTF-16 column, as in LSP and VS Code); the CLI and
 * the JSON index add 1 when they print them. Paths are review-relative and use `/`.
 */
import type { StudyFilter } from './filter';
import type { RelationLine } from './metaEthnography/relationSyntax';
import type { Protocol } from './protocol/protocol';

/** A 0-based position in a text: line and UTF-16 column. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** A range of a text as UTF-16 offsets [start, end) and the matching positions. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly startPosition: TextPosition;
  readonly endPosition: TextPosition;
}

/** Severity of a problem; `info` is shown as a hint and never fails `check`. */
export type Severity = 'error' | 'warning' | 'info';

/** A located problem in one file of the review. */
export interface Problem {
  /** Review-relative path of the file. */
  readonly path: string;
  /** Where in the file; line/column are 0-based. */
  readonly range: TextSpan;
  readonly severity: Severity;
  /** Stable identifier of the kind of problem, e.g. `undefined-code`. */
  readonly kind: ProblemKind;
  /** What is wrong and how to fix it, in one or two sentences. */
  readonly message: string;
  /** The code the problem is about, where there is one. */
  readonly code?: string;
}

/** Every kind of problem the checks report. */
export type ProblemKind =
  | 'undefined-code'
  | 'unused-code'
  | 'malformed-span'
  | 'invalid-front-matter'
  | 'duplicate-study-id'
  | 'duplicate-definition'
  | 'code-before-theme'
  | 'empty-theme'
  | 'unreadable-file'
  | 'merge-conflict'
  | 'no-studies'
  | 'invalid-protocol'
  | 'unresolved-reference'
  | 'cerqual-syntax'
  | 'cerqual-stale'
  | 'cerqual-count'
  | 'cerqual-no-evidence'
  | 'cerqual-incomplete'
  | 'memo-target'
  | 'memo-unknown-target'
  | 'concept-relation';

/** One `#code` occurrence in a file: in a span's braces, or a bare block tag. */
export interface TagOccurrence {
  /** The code name, NFC-normalised, without `#`. */
  readonly code: string;
  /** The range of `#name` in the source. */
  readonly range: TextSpan;
}

/** A passage of a study coded with one or more codes. */
export interface Segment {
  /** Review-relative path of the study file. */
  readonly path: string;
  /** `span` for `[…]{#a}`, `block` for a block coded by bare tags. */
  readonly kind: 'span' | 'block';
  /** `first` for participants' words (blockquotes), `second` for authors' interpretations. */
  readonly order: 'first' | 'second';
  /** Distinct codes, in order of first appearance. */
  readonly codes: readonly string[];
  /** The coded passage: span content between the brackets, or the whole block. */
  readonly range: TextSpan;
  /** For spans, the whole `[…]{…}` syntax; for blocks, the same as `range`. */
  readonly outerRange: TextSpan;
  /**
   * File offset where the block (paragraph, list item, quote paragraph, table row) that
   * holds the passage starts: the same for every passage of one block.
   */
  readonly blockStart: number;
  /** File offset where that block ends. */
  readonly blockEnd: number;
  /**
   * The block's plain text before and after the passage (tag syntax removed, a space kept
   * where the source has one), for excerpts that quote whole sentences; empty for blocks.
   */
  readonly surroundings: { readonly before: string; readonly after: string };
  /** The passage as plain text: tag syntax, quote markers and line breaks removed. */
  readonly text: string;
  /** The tags that apply the codes. */
  readonly tags: readonly TagOccurrence[];
  /** `key="value"` attributes of a span, e.g. coder or memo. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** Attribute values of a study, from its front matter. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

/** CASP qualitative checklist answers. */
export type CaspAnswer = 'yes' | 'no' | 'cant-tell';

/** One included study: its metadata, segments and tag occurrences. */
export interface Study {
  /** Stable key: front matter `id`, else the file name without `.md`. */
  readonly id: string;
  /** Review-relative path. */
  readonly path: string;
  readonly title?: string;
  readonly citation?: string;
  readonly authors: readonly string[];
  readonly year?: number;
  /** CASP answers by question key, where given. */
  readonly casp?: Readonly<Record<string, CaspAnswer | string>>;
  /** Every front-matter key, reserved ones included. */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  readonly segments: readonly Segment[];
  /** Every tag occurrence in the file, in source order. */
  readonly tags: readonly TagOccurrence[];
  /** Problems found in this file alone (front matter, malformed spans). */
  readonly problems: readonly Problem[];
  /** Number of lines of the file. */
  readonly lineCount: number;
  /** Where the study's id comes from: the front matter `id:` line, else the file start. */
  readonly idRange: TextSpan;
}

/** A code definition in the codebook. */
export interface CodeDefinition {
  readonly code: string;
  /** The definition on one line, as written. */
  readonly definition: string;
  /** The definition as read: Markdown escapes resolved, hard line breaks (`\` at a line end) kept. */
  readonly plainDefinition?: string;
  /** The name people gave the code (`- #tag **Name**: …`), when it is not the tag. */
  readonly displayName?: string;
  /** Theme path (heading titles from the top) the definition is filed under. */
  readonly themePath: readonly string[];
  /** Range of the `#name` tag of the definition in the codebook. */
  readonly range: TextSpan;
  /** Range of the whole list item line. */
  readonly lineRange: TextSpan;
}

/** A theme: a heading of the codebook. */
export interface Theme {
  /** Heading titles from the top level down to this theme. */
  readonly path: readonly string[];
  readonly title: string;
  /** Heading depth, 1 for `#`. */
  readonly depth: number;
  /** Description paragraphs under the heading (not CERQual, not code lists). */
  readonly description: string;
  /** Present when the theme is a review finding: it has a `Finding:` paragraph or a CERQual judgement. */
  readonly finding?: FindingStatement;
  /** GRADE-CERQual judgement: a `CERQual:` paragraph, the four components, the basis it was made on. */
  readonly cerqual?: CerqualJudgement;
  /** Codes a `Contrary:` paragraph marks as contrary or disconfirming data for this finding. */
  readonly contrary: readonly TagOccurrence[];
  /** Optional colour from a `Colour:`/`Color:` paragraph. */
  readonly color?: string;
  /** What kind of theme the reviewers say it is, from a `Kind:` paragraph. */
  readonly kind?: ThemeKind;
  /** Meta-ethnography relation lines (`Reciprocal:`, `Refutes:`) under the heading, when it has any. */
  readonly relations?: readonly RelationLine[];
  /** Codes defined directly under this heading, in order. */
  readonly codes: readonly string[];
  /** Child themes, in order. */
  readonly children: readonly Theme[];
  /** Range of the heading line. */
  readonly range: TextSpan;
  /** Range of the heading's text alone: no `#` markers, closing sequence or setext underline. */
  readonly titleRange: TextSpan;
  /** Range from the heading to the line before the next heading of the same or lower depth. */
  readonly sectionRange: TextSpan;
}

/**
 * A theme's kind: `descriptive` stays close to the studies, `analytical` goes beyond them
 * (Thomas & Harden 2008, stage 3), `concept` is a meta-ethnography concept to translate.
 */
export type ThemeKind = 'descriptive' | 'analytical' | 'concept';

/** The summary statement of a review finding. */
export interface FindingStatement {
  readonly text: string;
  /** Where the statement comes from: a `Finding:` paragraph, else the description's first sentence, else the title. */
  readonly source: 'paragraph' | 'description' | 'title';
  /** The `Finding:` paragraph, when there is one. */
  readonly range?: TextSpan;
}

/** GRADE-CERQual's overall confidence in a review finding. */
export type ConfidenceLevel = 'high' | 'moderate' | 'low' | 'very low';

/** How much a component of GRADE-CERQual concerns the team. */
export type ConcernLevel = 'no or very minor' | 'minor' | 'moderate' | 'serious';

/** The four GRADE-CERQual components, in the order the approach lists them. */
export type CerqualComponent = 'methodological-limitations' | 'coherence' | 'adequacy' | 'relevance';

/** A count an explanation states ("six studies", "ten recipient studies"), to check against the data. */
export interface StatedCount {
  readonly value: number;
  /** The counted noun in the plural: `studies`, `segments`, `participants`, `countries` … */
  readonly noun: string;
  /** Words between the number and the noun (`recipient`), `''` when none. */
  readonly qualifier: string;
  /** The phrase as written. */
  readonly text: string;
  readonly range: TextSpan;
}

/** One component's concern and its explanation. */
export interface ComponentJudgement {
  readonly component: CerqualComponent;
  /** Absent when the level is not one GRADE-CERQual uses (an error is reported). */
  readonly concern?: ConcernLevel;
  readonly explanation: string;
  /** The whole paragraph or list item. */
  readonly range: TextSpan;
  readonly statedCounts: readonly StatedCount[];
}

/** What a judgement was made on, as recorded by "Record CERQual Judgement…" in a `Judged on:` line. */
export interface JudgementBasis {
  /** Ids of the contributing studies, sorted. */
  readonly studies: readonly string[];
  readonly segments: number;
  /** A hash of the finding's segments (study, codes, text), 8 hex digits. */
  readonly fingerprint: string;
  readonly range: TextSpan;
}

/** A GRADE-CERQual judgement of a review finding. */
export interface CerqualJudgement {
  /** The overall confidence; absent when no `CERQual:` paragraph gives a known level. */
  readonly confidence?: ConfidenceLevel;
  /** The explanation of the overall confidence. */
  readonly explanation: string;
  /** The `CERQual:` paragraph, when there is one. */
  readonly range?: TextSpan;
  /** Counts stated in the overall explanation. */
  readonly statedCounts: readonly StatedCount[];
  /** The components judged, in the order written. */
  readonly components: readonly ComponentJudgement[];
  readonly basis?: JudgementBasis;
  /** Every block of the judgement (overall, components, basis), in file order: what re-recording replaces. */
  readonly blocks: readonly TextSpan[];
}

/** The parsed codebook. */
export interface Codebook {
  readonly path: string;
  readonly title?: string;
  /** Top-level themes in order. */
  readonly themes: readonly Theme[];
  /** Every definition in file order (a code may have several). */
  readonly definitions: readonly CodeDefinition[];
  readonly problems: readonly Problem[];
}

/** The review's project file, `qualsynth.yaml`, with defaults applied. */
export interface ProjectConfig {
  readonly title?: string;
  readonly question?: string;
  readonly method?: 'thematic-synthesis' | 'meta-ethnography' | 'framework' | string;
  readonly studies: string;
  readonly codebook: string;
  readonly reportDir: string;
  /** The folder of memo files (`memos`): every `.md` file under it is a memo, never a study. */
  readonly memos: string;
  readonly reviewers: readonly string[];
  readonly studyColumns: readonly string[];
  /** The review's bibliography file (`.bib`, CSL-JSON `.json` or `.ris`), review-relative. */
  readonly bibliography?: string;
  /** `apa`, `vancouver` or the review-relative path of a `.csl` style. */
  readonly citationStyle?: string;
  /** Search, criteria, screening counts and appraisal (see `protocol/protocol.ts`). */
  readonly protocol?: Protocol;
  /** GRADE-CERQual settings, from the project file's `cerqual:` mapping. */
  readonly cerqual: CerqualSettings;
  /** The study attribute the report's themes × attribute table groups by (`analysis: { attribute: … }`). */
  readonly analysisAttribute?: string;
}

/** The project file's `cerqual:` settings. */
export interface CerqualSettings {
  /** Study attributes whose spread the relevance data show (those no study has are left out). */
  readonly relevance: readonly string[];
  /**
   * The filter a study must pass to stay in the sensitivity analysis; the studies that
   * fail it are the ones the analysis leaves out (by default, CASP analysis or findings not yes).
   */
  readonly sensitivity: StudyFilter;
}
