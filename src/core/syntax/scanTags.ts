/**
 * Turns a study's Markdown into coded passages: splits it into blocks, scans blocks
 * that can hold a tag, and resolves which passage each tag codes. All offsets returned
 * are offsets into the whole file's text.
 */
import { splitBlocks, type MarkdownBlock } from './blocks';
import { scanInline, type InlineSpan, type InlineTag } from './inline';

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
  /** The block a following line of tags alone would code. */
  let previous: BlockCoding | undefined;
  for (const block of splitBlocks(text, bodyStart)) {
    const coding = mayHoldTags(text, block) ? codeBlock(text, block, result) : new BlockCoding(text, block);
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

  constructor(private readonly text: string, private readonly block: MarkdownBlock) {
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
    let line = starts.length - 1;
    while (line > 0 && starts[line] > offset) line--;
    const [lineStart, lineEnd] = this.block.lines[line];
    return Math.min(lineStart + offset - starts[line], lineEnd);
  }
}

/** The tags found in one block and the segments they make. */
class BlockCoding {
  /** Bare tags outside spans, which code the whole block. */
  readonly blockTags: ScannedTag[] = [];
  /** True for a paragraph (not a list item or heading) of bare tags alone, which codes the block before it. */
  tagsOnly = false;
  spanSegments: ScannedSegment[] = [];
  /** Ranges of tag syntax in the joined string, removed from excerpts. */
  syntax: Array<[number, number]> = [];

  constructor(
    private readonly text: string,
    private readonly block: MarkdownBlock,
    private joined?: BlockText,
  ) {}

  addBlockTags(tags: readonly ScannedTag[]): void {
    this.blockTags.push(...tags);
  }

  /** Emits the block's segments: its spans, then the block itself if tagged. */
  finish(result: ScannedStudy): void {
    result.segments.push(...this.spanSegments);
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
      text: plainText(this.joined.value, 0, this.joined.value.length, this.syntax),
      tags: this.blockTags,
      attributes: {},
    });
  }
}

function codeBlock(text: string, block: MarkdownBlock, result: ScannedStudy): BlockCoding {
  const joined = new BlockText(text, block);
  const inline = scanInline(joined.value);
  const toFile = (tag: InlineTag): ScannedTag => ({ code: tag.code, start: joined.toFile(tag.start), end: joined.toFile(tag.end) });
  const syntax = syntaxRanges(inline.spans, inline.bareTags);
  const order = block.quoteDepth > 0 ? 'first' : 'second';
  const spanTags = new Map<InlineSpan, ScannedTag[]>(inline.spans.map((span) => [span, span.tags.map(toFile)]));
  const blockTags: ScannedTag[] = [];
  for (const bare of inline.bareTags) {
    const tag = toFile(bare);
    const span = innermostSpan(inline.spans, bare.start);
    (span ? spanTags.get(span)! : blockTags).push(tag);
  }
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
      text: plainText(joined.value, span.open + 1, span.close, syntax),
      tags,
      attributes: span.attributes,
    };
  });
  for (const error of inline.errors) {
    result.errors.push({ start: joined.toFile(error.start), end: joined.toFile(error.end), message: error.message });
  }
  for (const tags of spanTags.values()) result.tags.push(...tags);
  result.tags.push(...blockTags);
  const coding = new BlockCoding(text, block, joined);
  coding.spanSegments = segments;
  coding.addBlockTags(blockTags);
  coding.syntax = syntax;
  // Only a paragraph of tags codes the block before it: a list item or heading of tags codes itself.
  coding.tagsOnly = block.kind === 'paragraph' && inline.spans.length === 0 && blockTags.length > 0 && isOnlyTags(joined.value, syntax);
  return coding;
}

function innermostSpan(spans: readonly InlineSpan[], offset: number): InlineSpan | undefined {
  let best: InlineSpan | undefined;
  for (const span of spans) {
    if (span.open < offset && offset < span.close && (!best || span.open > best.open)) best = span;
  }
  return best;
}

function syntaxRanges(spans: readonly InlineSpan[], bareTags: readonly InlineTag[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const span of spans) {
    ranges.push([span.open, span.open + 1], [span.close, span.end]);
  }
  for (const tag of bareTags) ranges.push([tag.start, tag.end]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The text between two offsets with tag syntax removed and whitespace collapsed. */
function plainText(value: string, start: number, end: number, syntax: ReadonlyArray<[number, number]>): string {
  let out = '';
  let cursor = start;
  for (const [from, to] of syntax) {
    if (to <= cursor || from >= end) continue;
    if (from > cursor) out += value.slice(cursor, from);
    cursor = Math.max(cursor, to);
  }
  if (cursor < end) out += value.slice(cursor, end);
  return out.replace(/\s+/g, ' ').replace(/ ([.,;:!?])/g, '$1').trim();
}

function isOnlyTags(value: string, syntax: ReadonlyArray<[number, number]>): boolean {
  return plainText(value, 0, value.length, syntax).length === 0;
}

function distinctCodes(tags: readonly ScannedTag[]): string[] {
  return [...new Set(tags.map((tag) => tag.code))];
}
