/**
 * The three-way merge of codings on a merged text. Every version's codings are carried
 * onto that text; then a coding (a code on a passage, or on a block) is kept when both
 * sides have it or one side added it, and dropped when one side removed it and the
 * other left it alone. Span attributes merge per key. Where the sides truly disagree
 * (an attribute changed both ways, a span one side changed and the other removed), the
 * `prefer`red side's version is written: the study merge writes the merge twice, once
 * preferring each side, and marks where the two differ as a conflict.
 */
import type { OffsetMap } from './offsetMap';
import type { RenderBare, RenderSpan } from './renderStudy';
import type { BlockTagPart, SpanPart, StudyParts } from './studyParts';
import { splitCrossingSpans } from './crossingSpans';
import { braceText, mappedBare, pieceWith } from './pieces';

/** One version and where its plain text lies in the merged text. */
export interface MappedVersion {
  readonly parts: StudyParts;
  /** From this version's plain text to the merged text. */
  readonly map: OffsetMap;
}

/** The three versions of a study. */
export interface MergeVersions {
  readonly base: MappedVersion;
  readonly ours: MappedVersion;
  readonly theirs: MappedVersion;
}

/** What to write on the merged text. */
export interface MergedCodings {
  readonly spans: RenderSpan[];
  readonly bares: RenderBare[];
}

type Side = 'base' | 'ours' | 'theirs';

/** Order of the theirs side's pieces after all of ours' at one offset. */
const THEIRS_SEQ = 1e12;

interface MappedSpan {
  readonly side: Side;
  readonly part: SpanPart;
  readonly map: OffsetMap;
  readonly start: number;
  readonly end: number;
  /** Brace codes, then the codes of bare tags inside the passage. */
  readonly codes: readonly string[];
}

/** The codings of the three versions merged on the merged text, preferring one side where they conflict. */
export function mergeCodings(versions: MergeVersions, prefer: 'ours' | 'theirs'): MergedCodings {
  const spans: RenderSpan[] = [];
  for (const group of spanGroups(versions)) {
    const span = mergedSpan(group, prefer);
    if (span) spans.push(span);
  }
  return { spans: splitCrossingSpans(spans), bares: mergedBlockTags(versions) };
}

/** The same span in each version (any may be missing). */
interface SpanGroup {
  base?: MappedSpan;
  ours?: MappedSpan;
  theirs?: MappedSpan;
}

/** Spans matched across versions: same extent on the merged text, and a code or the attributes in common. */
function spanGroups(versions: MergeVersions): SpanGroup[] {
  const byExtent = new Map<string, { base: MappedSpan[]; ours: MappedSpan[]; theirs: MappedSpan[] }>();
  for (const side of ['base', 'ours', 'theirs'] as const) {
    for (const span of mappedSpans(side, versions[side])) {
      const key = `${span.start}:${span.end}`;
      let entry = byExtent.get(key);
      if (!entry) byExtent.set(key, (entry = { base: [], ours: [], theirs: [] }));
      entry[side].push(span);
    }
  }
  const groups: SpanGroup[] = [];
  for (const entry of byExtent.values()) {
    const here: SpanGroup[] = [];
    const freeBase = [...entry.base];
    for (const ours of entry.ours) here.push({ ours, base: take(freeBase, ours) });
    for (const base of freeBase) here.push({ base });
    for (const theirs of entry.theirs) {
      const group =
        here.find((item) => !item.theirs && item.base && matches(item.base, theirs)) ??
        here.find((item) => !item.theirs && !item.base && item.ours && compatible(item.ours.part.attributes, theirs.part.attributes));
      if (group) group.theirs = theirs;
      else here.push({ theirs });
    }
    groups.push(...here);
  }
  return groups;
}

function mappedSpans(side: Side, version: MappedVersion): MappedSpan[] {
  const out: MappedSpan[] = [];
  for (const part of version.parts.spans) {
    if (!version.map.keeps(part.start, part.end)) continue;
    const codes = [...new Set([...part.braceCodes, ...part.inner.flatMap((bare) => bare.tags.map((tag) => tag.code))])];
    out.push({ side, part, map: version.map, start: version.map.start(part.start), end: version.map.end(part.end), codes });
  }
  return out;
}

/** Removes and returns the base span that `span` continues. */
function take(candidates: MappedSpan[], span: MappedSpan): MappedSpan | undefined {
  const index = candidates.findIndex((candidate) => matches(candidate, span));
  return index === -1 ? undefined : candidates.splice(index, 1)[0];
}

function matches(base: MappedSpan, other: MappedSpan): boolean {
  return base.codes.some((code) => other.codes.includes(code)) || sameAttributes(base.part.attributes, other.part.attributes);
}

/** The merged span of a group, or `undefined` when no code is left on it. */
function mergedSpan(group: SpanGroup, prefer: 'ours' | 'theirs'): RenderSpan | undefined {
  const codes = mergedCodes(group);
  const preferred = group[prefer];
  if (codes.length === 0) {
    // Changed on the preferred side, removed on the other: that side's span, as it is.
    return preferred && changedFromBase(preferred, group.base) ? written(preferred, preferred.codes, preferred.part.attributes) : undefined;
  }
  const source = group.ours ?? group.theirs!;
  return written(source, codes, mergedAttributes(group, prefer));
}

function mergedCodes(group: SpanGroup): string[] {
  const has = (span: MappedSpan | undefined, code: string): boolean => span?.codes.includes(code) === true;
  const all = [...(group.ours?.codes ?? []), ...(group.theirs?.codes ?? []), ...(group.base?.codes ?? [])];
  return [...new Set(all)].filter((code) => keepCoding(has(group.base, code), has(group.ours, code), has(group.theirs, code)));
}

/** The three-way rule for one coding: kept when both sides have it, or one side added it. */
export function keepCoding(inBase: boolean, inOurs: boolean, inTheirs: boolean): boolean {
  return (inOurs && inTheirs) || (inOurs && !inBase) || (inTheirs && !inBase);
}

/** Attributes merged per key; a key changed differently on both sides takes the preferred side's value. */
function mergedAttributes(group: SpanGroup, prefer: 'ours' | 'theirs'): Record<string, string> {
  const base = group.base?.part.attributes ?? {};
  const view = (span: MappedSpan | undefined): Readonly<Record<string, string>> => span?.part.attributes ?? base;
  const ours = view(group.ours);
  const theirs = view(group.theirs);
  const merged: Record<string, string> = {};
  for (const key of new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])) {
    const [o, a, b] = [base[key], ours[key], theirs[key]];
    const value = a === b ? a : a === o ? b : b === o ? a : prefer === 'ours' ? a : b;
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

function changedFromBase(span: MappedSpan, base: MappedSpan | undefined): boolean {
  return !base || !sameCodes(span.codes, base.codes) || !sameAttributes(span.part.attributes, base.part.attributes);
}

/** A span written from `source`: its own syntax when nothing changed, else braces written anew. */
function written(source: MappedSpan, codes: readonly string[], attributes: Readonly<Record<string, string>>): RenderSpan {
  const seq = source.side === 'theirs' ? THEIRS_SEQ + source.part.seq : source.part.seq;
  const base = { start: source.start, end: source.end, seq };
  if (sameCodes(codes, source.codes) && sameAttributes(attributes, source.part.attributes)) {
    const inner = source.part.inner.map((bare) => mappedBare(bare, source.map, seq, source.start, source.end));
    return { ...base, close: source.part.close, inner };
  }
  return { ...base, close: braceText(codes, attributes), inner: [] };
}

/** Block tags: each (block, code) merged three-way; ours' pieces written first, then what only theirs adds. */
function mergedBlockTags(versions: MergeVersions): RenderBare[] {
  const blockOf = sameBlocks(versions);
  const present = { base: blockCodings(versions.base, blockOf), ours: blockCodings(versions.ours, blockOf), theirs: blockCodings(versions.theirs, blockOf) };
  const kept = (key: string): boolean => keepCoding(present.base.has(key), present.ours.has(key), present.theirs.has(key));
  const written = new Set<string>();
  const bares: RenderBare[] = [];
  for (const side of ['ours', 'theirs'] as const) {
    const version = versions[side];
    for (const part of version.parts.blockTags) {
      const block = blockOf(version, part);
      if (block === undefined) continue;
      const text = pieceWith(part, (code) => {
        const key = `${block}:${code}`;
        if (!kept(key) || written.has(key)) return false;
        written.add(key);
        return true;
      });
      if (text !== undefined) bares.push(mappedBare({ ...part, text }, version.map, side === 'theirs' ? THEIRS_SEQ + part.seq : part.seq));
    }
  }
  return bares;
}

/**
 * Which block of the merged text a block tag codes: blocks of the three versions whose
 * extents overlap on the merged text are one block (a word added at a paragraph's start
 * on one side moves where it starts, not which paragraph it is). `undefined` when the
 * block's text is gone.
 */
function sameBlocks(versions: MergeVersions): (version: MappedVersion, part: BlockTagPart) => number | undefined {
  const extents: Array<[number, number]> = [];
  for (const version of [versions.base, versions.ours, versions.theirs]) {
    for (const part of version.parts.blockTags) {
      if (version.map.keeps(part.blockStart, part.blockEnd)) extents.push([version.map.start(part.blockStart), Math.max(version.map.end(part.blockEnd), version.map.start(part.blockStart) + 1)]);
    }
  }
  extents.sort((a, b) => a[0] - b[0]);
  const clusters: Array<[number, number]> = [];
  for (const [start, end] of extents) {
    const last = clusters[clusters.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else clusters.push([start, end]);
  }
  return (version, part) => {
    if (!version.map.keeps(part.blockStart, part.blockEnd)) return undefined;
    const start = version.map.start(part.blockStart);
    return clusters.find(([from, to]) => start >= from && start < to)?.[0];
  };
}

/** The (block, code) pairs of a version's block tags. */
function blockCodings(version: MappedVersion, blockOf: (version: MappedVersion, part: BlockTagPart) => number | undefined): Set<string> {
  const keys = new Set<string>();
  for (const part of version.parts.blockTags) {
    const block = blockOf(version, part);
    if (block !== undefined) for (const tag of part.tags) keys.add(`${block}:${tag.code}`);
  }
  return keys;
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code) => b.includes(code));
}

function sameAttributes(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** True when no key has different values in the two attribute sets. */
function compatible(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  return Object.keys(a).every((key) => b[key] === undefined || b[key] === a[key]);
}
