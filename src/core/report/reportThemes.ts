/**
 * The theme sections of the report, in codebook order: each theme's description and
 * counts, and each code's definition, counts and excerpts; plus which studies
 * contribute to each theme (for the matrix and the CERQual table).
 */
import type { Segment, Theme } from '../model';
import { segmentCount, type Evidence } from './evidence';
import type { ExcerptContext } from './excerptContext';
import { selectExcerpts, toExcerpt, type Excerpt } from './excerpts';
import type { ReportMemo, ReportMemoLookup } from './reportMemos';

/** One code's section. */
export interface ReportCode {
  readonly name: string;
  /** The definition filed under this theme (or the first one), `''` when undefined. */
  readonly definition: string;
  readonly segmentCount: number;
  readonly studyCount: number;
  readonly firstOrder: number;
  readonly secondOrder: number;
  readonly excerpts: readonly Excerpt[];
  /** Segments left out by the excerpt limit. */
  readonly omitted: number;
  /** Memos about the code: the reviewers' interpretation, printed at the end of the section. */
  readonly memos: readonly ReportMemo[];
}

/** One theme's section. */
export interface ReportTheme {
  readonly title: string;
  /** Heading titles from the top-level theme down to this one. */
  readonly path: readonly string[];
  /** Nesting level: 1 for a top-level theme. */
  readonly level: number;
  /** Description paragraphs. */
  readonly description: readonly string[];
  /** Studies and segments of the theme's codes and its sub-themes' codes. */
  readonly studyCount: number;
  readonly segmentCount: number;
  readonly codes: readonly ReportCode[];
  readonly children: readonly ReportTheme[];
  /** The kind the codebook gives the theme (`Kind:`), when it does. */
  readonly kind?: Theme['kind'];
  /** Memos about the theme, printed after its codes. */
  readonly memos: readonly ReportMemo[];
}

/** How code sections are built. */
export interface CodeSectionOptions {
  readonly excerptLimit: number;
  /** The path from the report folder to the review root, prefixed to excerpt links. */
  readonly linkBase: string;
  /** How far excerpts reach around the coded words (default: the words only). */
  readonly excerptContext?: ExcerptContext;
  /** The memos of codes and themes (none when absent). */
  readonly memos?: ReportMemoLookup;
}

/** Per theme (sub-themes included): contributing study paths in citation order, and segment count. */
export type ThemeCoverage = ReadonlyMap<Theme, { readonly studies: readonly string[]; readonly segments: number }>;

/**
 * Computes every theme's coverage in one pass over the segments: each segment counts
 * once for every theme (and ancestor) of its codes, each study once per theme.
 */
export function themeCoverage(themes: readonly Theme[], evidence: Evidence): ThemeCoverage {
  const all: Theme[] = [];
  const themesOfCode = new Map<string, number[]>();
  const visit = (theme: Theme, ancestors: readonly number[]): void => {
    const here = [...ancestors, all.push(theme) - 1];
    for (const code of theme.codes) {
      const list = themesOfCode.get(code) ?? [];
      for (const index of here) if (!list.includes(index)) list.push(index);
      themesOfCode.set(code, list);
    }
    for (const child of theme.children) visit(child, here);
  };
  themes.forEach((theme) => visit(theme, []));
  const studies = all.map((): string[] => []);
  const segments = all.map(() => 0);
  const seenBySegment = all.map(() => -1);
  evidence.segments.forEach((segment, number) => {
    for (const code of evidence.reportedCodes(segment)) {
      for (const index of themesOfCode.get(code) ?? []) {
        if (seenBySegment[index] === number) continue;
        seenBySegment[index] = number;
        segments[index]++;
        const list = studies[index];
        if (list[list.length - 1] !== segment.path) list.push(segment.path);
      }
    }
  });
  return new Map(all.map((theme, index) => [theme, { studies: studies[index], segments: segments[index] }]));
}

/** Builds the theme sections. */
export function reportThemes(themes: readonly Theme[], evidence: Evidence, coverage: ThemeCoverage, options: CodeSectionOptions): ReportTheme[] {
  const build = (theme: Theme, level: number): ReportTheme => ({
    title: theme.title,
    path: theme.path,
    level,
    description: theme.description ? theme.description.split('\n\n') : [],
    studyCount: coverage.get(theme)?.studies.length ?? 0,
    segmentCount: coverage.get(theme)?.segments ?? 0,
    codes: theme.codes.map((code) => reportCode(code, evidence, options, theme.path)),
    // Before the children: the theme's memos print after its codes, ahead of its sub-themes.
    memos: options.memos?.theme(theme.path) ?? [],
    children: theme.children.map((child) => build(child, level + 1)),
    ...(theme.kind ? { kind: theme.kind } : {}),
  });
  return themes.map((theme) => build(theme, 1));
}

/** Builds one code's section; `themePath` picks the definition filed under that theme. */
export function reportCode(name: string, evidence: Evidence, options: CodeSectionOptions, themePath?: readonly string[]): ReportCode {
  const definitions = evidence.definitions.get(name) ?? [];
  const definition = definitions.find((candidate) => themePath !== undefined && samePath(candidate.themePath, themePath)) ?? definitions[0];
  const byStudy = evidence.segmentsByCode.get(name) ?? new Map<string, readonly Segment[]>();
  const total = segmentCount(evidence, name);
  let firstOrder = 0;
  for (const list of byStudy.values()) for (const segment of list) if (segment.order === 'first') firstOrder++;
  const shown = selectExcerpts(byStudy, options.excerptLimit);
  return {
    name,
    definition: definition?.definition ?? '',
    segmentCount: total,
    studyCount: byStudy.size,
    firstOrder,
    secondOrder: total - firstOrder,
    excerpts: shown.map((segment) => toExcerpt(segment, evidence.citations.get(segment.path) ?? segment.path, options.linkBase, options.excerptContext)),
    omitted: total - shown.length,
    memos: options.memos?.code(name) ?? [],
  };
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}
