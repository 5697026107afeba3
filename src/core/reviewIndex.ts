/**
 * The index of a review: studies, codebook, codes, themes, segments and problems,
 * with per-file update and removal so an editor can re-index one file on each change.
 * Which studies use which codes is kept up to date incrementally (`CodeUse`); everything
 * else is derived on demand from it and the studies.
 */
import { CodeUse } from './codeUse';
import { compareText } from './text/compareText';
import { DEFAULT_CERQUAL } from './cerqual/settings';
import type { Disposable } from './host';
import type { CerqualSettings, CodeDefinition, Codebook, Problem, Segment, Study, Theme } from './model';
import { filterStudies } from './filterMatch';
import type { Memo } from './memo/memo';
import { memoProblems } from './memo/memoLinks';
import { crossFileProblems, problemsOfStudy } from './problems';

/** What the index knows about one code. */
export interface CodeSummary {
  readonly name: string;
  /** Definitions in codebook order (several when filed under several themes). */
  readonly definitions: readonly CodeDefinition[];
  /** The first definition's text, or `''` when undefined. */
  readonly definition: string;
  /** Theme paths it is filed under. */
  readonly themes: ReadonlyArray<readonly string[]>;
  readonly segmentCount: number;
  readonly studyCount: number;
}

/** Counts shown by the status bar and printed by the CLI. */
export interface IndexSummary {
  readonly studies: number;
  readonly codes: number;
  readonly themes: number;
  readonly segments: number;
  readonly problems: { readonly error: number; readonly warning: number; readonly info: number };
}

/** What one update changed: study paths set or removed, and whether the codebook changed. */
export interface IndexChange {
  readonly paths: readonly string[];
  readonly codebook: boolean;
}

/** The list of a code no study uses: one object, so that it stays the same list until one does. */
const NO_SEGMENTS: readonly Segment[] = Object.freeze([]);

const EMPTY_CODEBOOK: Codebook = { path: 'codebook.md', themes: [], definitions: [], problems: [] };

/** The in-memory index of one review. */
export class ReviewIndex {
  private readonly studiesByPath = new Map<string, Study>();
  /** Memo files by path: indexed apart from studies, since a memo is never coded data. */
  private readonly memosByPath = new Map<string, Memo>();
  private sortedMemos: Memo[] | undefined;
  /**
   * Which studies use each code, as counts, not lists: the segments of each code are
   * gathered in one pass when first asked for (`segmentLists`).
   */
  private readonly codeUse = new CodeUse();
  private codebookValue: Codebook = EMPTY_CODEBOOK;
  /** The codebook's definitions by code name, built on first use (a filter per code was quadratic). */
  private definitionsByCode: Map<string, CodeDefinition[]> | undefined;
  private cerqualValue: CerqualSettings = DEFAULT_CERQUAL;
  private otherProblems: readonly Problem[] = [];
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private sortedStudies: Study[] | undefined;
  /** Studies by id, in path order; derived on demand, dropped on every change. */
  private studiesById: Map<string, Study[]> | undefined;
  /**
   * Segments by code, in study path order: built in one pass when first asked for, then
   * kept, except for the codes of a study that changes (typing drops a few lists, not all).
   */
  private segmentLists: Map<string, Segment[]> | undefined;

  /** The parsed codebook (empty when the review has none). */
  get codebook(): Codebook {
    return this.codebookValue;
  }

  /** Adds or replaces a study. */
  setStudy(study: Study): void {
    this.withoutStudy(study.path);
    this.studiesByPath.set(study.path, study);
    this.forgetSegmentLists(study);
    this.codeUse.add(study);
    this.changed({ paths: [study.path], codebook: false });
  }

  /** Removes a study (no-op when unknown). */
  removeStudy(path: string): void {
    if (this.withoutStudy(path)) this.changed({ paths: [path], codebook: false });
  }

  /** Adds or replaces a memo. */
  setMemo(memo: Memo): void {
    this.memosByPath.set(memo.path, memo);
    this.sortedMemos = undefined;
    this.changed({ paths: [memo.path], codebook: false });
  }

  /** Removes a memo (no-op when unknown). */
  removeMemo(path: string): void {
    if (!this.memosByPath.delete(path)) return;
    this.sortedMemos = undefined;
    this.changed({ paths: [path], codebook: false });
  }

  /** Memos sorted by path. */
  memos(): readonly Memo[] {
    this.sortedMemos ??= [...this.memosByPath.values()].sort((a, b) => compareText(a.path, b.path));
    return this.sortedMemos;
  }

  getMemo(path: string): Memo | undefined {
    return this.memosByPath.get(path);
  }

  setCodebook(codebook: Codebook | undefined): void {
    this.codebookValue = codebook ?? EMPTY_CODEBOOK;
    this.definitionsByCode = undefined;
    this.changed({ paths: [], codebook: true });
  }

  /** The project file's GRADE-CERQual settings, which the judgement checks use. */
  get cerqualSettings(): CerqualSettings {
    return this.cerqualValue;
  }

  /** Sets the GRADE-CERQual settings (from the project file); the codebook's problems follow them. */
  setCerqualSettings(settings: CerqualSettings): void {
    this.cerqualValue = settings;
    this.changed({ paths: [], codebook: true });
  }

  /** Problems that belong to no study or codebook (project file, unreadable files). */
  setOtherProblems(problems: readonly Problem[]): void {
    const paths = [...new Set([...this.otherProblems, ...problems].map((problem) => problem.path))];
    this.otherProblems = problems;
    this.changed({ paths, codebook: false });
  }

  /** Calls `listener` after every change with what changed; dispose to stop. */
  onDidUpdate(listener: (change: IndexChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Studies sorted by path. */
  studies(): readonly Study[] {
    this.sortedStudies ??= [...this.studiesByPath.values()].sort((a, b) => compareText(a.path, b.path));
    return this.sortedStudies;
  }

  getStudy(path: string): Study | undefined {
    return this.studiesByPath.get(path);
  }

  /**
   * Studies whose id is `id` (more than one is a duplicate-id error). Ids that differ
   * only in case or Unicode normalisation count as one: they name one file on macOS and
   * Windows, and readers cannot tell them apart in a report.
   */
  studiesWithId(id: string): Study[] {
    return this.byId().get(studyIdKey(id)) ?? [];
  }

  /** Paths of the studies whose id another study also has, in path order. */
  duplicateIdPaths(): string[] {
    return this.studies()
      .filter((study) => this.studiesWithId(study.id).length > 1)
      .map((study) => study.path);
  }

  private byId(): Map<string, Study[]> {
    if (!this.studiesById) {
      this.studiesById = new Map();
      for (const study of this.studies()) {
        const key = studyIdKey(study.id);
        const same = this.studiesById.get(key);
        if (same) same.push(study);
        else this.studiesById.set(key, [study]);
      }
    }
    return this.studiesById;
  }

  /** Studies whose attribute equals `value` (the filter language's `=`: any list element, ignoring case). */
  studiesWhere(attribute: string, value: string): Study[] {
    return filterStudies(this.studies(), { conditions: [{ key: attribute, operator: '=', values: [value] }] });
  }

  /** Every code: defined codes in codebook order, then undefined codes by name. */
  codes(): CodeSummary[] {
    const names = new Set(this.codebookValue.definitions.map((definition) => definition.code));
    const undefinedNames = [...this.codeUse.usedCodes()].filter((name) => !names.has(name)).sort(compareText);
    return [...names, ...undefinedNames].map((name) => this.getCode(name)!);
  }

  /** One code's summary, or `undefined` when neither defined nor used. */
  getCode(name: string): CodeSummary | undefined {
    const definitions = this.definitionsOf(name);
    const byStudy = this.codeUse.studiesOf(name);
    if (definitions.length === 0 && !byStudy) return undefined;
    let segmentCount = 0;
    for (const count of byStudy?.values() ?? []) segmentCount += count;
    return {
      name,
      definitions,
      definition: definitions[0]?.definition ?? '',
      themes: definitions.filter((definition) => definition.themePath.length > 0).map((definition) => definition.themePath),
      segmentCount,
      studyCount: byStudy?.size ?? 0,
    };
  }

  private definitionsOf(name: string): CodeDefinition[] {
    if (!this.definitionsByCode) {
      this.definitionsByCode = new Map();
      for (const definition of this.codebookValue.definitions) {
        const list = this.definitionsByCode.get(definition.code);
        if (list) list.push(definition);
        else this.definitionsByCode.set(definition.code, [definition]);
      }
    }
    return this.definitionsByCode.get(name) ?? [];
  }

  /** True when a code is used in at least one study. */
  isUsed(name: string): boolean {
    return this.codeUse.isUsed(name);
  }

  /** Segments coded with `code`, by study path then position (a copy the caller may change). */
  segmentsOf(code: string): Segment[] {
    return [...this.segmentListOf(code)];
  }

  /**
   * The index's own list of the segments coded with `code`, by study path then position:
   * read it, never change it. The same object until a study that uses the code, or comes
   * to, changes or goes (so a caller may key a cache on it).
   */
  segmentListOf(code: string): readonly Segment[] {
    if (!this.segmentLists) this.segmentLists = this.allSegmentLists();
    let list = this.segmentLists.get(code);
    if (!list) {
      const byStudy = this.codeUse.studiesOf(code);
      if (!byStudy) return NO_SEGMENTS;
      const paths = [...byStudy.keys()].sort(compareText);
      list = paths.flatMap((path) => this.studiesByPath.get(path)!.segments.filter((segment) => segment.codes.includes(code)));
      this.segmentLists.set(code, list);
    }
    return list;
  }

  /** Every segment of every study, by study path then position. */
  segments(): Segment[] {
    return this.studies().flatMap((study) => study.segments);
  }

  /** Top-level themes in codebook order. */
  themes(): readonly Theme[] {
    return this.codebookValue.themes;
  }

  /** Every theme, depth first in codebook order. */
  allThemes(): Theme[] {
    const out: Theme[] = [];
    const visit = (theme: Theme): void => {
      out.push(theme);
      theme.children.forEach(visit);
    };
    this.codebookValue.themes.forEach(visit);
    return out;
  }

  /** The codes of a theme and, by default, of all its sub-themes, without repeats. */
  codesOfTheme(theme: Theme, includeSubthemes = true): string[] {
    const codes = new Set(theme.codes);
    if (includeSubthemes) for (const child of theme.children) this.codesOfTheme(child).forEach((code) => codes.add(code));
    return [...codes];
  }

  /** Paths of the studies that contribute at least one segment to a theme. */
  studiesOfTheme(theme: Theme): string[] {
    const paths = new Set<string>();
    for (const code of this.codesOfTheme(theme)) for (const path of this.studyPathsOf(code)) paths.add(path);
    return [...paths].sort(compareText);
  }

  /** Paths of the studies that use a code, in no particular order (no segment is read). */
  studyPathsOf(code: string): string[] {
    return [...(this.codeUse.studiesOf(code)?.keys() ?? [])];
  }

  /** True when a segment of the study at `path` is coded with one of `codes` (no segment is read). */
  studyUsesAnyCode(path: string, codes: readonly string[]): boolean {
    return this.codeUse.studyUsesAny(path, codes);
  }

  /** Codes used in studies but defined nowhere in the codebook. */
  uncategorisedCodes(): string[] {
    return this.codes().filter((code) => code.definitions.length === 0).map((code) => code.name);
  }

  /** Codes defined in the codebook but used in no study. */
  unusedCodes(): string[] {
    return this.codes().filter((code) => code.definitions.length > 0 && code.segmentCount === 0).map((code) => code.name);
  }

  /** Problems of one file: its own, undefined codes and duplicate ids. */
  problemsOf(path: string): Problem[] {
    const study = this.studiesByPath.get(path);
    if (study) return problemsOfStudy(this, study);
    const memo = this.memosByPath.get(path);
    if (memo) return memoProblems(this, memo);
    if (path === this.codebookValue.path) return [...this.codebookValue.problems, ...crossFileProblems(this).filter((p) => p.path === path)];
    return this.otherProblems.filter((problem) => problem.path === path);
  }

  /** Every problem of the review, by path then position. */
  problems(): Problem[] {
    const all = [...this.otherProblems, ...this.codebookValue.problems, ...crossFileProblems(this)];
    for (const study of this.studies()) all.push(...problemsOfStudy(this, study));
    for (const memo of this.memos()) all.push(...memoProblems(this, memo));
    return all.sort((a, b) => compareText(a.path, b.path) || a.range.start - b.range.start || compareText(a.message, b.message));
  }

  summary(): IndexSummary {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const problem of this.problems()) counts[problem.severity]++;
    let segments = 0;
    for (const study of this.studies()) segments += study.segments.length;
    return { studies: this.studiesByPath.size, codes: this.codes().length, themes: this.allThemes().length, segments, problems: counts };
  }

  /** Every code's segments in one pass over the studies in path order (indexed loops: see codeUse.ts). */
  private allSegmentLists(): Map<string, Segment[]> {
    const lists = new Map<string, Segment[]>();
    const studies = this.studies();
    for (let at = 0; at < studies.length; at++) {
      const segments = studies[at].segments;
      for (let index = 0; index < segments.length; index++) {
        const segment = segments[index];
        const codes = segment.codes;
        for (let nth = 0; nth < codes.length; nth++) {
          const list = lists.get(codes[nth]);
          if (list) list.push(segment);
          else lists.set(codes[nth], [segment]);
        }
      }
    }
    return lists;
  }

  /** Drops the cached segment lists of the codes a study uses. */
  private forgetSegmentLists(study: Study): void {
    if (!this.segmentLists) return;
    for (const segment of study.segments) for (const code of segment.codes) this.segmentLists.delete(code);
  }

  private withoutStudy(path: string): boolean {
    const old = this.studiesByPath.get(path);
    if (!old) return false;
    this.studiesByPath.delete(path);
    this.forgetSegmentLists(old);
    this.codeUse.remove(path);
    return true;
  }

  private changed(change: IndexChange): void {
    this.sortedStudies = undefined;
    this.studiesById = undefined;
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** The key under which study ids are compared: NFC, case folded. */
function studyIdKey(id: string): string {
  return id.normalize('NFC').toLowerCase();
}
