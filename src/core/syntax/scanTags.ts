/**
 * Turns a study's Markdown into coded passages: splits it into blocks, scans blocks
 * that can hold a tag, and resolves which passage each tag codes. All offsets returned
 * are offsets into the whole file's text.
 */
import { BlockText } from './blockText';
import { readBlocks, type MarkdownBlock } from './blocks';
import { scanInline, type InlineSpan, type InlineTag } from './inline';
import type { LinkDefinitions } from './linkDefinitions';
import { NameCopies, NO_ATTRIBUTES } from './nameCopies';

/** A tag in file offsets. */
export interface ScannedTag {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** Makes the object that stands for a tag (the index makes one that is also its range). */
export type TagMaker<T extends ScannedTag> = (code: string, start: number, end: number) => T;

const plainTag: TagMaker<ScannedTag> = (code, start, end) => ({ code, start, end });

/** A coded passage in file offsets. */
export interface ScannedSegment<T extends ScannedTag = ScannedTag> {
  readonly kind: 'span' | 'block';
  readonly order: 'first' | 'second';
  readonly codes: readonly string[];
  /** The coded passage (span content, or the whole block). */
  readonly start: number;
  readonly end: number;
  /** The whole span syntax `[…]{…}`; equals start/end for blocks. */
  readonly outerStart: number;
  readonly outerEnd: number;
  /** Where the block (paragraph, list item, quote paragraph, table row) holding the passage starts. */
  readonly blockStart: number;
  /** Where that block ends. */
  readonly blockEnd: number;
  /** The block's cuts, `cuts[cutsFrom..cutsTo)` of the study's (see `excerptBetween`). */
  readonly cutsFrom: number;
  readonly cutsTo: number;
  readonly tags: T[];
  readonly attributes: Readonly<Record<string, string>>;
}

/** A span syntax error in file offsets. */
export interface ScannedError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** The result of scanning one study file. */
export interface ScannedStudy<T extends ScannedTag = ScannedTag> {
  readonly segments: ScannedSegment<T>[];
  /** Every tag, in source order. */
  readonly tags: T[];
  readonly errors: ScannedError[];
  /** What coded blocks leave out of their excerpts, block after block (flat pairs). */
  readonly cuts: number[];
}

/**
 * Scans the body of a study (from `bodyStart`, after front matter) for coded passages;
 * `makeTag` makes each tag's object, shared by the study's list and its segment's.
 */
export function scanTags(text: string, bodyStart?: number): ScannedStudy;
export function scanTags<T extends ScannedTag>(text: string, bodyStart: number, makeTag: TagMaker<T>): ScannedStudy<T>;
export function scanTags(text: string, bodyStart = 0, makeTag: TagMaker<ScannedTag> = plainTag): ScannedStudy {
  const result: ScannedStudy = { segments: [], tags: [], errors: [], cuts: [] };
  if (text.indexOf('#', bodyStart) === -1) return result;
  const names = new NameCopies();
  /** The block a following line of tags alone would code. */
  let previous: BlockCoding | undefined;
  const structure = readBlocks(text, bodyStart);
  for (const block of structure.blocks) {
    const coding = mayHoldTags(text, block) ? codeBlock(text, block, structure.definitions, result, names, makeTag) : new BlockCoding(text, block, names, NO_CUTS, NO_SEGMENTS, [], false);
    if (coding.tagsOnly) {
      if (previous) previous.addBlockTags(coding.blockTags);
      else result.errors.push(orphanTagLine(coding));
      continue;
    }
    previous?.finish(result);
    previous = coding;
  }
  previous?.finish(result);
  result.tags.sort((a, b) => a.start - b.start);
  result.segments.sort((a, b) => a.start - b.start || b.end - a.end);
  return result;
}

function orphanTagLine(coding: BlockCoding): ScannedError {
  const first = coding.blockTags[0];
  return { start: first.start, end: first.end, message: 'This line of tags codes the block before it, but there is none: put it under the passage it codes.' };
}

/** Cheap test that a block has a `#` somewhere in its lines. */
function mayHoldTags(text: string, block: MarkdownBlock): boolean {
  const first = block.lines[0][0];
  const last = block.lines[block.lines.length - 1][1];
  const hash = text.indexOf('#', first);
  return hash !== -1 && hash < last;
}

/** A block's range of the study's cuts before they are written (one shape for every BlockCoding: no undefined → object change). */
const NO_CUTS: CutRange = { cutsFrom: -1, cutsTo: -1 };
const NO_SEGMENTS: ScannedSegment[] = [];

/**
 * The tags found in one block and the segments they make. Every field is set in the
 * constructor, always with the same kinds of values, so the scan's hot code sees one shape.
 */
class BlockCoding {
  constructor(
    private readonly text: string,
    private readonly block: MarkdownBlock,
    private readonly names: NameCopies,
    /** The block's range of the study's cuts once they are written, else NO_CUTS. */
    private cuts: CutRange,
    readonly spanSegments: ScannedSegment[],
    /** Bare tags outside spans, which code the whole block. */
    readonly blockTags: ScannedTag[],
    /** True for a paragraph (not a list item or heading) of bare tags alone, which codes the block before it. */
    readonly tagsOnly: boolean,
  ) {}

  addBlockTags(tags: readonly ScannedTag[]): void {
    for (let index = 0; index < tags.length; index++) this.blockTags.push(tags[index]);
  }

  /** Emits the block's segments: its spans, then the block itself if tagged. */
  finish(result: ScannedStudy): void {
    const spanSegments = this.spanSegments;
    for (let index = 0; index < spanSegments.length; index++) result.segments.push(spanSegments[index]);
    if (this.blockTags.length === 0) return;
    const lines = this.block.lines;
    const start = lines[0][0];
    const end = lines[lines.length - 1][1];
    if (this.cuts === NO_CUTS) this.cuts = appendCuts(result.cuts, this.text, this.block, NO_RANGES, null);
    const cuts = this.cuts;
    result.segments.push({
      kind: 'block',
      order: this.block.quoteDepth > 0 ? 'first' : 'second',
      codes: this.names.codeList(distinctCodes(this.blockTags)),
      start,
      end,
      outerStart: start,
      outerEnd: end,
      blockStart: start,
      blockEnd: end,
      cutsFrom: cuts.cutsFrom,
      cutsTo: cuts.cutsTo,
      tags: this.blockTags,
      attributes: NO_ATTRIBUTES,
    });
  }
}

// Plain indexed loops rather than map/forEach/for-of below: the callbacks and iterators
// saw arrays of several element kinds while V8 warmed up, and each new kind threw away
// the optimised code ("wrong map" deopts, then another TurboFan compile).
function codeBlock(text: string, block: MarkdownBlock, definitions: LinkDefinitions, result: ScannedStudy, names: NameCopies, makeTag: TagMaker<ScannedTag>): BlockCoding {
  const joined = new BlockText(text, block);
  const inline = scanInline(joined.value, { definitions, tableRow: block.kind === 'tableRow' });
  const spans = inline.spans;
  const bareTags = inline.bareTags;
  const syntax = syntaxRanges(spans, bareTags);
  const cuts = appendCuts(result.cuts, text, block, syntax, joined);
  const order = block.quoteDepth > 0 ? 'first' : 'second';
  const spanTags: ScannedTag[][] = [];
  for (let index = 0; index < spans.length; index++) {
    const tags: ScannedTag[] = [];
    const inSpan = spans[index].tags;
    for (let at = 0; at < inSpan.length; at++) tags.push(fileTag(inSpan[at], joined, names, makeTag));
    spanTags.push(tags);
  }
  const blockTags: ScannedTag[] = [];
  const owners = innermostSpans(spans, bareTags);
  for (let index = 0; index < bareTags.length; index++) {
    const owner = owners[index];
    (owner === -1 ? blockTags : spanTags[owner]).push(fileTag(bareTags[index], joined, names, makeTag));
  }
  const blockStart = block.lines[0][0];
  const blockEnd = block.lines[block.lines.length - 1][1];
  const segments: ScannedSegment[] = [];
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index];
    // Codes in the braces come first, then bare tags written inside the passage.
    const codes = names.codeList(distinctCodes(spanTags[index]));
    segments.push({
      kind: 'span',
      order,
      codes,
      start: joined.toFile(span.open + 1),
      end: joined.toFile(span.close),
      outerStart: joined.toFile(span.open),
      outerEnd: joined.toFile(span.end),
      blockStart,
      blockEnd,
      // Named, not spread: a spread in a literal builds the object key by key.
      cutsFrom: cuts.cutsFrom,
      cutsTo: cuts.cutsTo,
      tags: sortByStart(spanTags[index]),
      attributes: names.copyValues(span.attributes),
    });
  }
  const errors = inline.errors;
  for (let index = 0; index < errors.length; index++) {
    const error = errors[index];
    result.errors.push({ start: joined.toFile(error.start), end: joined.toFile(error.end), message: error.message });
  }
  for (let index = 0; index < spanTags.length; index++) {
    const tags = spanTags[index];
    for (let at = 0; at < tags.length; at++) result.tags.push(tags[at]);
  }
  for (let index = 0; index < blockTags.length; index++) result.tags.push(blockTags[index]);
  // Only a paragraph of tags codes the block before it: a list item or heading of tags codes itself.
  const tagsOnly = block.kind === 'paragraph' && spans.length === 0 && blockTags.length > 0 && onlySyntax(joined.value, syntax);
  return new BlockCoding(text, block, names, cuts, segments, blockTags, tagsOnly);
}

/** A tag in file offsets, its code name shared with the study's other copies. */
function fileTag(tag: InlineTag, joined: BlockText, names: NameCopies, makeTag: TagMaker<ScannedTag>): ScannedTag {
  return makeTag(names.copy(tag.code), joined.toFile(tag.start), joined.toFile(tag.end));
}

/** Sorts a span's tags by start in place (insertion sort: a span has a handful; only tag arrays come here). */
function sortByStart(tags: ScannedTag[]): ScannedTag[] {
  if (tags.length >= 12) return tags.sort(byStart);
  for (let index = 1; index < tags.length; index++) {
    const tag = tags[index];
    let at = index;
    while (at > 0 && tags[at - 1].start > tag.start) {
      tags[at] = tags[at - 1];
      at--;
    }
    tags[at] = tag;
  }
  return tags;
}

function byStart(a: { readonly start: number }, b: { readonly start: number }): number {
  return a.start - b.start;
}

/** Where a block's cuts are in the study's. */
interface CutRange {
  readonly cutsFrom: number;
  readonly cutsTo: number;
}

const NO_RANGES: Array<[number, number]> = [];

/**
 * Appends a block's cuts to the study's, in file order, and says where they are: the
 * container markers (`> `, indentation) of its lines after the first, merged with its
 * tag syntax (ranges sorted by start, in `joined`'s offsets; none when `joined` is null).
 */
function appendCuts(all: number[], text: string, block: MarkdownBlock, syntax: ReadonlyArray<readonly [number, number]>, joined: BlockText | null): CutRange {
  const cutsFrom = all.length;
  const container = containerCuts(text, block);
  let index = 0;
  for (let at = 0; joined !== null && at < syntax.length; at++) {
    const fileFrom = joined.toFile(syntax[at][0]);
    for (; index < container.length && container[index] <= fileFrom; index += 2) all.push(container[index], container[index + 1]);
    all.push(fileFrom, joined.toFile(syntax[at][1]));
  }
  for (; index < container.length; index++) all.push(container[index]);
  return { cutsFrom, cutsTo: all.length };
}

/** The container markers before each line of a block after its first, as flat file-offset pairs. */
function containerCuts(text: string, block: MarkdownBlock): number[] {
  const cuts: number[] = [];
  const lines = block.lines;
  for (let index = 1; index < lines.length; index++) {
    const lineStart = text.indexOf('\n', lines[index - 1][1]) + 1;
    if (lineStart < lines[index][0]) cuts.push(lineStart, lines[index][0]);
  }
  return cuts;
}

/** True when nothing but whitespace is left of a text once its syntax ranges are removed. */
function onlySyntax(text: string, syntax: ReadonlyArray<readonly [number, number]>): boolean {
  let cursor = 0;
  for (const [from, to] of syntax) {
    if (/\S/.test(text.slice(cursor, from))) return false;
    cursor = Math.max(cursor, to);
  }
  return !/\S/.test(text.slice(cursor));
}

/**
 * The index of the innermost span holding each bare tag (tags in source order), or -1,
 * in one sweep: spans nest properly, so a stack of the spans open at the tag's offset
 * has it on top.
 */
function innermostSpans(spans: readonly InlineSpan[], tags: readonly InlineTag[]): number[] {
  const owners: number[] = [];
  if (spans.length === 0) {
    for (let index = 0; index < tags.length; index++) owners.push(-1);
    return owners;
  }
  const byOpen = spanOrder(spans);
  const open: number[] = [];
  let next = 0;
  for (let index = 0; index < tags.length; index++) {
    const start = tags[index].start;
    while (next < byOpen.length && spans[byOpen[next]].open < start) open.push(byOpen[next++]);
    while (open.length > 0 && spans[open[open.length - 1]].close < start) open.pop();
    owners.push(open.length > 0 ? open[open.length - 1] : -1);
  }
  return owners;
}

/** The spans' indices in order of their `[` (insertion sort; stable). */
function spanOrder(spans: readonly InlineSpan[]): number[] {
  const order: number[] = [];
  for (let index = 0; index < spans.length; index++) {
    const opens = spans[index].open;
    let at = index;
    order.push(index);
    while (at > 0 && spans[order[at - 1]].open > opens) {
      order[at] = order[at - 1];
      at--;
    }
    order[at] = index;
  }
  return order;
}

/** Ranges of tag syntax (brackets, brace groups, bare tags), sorted: never overlapping. */
export function syntaxRanges(spans: readonly InlineSpan[], bareTags: readonly InlineTag[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index];
    ranges.push([span.open, span.open + 1], [span.close, span.end]);
  }
  for (let index = 0; index < bareTags.length; index++) ranges.push([bareTags[index].start, bareTags[index].end]);
  return ranges.length >= 12 ? ranges.sort(byFrom) : insertionSortRanges(ranges);
}

function byFrom(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0];
}

/** Sorts ranges by their start in place (stable, like Array.prototype.sort). */
function insertionSortRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  for (let index = 1; index < ranges.length; index++) {
    const range = ranges[index];
    let at = index;
    while (at > 0 && ranges[at - 1][0] > range[0]) {
      ranges[at] = ranges[at - 1];
      at--;
    }
    ranges[at] = range;
  }
  return ranges;
}

function distinctCodes(tags: readonly ScannedTag[]): string[] {
  if (tags.length > 16) return [...new Set(tags.map((tag) => tag.code))];
  // A passage has a handful of tags: a scan of the list beats building a Set.
  const codes: string[] = [];
  for (const tag of tags) if (!codes.includes(tag.code)) codes.push(tag.code);
  return codes;
}
