/**
 * Turns a study's Markdown into coded passages: splits it into blocks, scans blocks
 * that can hold a tag, and resolves which passage each tag codes. All offsets returned
 * are offsets into the whole file's text.
 */
import { splitBlocks, type MarkdownBlock } from './blocks';
import { scanInline, type InlineSpan, type InlineTag } from './inline';
import { NameCopies } from './nameCopies';

/** A tag in file offsets. */
export interface ScannedTag {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

/** A coded passage in file offsets. */
export interface ScannedSegment {
  readonly kind: 'span' | 'block';
  readonly order: 'first' | 'second';
  readonly codes: string[];
  /** The coded passage (span content, or the whole block). */
  readonly start: number;
  readonly end: number;
  /** The whole span syntax `[…]{…}`; equals start/end for blocks. */
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly text: string;
  readonly tags: ScannedTag[];
  readonly attributes: Record<string, string>;
}

/** A span syntax error in file offsets. */
export interface ScannedError {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** The result of scanning one study file. */
export interface ScannedStudy {
  readonly segments: ScannedSegment[];
  /** Every tag, in source order. */
  readonly tags: ScannedTag[];
  readonly errors: ScannedError[];
}

/** Scans the body of a study (from `bodyStart`, after front matter) for coded passages. */
export function scanTags(text: string, bodyStart = 0): ScannedStudy {
  const result: ScannedStudy = { segments: [], tags: [], errors: [] };
  if (text.indexOf('#', bodyStart) === -1) return result;
  const names = new NameCopies();
  /** The block a following line of tags alone would code. */
  let previous: BlockCoding | undefined;
  for (const block of splitBlocks(text, bodyStart)) {
    const coding = mayHoldTags(text, block) ? codeBlock(text, block, result, names) : new BlockCoding(text, block);
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

/**
 * A block's lines joined with `\n`, with a map from offsets in the joined string back
 * to file offsets (container markers such as `> ` are not part of the joined string).
 */
export class BlockText {
  readonly value: string;
  private readonly joinedStarts: number[] = [];

  constructor(text: string, private readonly block: MarkdownBlock) {
    const parts: string[] = [];
    let joined = 0;
    for (const [start, end] of block.lines) {
      this.joinedStarts.push(joined);
      parts.push(text.slice(start, end));
      joined += end - start + 1;
    }
    this.value = parts.join('\n');
  }

  /** The file offset of an offset in the joined string. */
  toFile(offset: number): number {
    const starts = this.joinedStarts;
    let line = 0;
    let high = starts.length - 1;
    while (line < high) {
      const mid = (line + high + 1) >> 1;
      if (starts[mid] <= offset) line = mid;
      else high = mid - 1;
    }
    const [lineStart, lineEnd] = this.block.lines[line];
    return Math.min(lineStart + offset - starts[line], lineEnd);
  }

  /** The offset in the joined string of a file offset (clamped into the block's line it falls in). */
  toJoined(fileOffset: number): number {
    const lines = this.block.lines;
    let line = 0;
    let high = lines.length - 1;
    while (line < high) {
      const mid = (line + high + 1) >> 1;
      if (lines[mid][0] <= fileOffset) line = mid;
      else high = mid - 1;
    }
    const [start, end] = lines[line];
    return this.joinedStarts[line] + Math.min(Math.max(fileOffset, start), end) - start;
  }
}

/** The tags found in one block and the segments they make. */
class BlockCoding {
  /** Bare tags outside spans, which code the whole block. */
  readonly blockTags: ScannedTag[] = [];
  /** True for a paragraph (not a list item or heading) of bare tags alone, which codes the block before it. */
  tagsOnly = false;
  spanSegments: ScannedSegment[] = [];
  /** The joined text without tag syntax, for excerpts (built when first needed). */
  plain: PlainText | undefined;

  constructor(
    private readonly text: string,
    private readonly block: MarkdownBlock,
    private joined?: BlockText,
  ) {}

  addBlockTags(tags: readonly ScannedTag[]): void {
    for (const tag of tags) this.blockTags.push(tag);
  }

  /** Emits the block's segments: its spans, then the block itself if tagged. */
  finish(result: ScannedStudy): void {
    for (const segment of this.spanSegments) result.segments.push(segment);
    if (this.blockTags.length === 0) return;
    this.joined ??= new BlockText(this.text, this.block);
    const lines = this.block.lines;
    const start = lines[0][0];
    const end = lines[lines.length - 1][1];
    result.segments.push({
      kind: 'block',
      order: this.block.quoteDepth > 0 ? 'first' : 'second',
      codes: distinctCodes(this.blockTags),
      start,
      end,
      outerStart: start,
      outerEnd: end,
      text: (this.plain ?? new PlainText(this.joined.value, [])).between(0, this.joined.value.length),
      tags: this.blockTags,
      attributes: {},
    });
  }
}

function codeBlock(text: string, block: MarkdownBlock, result: ScannedStudy, names: NameCopies): BlockCoding {
  const joined = new BlockText(text, block);
  const inline = scanInline(joined.value);
  const toFile = (tag: InlineTag): ScannedTag => ({ code: names.copy(tag.code), start: joined.toFile(tag.start), end: joined.toFile(tag.end) });
  const plain = new PlainText(joined.value, syntaxRanges(inline.spans, inline.bareTags));
  const order = block.quoteDepth > 0 ? 'first' : 'second';
  const spanTags = new Map<InlineSpan, ScannedTag[]>(inline.spans.map((span) => [span, span.tags.map(toFile)]));
  const blockTags: ScannedTag[] = [];
  const owners = innermostSpans(inline.spans, inline.bareTags);
  inline.bareTags.forEach((bare, index) => {
    const span = owners[index];
    (span ? spanTags.get(span)! : blockTags).push(toFile(bare));
  });
  const segments = inline.spans.map((span): ScannedSegment => {
    // Codes in the braces come first, then bare tags written inside the passage.
    const codes = distinctCodes(spanTags.get(span)!);
    const tags = [...spanTags.get(span)!].sort((a, b) => a.start - b.start);
    return {
      kind: 'span',
      order,
      codes,
      start: joined.toFile(span.open + 1),
      end: joined.toFile(span.close),
      outerStart: joined.toFile(span.open),
      outerEnd: joined.toFile(span.end),
      text: plain.between(span.open + 1, span.close),
      tags,
      attributes: names.copyValues(span.attributes),
    };
  });
  for (const error of inline.errors) {
    result.errors.push({ start: joined.toFile(error.start), end: joined.toFile(error.end), message: error.message });
  }
  for (const tags of spanTags.values()) for (const tag of tags) result.tags.push(tag);
  for (const tag of blockTags) result.tags.push(tag);
  const coding = new BlockCoding(text, block, joined);
  coding.spanSegments = segments;
  coding.addBlockTags(blockTags);
  coding.plain = plain;
  // Only a paragraph of tags codes the block before it: a list item or heading of tags codes itself.
  coding.tagsOnly = block.kind === 'paragraph' && inline.spans.length === 0 && blockTags.length > 0 && plain.isBlank();
  return coding;
}

/**
 * The innermost span holding each bare tag (tags in source order), in one sweep: spans
 * nest properly, so a stack of the spans open at the tag's offset has it on top.
 */
function innermostSpans(spans: readonly InlineSpan[], tags: readonly InlineTag[]): Array<InlineSpan | undefined> {
  const byOpen = [...spans].sort((a, b) => a.open - b.open);
  const open: InlineSpan[] = [];
  let next = 0;
  return tags.map((tag) => {
    while (next < byOpen.length && byOpen[next].open < tag.start) open.push(byOpen[next++]);
    while (open.length > 0 && open[open.length - 1].close < tag.start) open.pop();
    return open[open.length - 1];
  });
}

/** Ranges of tag syntax (brackets, brace groups, bare tags), sorted: never overlapping. */
export function syntaxRanges(spans: readonly InlineSpan[], bareTags: readonly InlineTag[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const span of spans) {
    ranges.push([span.open, span.open + 1], [span.close, span.end]);
  }
  for (const tag of bareTags) ranges.push([tag.start, tag.end]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/**
 * A block's text without tag syntax, and a map from block offsets to offsets in that
 * plain text (binary search over the removed ranges), so the excerpt of any passage is
 * one slice: linear in the block, however deeply spans nest.
 */
class PlainText {
  private value: string | undefined;
  /** Characters removed before the end of each syntax range. */
  private readonly removedBefore: number[] = [];

  constructor(private readonly source: string, private readonly syntax: ReadonlyArray<[number, number]>) {
    let removed = 0;
    for (const [from, to] of syntax) this.removedBefore.push((removed += to - from));
  }

  /** True when only whitespace is left once tag syntax is removed (cheaper than `between`). */
  isBlank(): boolean {
    this.value ??= this.build();
    return !/\S/.test(this.value);
  }

  /** The plain text of [start, end) of the source, whitespace collapsed. */
  between(start: number, end: number): string {
    this.value ??= this.build();
    // The replacements also make a flat copy, so an excerpt does not pin its block's text.
    return this.value
      .slice(this.plainOffset(start), this.plainOffset(end))
      .replace(/\s+/g, ' ')
      .replace(/ ([.,;:!?])/g, '$1')
      .trim();
  }

  private build(): string {
    if (this.syntax.length === 0) return this.source;
    const parts: string[] = [];
    let cursor = 0;
    for (const [from, to] of this.syntax) {
      parts.push(this.source.slice(cursor, from));
      cursor = to;
    }
    parts.push(this.source.slice(cursor));
    return parts.join('');
  }

  /** Offset in the plain text of a source offset (inside a syntax range: its start). */
  private plainOffset(offset: number): number {
    const syntax = this.syntax;
    let low = 0;
    let high = syntax.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (syntax[mid][0] < offset) low = mid + 1;
      else high = mid;
    }
    // syntax[low - 1] is the last range starting before the offset.
    if (low === 0) return offset;
    const [from, to] = syntax[low - 1];
    const removedEarlier = low >= 2 ? this.removedBefore[low - 2] : 0;
    return offset >= to ? offset - this.removedBefore[low - 1] : from - removedEarlier;
  }
}

function distinctCodes(tags: readonly ScannedTag[]): string[] {
  if (tags.length === 1) return [tags[0].code];
  return [...new Set(tags.map((tag) => tag.code))];
}
