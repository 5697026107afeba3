/**
 * Which studies use which codes, and how many of a study's segments carry each: the
 * review index's bookkeeping of code use, kept per study as studies are set and removed.
 */
import type { Study } from './model';

// Indexed loops and Map.forEach on the load path (segmentCounts, add): their for-of loops
// left an iterator result object per step (~22 MB over the 1,000-study bench review) that
// V8 did not optimise away.

/** How many of a study's segments carry each code. */
function segmentCounts(study: Study): Map<string, number> {
  const counts = new Map<string, number>();
  const segments = study.segments;
  for (let at = 0; at < segments.length; at++) {
    const codes = segments[at].codes;
    for (let index = 0; index < codes.length; index++) counts.set(codes[index], (counts.get(codes[index]) ?? 0) + 1);
  }
  return counts;
}

/** Files one study's code counts under each of its codes. */
function addStudyCounts(byCode: Map<string, Map<string, number>>, path: string, counts: ReadonlyMap<string, number>): void {
  for (const [code, count] of counts) {
    let byStudy = byCode.get(code);
    if (!byStudy) byCode.set(code, (byStudy = new Map()));
    byStudy.set(path, count);
  }
}

/** Counts one more study for each of its codes. */
function addStudyCount(studyCounts: Map<string, number>, counts: ReadonlyMap<string, number>): void {
  counts.forEach((_, code) => studyCounts.set(code, (studyCounts.get(code) ?? 0) + 1));
}

/** The codes the review's studies use: per study, per code, and inverted when asked for. */
export class CodeUse {
  /** study path → code → how many of that study's segments carry it. */
  private readonly countsByStudy = new Map<string, Map<string, number>>();
  /**
   * code → how many studies use it, for the list of used codes: built when first asked
   * for, then kept on every change. Not built while a review loads: `check` only asks
   * whether the codebook's codes are used, which a scan of the studies answers (a used
   * code is mostly met in the first few), and counting every study's codes into it cost
   * ~100,000 lookups of code names each study holds its own copy of.
   */
  private studyCountValue: Map<string, number> | undefined;
  /**
   * code → study path → segment count, the inverse of `countsByStudy`: built when first
   * asked for, then kept on every change. Not built while a review loads: its ~100,000
   * (code, study) entries were a tenth of `qualsynth check`, which needs none.
   */
  private byCodeValue: Map<string, Map<string, number>> | undefined;

  /** Counts a study's codes (the study must not be counted already: `remove` it first). */
  add(study: Study): void {
    const counts = segmentCounts(study);
    this.countsByStudy.set(study.path, counts);
    if (this.studyCountValue) addStudyCount(this.studyCountValue, counts);
    if (this.byCodeValue) addStudyCounts(this.byCodeValue, study.path, counts);
  }

  /** Forgets the study at `path`, if it was counted. */
  remove(path: string): void {
    const counts = this.countsByStudy.get(path);
    if (!counts) return;
    this.countsByStudy.delete(path);
    for (const code of counts.keys()) {
      const studies = this.studyCountValue?.get(code);
      if (studies === 1) this.studyCountValue!.delete(code);
      else if (studies !== undefined) this.studyCountValue!.set(code, studies - 1);
      const byStudy = this.byCodeValue?.get(code);
      byStudy?.delete(path);
      if (byStudy?.size === 0) this.byCodeValue!.delete(code);
    }
  }

  /** True when at least one study uses `code`. */
  isUsed(code: string): boolean {
    if (this.studyCountValue) return this.studyCountValue.has(code);
    for (const counts of this.countsByStudy.values()) if (counts.has(code)) return true;
    return false;
  }

  /** True when a segment of the study at `path` carries one of `codes` (read from its counts: no segment is walked). */
  studyUsesAny(path: string, codes: readonly string[]): boolean {
    const counts = this.countsByStudy.get(path);
    if (!counts) return false;
    for (let at = 0; at < codes.length; at++) if (counts.has(codes[at])) return true;
    return false;
  }

  /** Every code some study uses, in no particular order. */
  usedCodes(): IterableIterator<string> {
    return this.studyCounts().keys();
  }

  /** study path → segment count of the studies that use `code`, or `undefined` when none does. */
  studiesOf(code: string): ReadonlyMap<string, number> | undefined {
    return this.isUsed(code) ? this.byCode().get(code) : undefined;
  }

  private studyCounts(): Map<string, number> {
    if (!this.studyCountValue) {
      const studyCounts = (this.studyCountValue = new Map());
      this.countsByStudy.forEach((counts) => addStudyCount(studyCounts, counts));
    }
    return this.studyCountValue;
  }

  private byCode(): Map<string, Map<string, number>> {
    if (!this.byCodeValue) {
      this.byCodeValue = new Map();
      for (const [path, counts] of this.countsByStudy) addStudyCounts(this.byCodeValue, path, counts);
    }
    return this.byCodeValue;
  }
}
