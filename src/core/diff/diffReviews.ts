/**
 * The coding diff between two review indexes: what changed in the studies, the
 * codebook (themes and codes added, removed, renamed, moved, redefined), the coding of
 * each code (segments added and removed, matched by study and text, not by line) and
 * the codes of each study.
 */
import type { ReviewIndex } from '../reviewIndex';
import { compareText } from '../text/compareText';
import { DIFF_SCHEMA_VERSION, type CodeCodingChange, type CodebookChanges, type CodingDiff, type DiffSide, type SegmentRef, type StudyCodingChange, type StudyRef } from './diffModel';
import { matchCodeRenames, matchStudies, matchThemes, type ThemeMatch } from './matchRenames';
import { snapshotIndex, themeKey, type CodeSnapshot, type ReviewSnapshot, type SegmentEntry } from './snapshot';

/** The two sides' labels. */
export interface DiffSides {
  readonly from: DiffSide;
  readonly to: DiffSide;
}

/** Compares two indexes of the same review. */
export function diffIndexes(beforeIndex: ReviewIndex, afterIndex: ReviewIndex, sides: DiffSides): CodingDiff {
  const before = snapshotIndex(beforeIndex);
  const after = snapshotIndex(afterIndex);
  const studyMap = matchStudies(before, after);
  const codeRenames = matchCodeRenames(before, after, studyMap);
  const themes = matchThemes(before, after, codeRenames);
  return {
    version: DIFF_SCHEMA_VERSION,
    from: sides.from,
    to: sides.to,
    totals: {
      studies: { before: before.studies.size, after: after.studies.size },
      themes: { before: before.themes.length, after: after.themes.length },
      codes: { before: before.codes.size, after: after.codes.size },
      segments: { before: before.segmentCount, after: after.segmentCount },
    },
    studies: studyChanges(before, after, studyMap),
    codebook: codebookChanges(before, after, codeRenames, themes),
    codes: codingChanges(before, after, studyMap, codeRenames),
    studyCodes: studyCodeChanges(before, after, studyMap, codeRenames),
  };
}

function studyChanges(before: ReviewSnapshot, after: ReviewSnapshot, studyMap: ReadonlyMap<string, string>): CodingDiff['studies'] {
  const ref = (study: { id: string; path: string }): StudyRef => ({ id: study.id, path: study.path });
  const matchedAfter = new Set(studyMap.values());
  const renamed = [...studyMap]
    .map(([from, to]) => ({ from: ref(before.studies.get(from)!), to: ref(after.studies.get(to)!) }))
    .filter((pair) => pair.from.id !== pair.to.id || pair.from.path !== pair.to.path)
    .sort((a, b) => compareText(a.from.id, b.from.id));
  return {
    added: [...after.studies.values()].filter((study) => !matchedAfter.has(study.id)).map(ref).sort((a, b) => compareText(a.id, b.id)),
    removed: [...before.studies.values()].filter((study) => !studyMap.has(study.id)).map(ref).sort((a, b) => compareText(a.id, b.id)),
    renamed,
  };
}

function codebookChanges(before: ReviewSnapshot, after: ReviewSnapshot, codeRenames: ReadonlyMap<string, string>, themes: ThemeMatch): CodebookChanges {
  const survivingThemes = new Set([...themes.mapped.values()].map(themeKey));
  const entry = (code: CodeSnapshot) => ({ code: code.name, definition: code.definition, themes: code.themes });
  const afterName = (name: string): string => codeRenames.get(name) ?? name;
  const beforeName = new Map([...codeRenames].map(([from, to]) => [to, from]));
  const definedAfter = (name: string): boolean => after.codes.get(afterName(name))?.defined ?? false;
  const definedBefore = (name: string): boolean => before.codes.get(beforeName.get(name) ?? name)?.defined ?? false;
  const moved: Array<CodebookChanges['codesMoved'][number]> = [];
  const redefined: Array<CodebookChanges['definitionsChanged'][number]> = [];
  for (const old of before.codes.values()) {
    const current = after.codes.get(afterName(old.name));
    if (!old.defined || !current?.defined) continue;
    const oldThemes = old.themes.map((path) => themeKey(themes.mapped.get(themeKey(path)) ?? path)).sort();
    const newThemes = current.themes.map(themeKey).sort();
    if (oldThemes.join('\u0001') !== newThemes.join('\u0001')) moved.push({ code: current.name, from: old.themes, to: current.themes });
    if (squash(old.definition) !== squash(current.definition)) redefined.push({ code: current.name, from: old.definition, to: current.definition });
  }
  return {
    themesAdded: after.themes.filter((theme) => !survivingThemes.has(themeKey(theme.path))).map((theme) => theme.path),
    themesRemoved: before.themes.filter((theme) => !themes.mapped.has(themeKey(theme.path))).map((theme) => theme.path),
    themesRenamed: themes.renamed,
    codesAdded: [...after.codes.values()].filter((code) => code.defined && !definedBefore(code.name)).map(entry),
    codesRemoved: [...before.codes.values()].filter((code) => code.defined && !definedAfter(code.name)).map(entry),
    codesRenamed: [...codeRenames].map(([from, to]) => ({ from, to, segments: after.codes.get(to)!.segments.length })).sort((a, b) => compareText(a.from, b.from)),
    codesMoved: moved,
    definitionsChanged: redefined,
  };
}

function codingChanges(before: ReviewSnapshot, after: ReviewSnapshot, studyMap: ReadonlyMap<string, string>, codeRenames: ReadonlyMap<string, string>): CodeCodingChange[] {
  const beforeName = new Map([...codeRenames].map(([from, to]) => [to, from]));
  const changes: CodeCodingChange[] = [];
  const compare = (old: CodeSnapshot | undefined, current: CodeSnapshot | undefined): void => {
    const oldSegments = old?.segments ?? [];
    const newSegments = current?.segments ?? [];
    const oldKey = (segment: SegmentEntry): string => `${studyMap.get(segment.study) ?? `\u0002${segment.study}`}\u0000${segment.key}`;
    const newKey = (segment: SegmentEntry): string => `${segment.study}\u0000${segment.key}`;
    const added = unmatched(newSegments, newKey, oldSegments.map(oldKey));
    const removed = unmatched(oldSegments, oldKey, newSegments.map(newKey));
    if (added.length === 0 && removed.length === 0) return;
    changes.push({
      code: current?.name ?? old!.name,
      ...(old && current && old.name !== current.name ? { renamedFrom: old.name } : {}),
      segments: { before: oldSegments.length, after: newSegments.length },
      studies: { before: old?.studyCount ?? 0, after: current?.studyCount ?? 0 },
      added: added.map(toRef),
      removed: removed.map(toRef),
    });
  };
  for (const current of after.codes.values()) compare(before.codes.get(beforeName.get(current.name) ?? current.name), current);
  const gone = [...before.codes.values()].filter((code) => !after.codes.has(code.name) && !codeRenames.has(code.name));
  for (const old of gone.sort((a, b) => compareText(a.name, b.name))) compare(old, undefined);
  return changes;
}

/** The items whose key is not matched one-for-one by a key of `others`. */
function unmatched<T>(items: readonly T[], key: (item: T) => string, others: readonly string[]): T[] {
  const available = new Map<string, number>();
  for (const other of others) available.set(other, (available.get(other) ?? 0) + 1);
  return items.filter((item) => {
    const left = available.get(key(item)) ?? 0;
    if (left === 0) return true;
    available.set(key(item), left - 1);
    return false;
  });
}

function toRef(segment: SegmentEntry): SegmentRef {
  return { study: segment.study, path: segment.path, line: segment.line, excerpt: segment.excerpt, order: segment.order };
}

function studyCodeChanges(before: ReviewSnapshot, after: ReviewSnapshot, studyMap: ReadonlyMap<string, string>, codeRenames: ReadonlyMap<string, string>): StudyCodingChange[] {
  const changes: StudyCodingChange[] = [];
  const beforeOf = new Map([...studyMap].map(([from, to]) => [to, from]));
  const sorted = (set: Iterable<string>): string[] => [...set].sort(compareText);
  for (const study of after.studies.values()) {
    const old = beforeOf.has(study.id) ? before.studies.get(beforeOf.get(study.id)!) : undefined;
    const oldCodes = new Set([...(old?.codes ?? [])].map((code) => codeRenames.get(code) ?? code));
    const gained = sorted([...study.codes].filter((code) => !oldCodes.has(code)));
    const lost = sorted([...oldCodes].filter((code) => !study.codes.has(code)));
    if (gained.length + lost.length > 0) changes.push({ study: study.id, path: study.path, status: old ? 'changed' : 'added', gained, lost });
  }
  for (const old of before.studies.values()) {
    if (studyMap.has(old.id) || old.codes.size === 0) continue;
    changes.push({ study: old.id, path: old.path, status: 'removed', gained: [], lost: sorted(old.codes) });
  }
  return changes.sort((a, b) => compareText(a.study, b.study));
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
