/**
 * The result of an inter-coder agreement analysis, as printed by `qualsynth agreement
 * --format json` (schema version 1). Statistics are given twice: over every unit
 * (`all`), and without the units nobody coded with any code (`coded`), which keeps the
 * many uncoded paragraphs of a study from inflating agreement.
 */
import type { AgreementStatistics } from './statistics';

/** The schema version of the JSON output. */
export const AGREEMENT_SCHEMA_VERSION = 1;

/**
 * The unit of analysis: `block` — each paragraph, list item or blockquote paragraph is
 * coded or not with each code; `char` — each character of the plain text is.
 */
export type AgreementUnitKind = 'block' | 'char';

/** Statistics with and without the units nobody coded. */
export interface StatisticsPair {
  readonly all: AgreementStatistics;
  readonly coded: AgreementStatistics;
}

/** Agreement on one code (each unit: applied or not, by each coder). */
export interface CodeAgreement extends StatisticsPair {
  readonly code: string;
  /** Per coder (in coder order), units (blocks or characters) it applied the code to. */
  readonly applied: readonly number[];
}

/** A passage the coders coded differently: the agenda of a reconciliation meeting. */
export interface Disagreement {
  /** Stable id (`d` + 8 hex digits): the same passage and disputed codes give the same id on every run. */
  readonly id: string;
  readonly study: string;
  /** Path and 1-based line in the first coder's version that has the passage. */
  readonly path: string;
  readonly line: number;
  /** The block (block unit) or the disputed stretch of it (char unit), shortened. */
  readonly excerpt: string;
  /** Codes some coders applied here and others did not. */
  readonly codes: readonly string[];
  /** Per coder (in coder order): the codes it applied here, or `null` when its version lacks the passage. */
  readonly byCoder: ReadonlyArray<readonly string[] | null>;
}

/** Counts of the units compared. */
export interface UnitCounts {
  /** Every unit (blocks, or characters) found in at least one coder's version. */
  readonly total: number;
  /** Units at least one coder coded with some code. */
  readonly coded: number;
  /** Units missing from at least one coder's version (their text differs or the study is absent). */
  readonly incomplete: number;
}

/** The whole analysis. */
export interface AgreementReport {
  readonly version: typeof AGREEMENT_SCHEMA_VERSION;
  readonly unit: AgreementUnitKind;
  /** Coder names (revision names or folders), in the order given. */
  readonly coders: readonly string[];
  readonly units: UnitCounts;
  /** Every (unit, code) decision pooled into one binary variable. */
  readonly overall: StatisticsPair;
  /** Per code, by name. */
  readonly codes: readonly CodeAgreement[];
  /** By study, then line. */
  readonly disagreements: readonly Disagreement[];
}
