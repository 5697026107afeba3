/**
 * Recognises renames between two snapshots, so a renamed study, code or theme shows as
 * one rename rather than a removal plus an addition:
 * - a study that lost its id matches a new one with the same path, citation or most of
 *   the same coded passages;
 * - a code that disappeared matches a new one with (mostly) the same segments — same
 *   study, same text — or, when neither is used, the same definition;
 * - a theme heading that disappeared matches a new one under the same parent with
 *   mostly the same codes (its sub-themes' included) or the same description; its
 *   sub-themes follow it.
 */
import { compareText } from '../text/compareText';
import type { CodeSnapshot, ReviewSnapshot, StudySnapshot, ThemeSnapshot } from './snapshot';
import { themeKey } from './snapshot';

/** Least share of shared passages or segments (Jaccard index) to call two things the same. */
const SAME_CONTENT = 0.5;

/** Study id before → study id after, for every study present on both sides. */
export function matchStudies(before: ReviewSnapshot, after: ReviewSnapshot): Map<string, string> {
  const matched = new Map<string, string>();
  for (const id of before.studies.keys()) if (after.studies.has(id)) matched.set(id, id);
  const removed = [...before.studies.values()].filter((study) => !after.studies.has(study.id));
  const added = [...after.studies.values()].filter((study) => !before.studies.has(study.id));
  const pairs = removed.flatMap((old) => added.map((candidate) => ({ from: old.id, to: candidate.id, score: studySimilarity(old, candidate) })));
  for (const [from, to] of bestPairs(pairs)) matched.set(from, to);
  return matched;
}

function studySimilarity(a: StudySnapshot, b: StudySnapshot): number {
  if (a.path === b.path) return 3;
  if (a.citation && a.citation === b.citation) return 2;
  const overlap = jaccard(a.passages, b.passages);
  return overlap >= SAME_CONTENT ? 1 + overlap : 0;
}

/** The set of `study + text` keys of a code's segments, with study ids mapped to the after side. */
export function segmentKeys(code: CodeSnapshot, studyMap?: ReadonlyMap<string, string>): Set<string> {
  return new Set(code.segments.map((segment) => `${studyMap?.get(segment.study) ?? segment.study}\u0000${segment.key}`));
}

/** Code name before → code name after, for codes that were renamed. */
export function matchCodeRenames(before: ReviewSnapshot, after: ReviewSnapshot, studyMap: ReadonlyMap<string, string>): Map<string, string> {
  const gone = [...before.codes.values()].filter((code) => !after.codes.has(code.name));
  const arrived = [...after.codes.values()].filter((code) => !before.codes.has(code.name));
  const pairs = gone.flatMap((old) =>
    arrived.map((candidate) => ({ from: old.name, to: candidate.name, score: codeSimilarity(old, candidate, studyMap) })),
  );
  return bestPairs(pairs);
}

function codeSimilarity(old: CodeSnapshot, candidate: CodeSnapshot, studyMap: ReadonlyMap<string, string>): number {
  if (old.segments.length === 0 && candidate.segments.length === 0) {
    return old.definition.trim() !== '' && old.definition.trim() === candidate.definition.trim() ? 1 : 0;
  }
  const overlap = jaccard(segmentKeys(old, studyMap), segmentKeys(candidate));
  return overlap >= SAME_CONTENT ? overlap : 0;
}

/** How theme paths map across the two sides. */
export interface ThemeMatch {
  /** Theme key before → theme path after, for every theme that survived (renamed or not). */
  readonly mapped: ReadonlyMap<string, readonly string[]>;
  /** Themes whose own heading was retitled. */
  readonly renamed: ReadonlyArray<{ readonly from: readonly string[]; readonly to: readonly string[] }>;
}

/** Matches themes by path, following retitled headings down to their sub-themes. */
export function matchThemes(before: ReviewSnapshot, after: ReviewSnapshot, codeRenames: ReadonlyMap<string, string>): ThemeMatch {
  const afterByKey = new Map(after.themes.map((theme) => [themeKey(theme.path), theme]));
  const taken = new Set<string>();
  const mapped = new Map<string, readonly string[]>();
  const renamed: Array<{ from: readonly string[]; to: readonly string[] }> = [];
  // Parents come before their children in `themes` (depth first), so a parent's mapping is known.
  for (const theme of before.themes) {
    const parent = theme.path.slice(0, -1);
    const newParent = parent.length === 0 ? [] : mapped.get(themeKey(parent)) ?? parent;
    const samePlace = [...newParent, theme.path[theme.path.length - 1]];
    if (afterByKey.has(themeKey(samePlace)) && !taken.has(themeKey(samePlace))) {
      mapped.set(themeKey(theme.path), samePlace);
      taken.add(themeKey(samePlace));
      continue;
    }
    const retitled = after.themes.find(
      (candidate) =>
        !taken.has(themeKey(candidate.path)) &&
        !before.themes.some((old) => themeKey(old.path) === themeKey(candidate.path)) &&
        themeKey(candidate.path.slice(0, -1)) === themeKey(newParent) &&
        sameTheme(theme, candidate, codeRenames),
    );
    if (!retitled) continue;
    mapped.set(themeKey(theme.path), retitled.path);
    taken.add(themeKey(retitled.path));
    renamed.push({ from: theme.path, to: retitled.path });
  }
  return { mapped, renamed };
}

function sameTheme(old: ThemeSnapshot, candidate: ThemeSnapshot, codeRenames: ReadonlyMap<string, string>): boolean {
  const oldCodes = new Set(old.codes.map((code) => codeRenames.get(code) ?? code));
  if (oldCodes.size > 0 && jaccard(oldCodes, new Set(candidate.codes)) >= SAME_CONTENT) return true;
  return old.description !== '' && old.description === candidate.description;
}

/** Greedy one-to-one pairing, best score first; ties broken by name for determinism. */
function bestPairs(pairs: Array<{ from: string; to: string; score: number }>): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<string>();
  const ranked = pairs.filter((pair) => pair.score > 0).sort((a, b) => b.score - a.score || compareText(a.from, b.from) || compareText(a.to, b.to));
  for (const pair of ranked) {
    if (result.has(pair.from) || used.has(pair.to)) continue;
    result.set(pair.from, pair.to);
    used.add(pair.to);
  }
  return result;
}

/** |a ∩ b| / |a ∪ b|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
