/**
 * The merge of three versions of a study file (base, ours, theirs): the plain texts
 * are merged by git's line merge; the codings of all three are carried onto the merged
 * text and merged three-way; the file is written back with every untouched piece of
 * syntax as it was. Where the text conflicts, or the codings truly disagree, the
 * result holds git-style conflict markers around those lines only.
 */
import { mergeCodings, type MergeVersions } from './codingMerge';
import { withConflictMarkers, type ConflictLabels, type MergedText } from './conflictMarkers';
import { resolveChunks, type LineMerge } from './lineMerge';
import { OffsetMap, type ChangedLines } from './offsetMap';
import { renderStudy } from './renderStudy';
import { splitStudy, type StudyParts } from './studyParts';

/** Options of a study merge. */
export interface StudyMergeOptions {
  readonly labels?: ConflictLabels;
}

/** The three versions taken apart. */
interface ThreeParts {
  readonly base: StudyParts;
  readonly ours: StudyParts;
  readonly theirs: StudyParts;
}

/** Thrown when a merged writing does not read back as intended (the caller falls back to a line merge). */
export class MergeCheckError extends Error {}

const BOM = '\uFEFF';

/** Merges three versions of a study (texts as decoded, BOM allowed). */
export async function mergeStudy(base: string, ours: string, theirs: string, lineMerge: LineMerge, options: StudyMergeOptions = {}): Promise<MergedText> {
  const parts: ThreeParts = { base: splitStudy(withoutBom(base)), ours: splitStudy(withoutBom(ours)), theirs: splitStudy(withoutBom(theirs)) };
  const chunks = await lineMerge(parts.base.plain, parts.ours.plain, parts.theirs.plain);
  const oursWriting = writeMerge(parts, resolveChunks(chunks, 'ours'), 'ours');
  const theirsWriting = writeMerge(parts, resolveChunks(chunks, 'theirs'), 'theirs');
  const merged = withConflictMarkers(oursWriting, theirsWriting, options.labels);
  return { text: (mergedBom(base, ours, theirs) ? BOM : '') + merged.text, conflicts: merged.conflicts };
}

/**
 * The merge written on one resolution of the text, preferring `prefer` where codings
 * conflict. A passage the preferred side coded that the other side deleted is put back
 * (in this writing only), so the two writings differ there and it becomes a conflict.
 */
function writeMerge(parts: ThreeParts, text: string, prefer: 'ours' | 'theirs'): string {
  let merged = text;
  let versions = mappedVersions(parts, merged);
  for (let round = 0; round < 3; round++) {
    const lost = lostAdditions(parts, versions, prefer);
    if (lost.length === 0) break;
    merged = putBack(merged, parts[prefer].plain, lost);
    versions = mappedVersions(parts, merged);
  }
  const codings = mergeCodings(versions, prefer);
  const written = renderStudy(merged, codings.spans, codings.bares);
  checkWriting(written, merged, parts);
  return written;
}

function mappedVersions(parts: ThreeParts, merged: string): MergeVersions {
  return {
    base: { parts: parts.base, map: new OffsetMap(parts.base.plain, merged) },
    ours: { parts: parts.ours, map: new OffsetMap(parts.ours.plain, merged) },
    theirs: { parts: parts.theirs, map: new OffsetMap(parts.theirs.plain, merged) },
  };
}

/** The changed regions holding codings the side added (not in base) whose text the merged text lost. */
function lostAdditions(parts: ThreeParts, versions: MergeVersions, side: 'ours' | 'theirs'): ChangedLines[] {
  const own = parts[side];
  const map = versions[side].map;
  const fromBase = new OffsetMap(parts.base.plain, own.plain);
  const baseSpans = new Set(parts.base.spans.map((span) => `${fromBase.start(span.start)}:${fromBase.end(span.end)}:${[...span.braceCodes].sort().join(' ')}`));
  const baseBlocks = new Set(parts.base.blockTags.flatMap((part) => part.tags.map((tag) => `${fromBase.start(part.blockStart)}:${tag.code}`)));
  const lost: ChangedLines[] = [];
  for (const span of own.spans) {
    if (map.keeps(span.start, span.end) || baseSpans.has(`${span.start}:${span.end}:${[...span.braceCodes].sort().join(' ')}`)) continue;
    lost.push(...map.changedAround(span.start, span.end));
  }
  for (const part of own.blockTags) {
    if (map.keeps(part.blockStart, part.blockEnd) || part.tags.every((tag) => baseBlocks.has(`${part.blockStart}:${tag.code}`))) continue;
    lost.push(...map.changedAround(part.blockStart, part.blockEnd));
  }
  return [...new Map(lost.map((region) => [`${region.fromStart}:${region.toStart}`, region])).values()].sort((a, b) => a.toStart - b.toStart);
}

/** The merged text with the given changed regions put back as the side had them. */
function putBack(merged: string, own: string, regions: readonly ChangedLines[]): string {
  let text = merged;
  for (const region of [...regions].reverse()) text = text.slice(0, region.toStart) + own.slice(region.fromStart, region.fromEnd) + text.slice(region.toEnd);
  return text;
}

/** The writing must read back as the merged text, with no span error the versions did not have. */
function checkWriting(written: string, merged: string, parts: ThreeParts): void {
  const again = splitStudy(written);
  if (again.plain !== merged) throw new MergeCheckError('the merged codings do not read back as the merged text');
  if (again.errorCount > Math.max(parts.base.errorCount, parts.ours.errorCount, parts.theirs.errorCount)) {
    throw new MergeCheckError('the merged codings would make a span malformed');
  }
}

function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** The BOM merged like any change: kept or dropped as the side that changed it did. */
function mergedBom(base: string, ours: string, theirs: string): boolean {
  const [o, a, b] = [base, ours, theirs].map((text) => text.startsWith(BOM));
  return a === b ? a : a === o ? b : a;
}
