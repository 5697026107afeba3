/**
 * Auto-coding the hits of a text search as one edit: each hit's unit — the matched
 * words, their sentence, or their block — gets the codes. A unit that is already an
 * existing span's passage gets the codes in that span's braces (never a second span
 * around the same words); a unit inside a passage that already has a code is left
 * alone for it (so auto-coding twice changes nothing the second time); a block unit
 * gets a block tag at the block's end. Span units are planned by Code Selection's own
 * planner, which never puts a bracket inside code, a link destination or a tag, and
 * every study's edit is applied and read back (`checkCoding`) before it is returned:
 * nothing but the new tags may change. A study whose text is not the one searched is
 * refused, as the refactorings refuse a document changed while they were prepared.
 */
import { isValidCodeName } from '../syntax/codeName';
import { checkCoding } from '../edits/codingCheck';
import { CodeSelectionError, codingEdits, type CodingTarget } from '../edits/codeSelection';
import { planInStudy, studyToCode, type StudyToCode } from '../edits/codingTarget';
import { editSequence } from '../edits/editSequence';
import type { TextEdit } from '../edits/textEdit';
import type { Study } from '../model';
import { readerText, type ReaderText } from './readerText';
import type { SearchHit, SearchResult } from './searchStudies';
import { sentenceAround } from './sentences';

/** What a hit's codes are applied to. */
export type AutocodeUnit = 'match' | 'sentence' | 'block';

/** The units `--unit` and the picker offer, in order. */
export const AUTOCODE_UNITS: readonly AutocodeUnit[] = ['match', 'sentence', 'block'];

/** A hit that was not coded, and why. */
export interface AutocodeSkip {
  readonly hit: SearchHit;
  readonly reason: string;
}

/** The edit that codes the hits, and what it does. */
export interface AutocodePlan {
  /** Edits of the texts searched, every study's in one list (one workspace edit). */
  readonly edits: TextEdit[];
  /** Passages that get a code (for several codes, the most any one code gets). */
  readonly passages: number;
  /** Studies the edits change. */
  readonly studies: number;
  /** Hits whose unit already had every code. */
  readonly alreadyCoded: number;
  readonly skipped: AutocodeSkip[];
}

/** Auto-coding that cannot be done at all; the message says why and what to do. */
export class AutocodeError extends Error {
  override readonly name = 'AutocodeError';
}

/**
 * The edits that code `hits` (of `result`) with `codes` at `unit`, made on the texts
 * in `current` (each study's text now). Throws `AutocodeError` for an invalid code
 * name or when a study's text is not the one searched.
 */
export function autocodeEdits(result: SearchResult, hits: readonly SearchHit[], current: ReadonlyMap<string, string>, codes: readonly string[], unit: AutocodeUnit): AutocodePlan {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) throw new AutocodeError('Name at least one code to apply.');
  const invalid = wanted.find((code) => !isValidCodeName(code));
  if (invalid !== undefined) throw new AutocodeError(`\`${invalid}\` is not a valid code name: start with a letter; use letters, digits, _, -, . and / between levels.`);
  const byPath = groupByPath(hits);
  const stale = [...byPath.keys()].filter((path) => current.get(path) === undefined || current.get(path) !== result.texts.get(path));
  if (stale.length > 0) throw new AutocodeError(`${stale.join(', ')} changed since the search, so nothing was coded: search again, then code the hits.`);
  const edits: TextEdit[] = [];
  const skipped = new Map<SearchHit, string>();
  let passages = 0;
  let alreadyCoded = 0;
  let studies = 0;
  for (const [path, studyHits] of byPath) {
    const counts = new Map<string, StudyCoding>();
    const steps = wanted.map((code) => (text: string): TextEdit[] => {
      const coding = codeStudy(path, text, studyHits, code, unit);
      counts.set(code, coding);
      return coding.edits;
    });
    const studyEdits = editSequence(path, current.get(path)!, steps);
    const codings = [...counts.values()];
    passages += Math.max(0, ...codings.map((coding) => coding.passages));
    for (const hit of studyHits) {
      if (codings.every((coding) => coding.covered.has(hit))) alreadyCoded++;
      const reason = codings.map((coding) => coding.skipped.get(hit)).find((found) => found !== undefined);
      if (reason !== undefined) skipped.set(hit, reason);
    }
    if (studyEdits.length > 0) studies++;
    edits.push(...studyEdits);
  }
  return { edits, passages, studies, alreadyCoded, skipped: [...skipped].map(([hit, reason]) => ({ hit, reason })) };
}

/** What coding one study with one code does. */
interface StudyCoding {
  readonly edits: TextEdit[];
  passages: number;
  /** Hits whose unit already has the code. */
  readonly covered: Set<SearchHit>;
  readonly skipped: Map<SearchHit, string>;
}

/** A unit of a hit, in file offsets of the text being coded. */
interface UnitRange {
  readonly start: number;
  readonly end: number;
}

/** One unit to code: its range, and the hits in it with their matches' ranges in the text being coded. */
interface Unit {
  readonly range: UnitRange;
  readonly hits: SearchHit[];
  readonly matches: UnitRange[];
}

/** Codes one study's hits with one code; `text` may already hold earlier codes' tags. */
function codeStudy(path: string, text: string, hits: readonly SearchHit[], code: string, unit: AutocodeUnit): StudyCoding {
  const reader = readerText(text);
  const reading = studyToCode(path, text);
  const study = reading.study;
  const coding: StudyCoding = { edits: [], passages: 0, covered: new Set(), skipped: new Map() };
  const units = new Map<string, Unit>();
  for (const hit of hits) {
    const range = unitRange(reader, hit, unit);
    const [matchStart, matchEnd] = reader.fileRange(hit.readerStart, hit.readerEnd);
    if (hasCode(study, code, range)) coding.covered.add(hit);
    else if (unit === 'block' && reader.blocks[hit.block].kind === 'tableRow') coding.skipped.set(hit, 'a table row cannot take a block tag: code it by match or sentence.');
    else {
      const key = `${range.start}:${range.end}`;
      const found = units.get(key) ?? { range, hits: [], matches: [] };
      found.hits.push(hit);
      found.matches.push({ start: matchStart, end: matchEnd });
      units.set(key, found);
    }
  }
  const ordered = [...units.values()].sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const edits = unit === 'block' ? blockTagEdits(path, study, text, ordered, code, coding) : spanEdits(path, reading, ordered, code, coding);
  return { ...coding, edits };
}

/**
 * Wraps each unit in a span (or adds the code to the span that is the unit), as Code
 * Selection does. The study is read once and all its passages proven at once; only
 * when that proof fails is each passage planned and proven on its own (ten times slower).
 */
function spanEdits(path: string, reading: StudyToCode, units: readonly Unit[], code: string, coding: StudyCoding): TextEdit[] {
  const quick: StudyCoding = { ...coding, covered: new Set(coding.covered), skipped: new Map(coding.skipped) };
  const edits = spanEditsOf(reading, units, code, quick, false);
  if (edits !== undefined) {
    for (const hit of quick.covered) coding.covered.add(hit);
    for (const [hit, reason] of quick.skipped) coding.skipped.set(hit, reason);
    coding.passages = quick.passages;
    return edits;
  }
  const proven = spanEditsOf(reading, units, code, coding, true);
  if (proven === undefined) throw new AutocodeError(`${path}: nothing was coded: the new spans would change other coding.`);
  return proven;
}

/** The span edits of the units; `undefined` when together they would change anything else. */
function spanEditsOf(reading: StudyToCode, units: readonly Unit[], code: string, coding: StudyCoding, prove: boolean): TextEdit[] | undefined {
  const { study, text } = reading;
  const targets: CodingTarget[] = [];
  for (const { range, hits, matches } of units) {
    let target: CodingTarget | undefined;
    try {
      const whole = enclosingSpans(study, range);
      target = planInStudy(reading, whole.start, whole.end, { prove }).targets[0];
    } catch (error) {
      if (!(error instanceof CodeSelectionError)) throw error;
      for (const hit of hits) coding.skipped.set(hit, error.message);
      continue;
    }
    const previous = targets[targets.length - 1];
    if (matches.some((match) => match.start < target.start || match.end > target.end)) for (const hit of hits) coding.skipped.set(hit, 'no passage around it can be coded without cutting through another span.');
    else if (hasCode(study, code, target)) for (const hit of hits) coding.covered.add(hit);
    else if (previous && target.start < previous.end) for (const hit of hits) coding.skipped.set(hit, 'its passage overlaps the passage of the hit before it, which gets the code.');
    else targets.push(target);
  }
  if (targets.length === 0) return [];
  try {
    const edits = codingEdits({ study, targets }, text, [code]);
    coding.passages = targets.length;
    return edits;
  } catch (error) {
    if (!(error instanceof CodeSelectionError)) throw error;
    return undefined;
  }
}

/**
 * The range grown until no span's syntax crosses its edges: a sentence that ends inside
 * a span takes the whole span in (a unit must keep holding its hit, so it grows rather
 * than shrinks); a range inside a span's passage stays as it is.
 */
function enclosingSpans(study: Study, range: UnitRange): UnitRange {
  let { start, end } = range;
  for (let grown = true; grown; ) {
    grown = false;
    for (const span of study.segments) {
      if (span.kind !== 'span') continue;
      const outer = span.outerRange;
      const inside = span.range.start <= start && end <= span.range.end;
      const crosses = (outer.start < start && start < outer.end) || (outer.start < end && end < outer.end);
      if (inside || !crosses) continue;
      start = Math.min(start, outer.start);
      end = Math.max(end, outer.end);
      grown = true;
    }
  }
  return { start, end };
}

/** A block tag at the end of each unit's block, proven by reading the study back. */
function blockTagEdits(path: string, study: Study, text: string, units: readonly Unit[], code: string, coding: StudyCoding): TextEdit[] {
  const edits = units.map(({ range }): TextEdit => ({ path, start: range.end, end: range.end, newText: ` #${code}` }));
  if (edits.length === 0) return [];
  const problem = checkCoding(study, text, edits, units.map(({ range }) => ({ kind: 'block', start: range.start, end: range.end, codes: [code] })));
  if (problem) throw new AutocodeError(`${path}: nothing was coded: ${problem}.`);
  coding.passages = edits.length;
  return edits;
}

/** The file range of a hit's unit in the text `reader` was made from. */
function unitRange(reader: ReaderText, hit: SearchHit, unit: AutocodeUnit): UnitRange {
  const block = reader.blocks[hit.block];
  if (unit === 'block') return { start: block.start, end: block.end };
  const [readerStart, readerEnd] = unit === 'sentence' ? sentenceAround(reader.value, block.readerStart, block.readerEnd, hit.readerStart, hit.readerEnd) : [hit.readerStart, hit.readerEnd];
  const [start, end] = reader.fileRange(readerStart, readerEnd);
  return { start, end };
}

/** True when a passage coded with `code` holds the range. */
function hasCode(study: Study, code: string, range: UnitRange): boolean {
  return study.segments.some((segment) => segment.range.start <= range.start && range.end <= segment.range.end && segment.codes.includes(code));
}

function groupByPath(hits: readonly SearchHit[]): Map<string, SearchHit[]> {
  const byPath = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const list = byPath.get(hit.path) ?? [];
    list.push(hit);
    byPath.set(hit.path, list);
  }
  return byPath;
}
