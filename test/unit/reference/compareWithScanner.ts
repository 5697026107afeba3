/**
 * Puts the fast scanner's output (`parseStudy`) and the remark reference's in one
 * comparable shape and lists their differences in words, with line numbers, so a
 * failing differential test says exactly where the two read a study differently.
 */
import type { Study } from '../../../src/core/model';
import { parseStudy } from '../../../src/core/study';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { extractWithRemark, type RefBlock, type RefSpan, type RefTag } from './remarkReference';

/** Tags, spans and coded blocks, the facts the two implementations must agree on. */
export interface Extracted {
  readonly tags: readonly RefTag[];
  readonly spans: readonly RefSpan[];
  readonly blocks: readonly RefBlock[];
  /** Raw HTML block ranges (reference only): what starts there is not compared. */
  readonly excluded?: ReadonlyArray<readonly [number, number]>;
}

/** The scanner's reading of a study, through the public `parseStudy`. */
export function scannerFacts(text: string, path = 'studies/input.md'): Extracted {
  return fromStudy(parseStudy(path, text), text);
}

/** The remark reference's reading of a study. */
export function referenceFacts(text: string): Extracted {
  const { tags, spans, blocks, rawHtml } = extractWithRemark(text);
  return { tags, spans, blocks: blocks.map((block) => ({ ...block, end: trimEnd(text, block.start, block.end) })), excluded: rawHtml };
}

function fromStudy(study: Study, text: string): Extracted {
  const tags = study.tags.map((tag) => ({ code: tag.code, start: tag.range.start, end: tag.range.end }));
  const spans: RefSpan[] = [];
  const blocks: RefBlock[] = [];
  for (const segment of study.segments) {
    const { start, end } = segment.range;
    if (segment.kind === 'span') {
      spans.push({ start, end, outerStart: segment.outerRange.start, outerEnd: segment.outerRange.end, codes: segment.codes, order: segment.order });
    } else {
      // remark ends a paragraph before trailing spaces (a hard break's), the scanner at the line end.
      blocks.push({ start, end: trimEnd(text, start, end), codes: segment.codes, order: segment.order });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  blocks.sort((a, b) => a.start - b.start);
  return { tags, spans, blocks };
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** Human-readable differences (empty when the two agree). */
export function differences(text: string, scannerFacts: Extracted, referenceFacts: Extracted): string[] {
  const excluded = referenceFacts.excluded ?? [];
  const compared = <T extends { start: number }>(items: readonly T[]): T[] => items.filter((item) => !excluded.some(([from, to]) => from <= item.start && item.start < to));
  const scanner = { tags: compared(scannerFacts.tags), spans: compared(scannerFacts.spans), blocks: compared(scannerFacts.blocks) };
  const reference = { tags: compared(referenceFacts.tags), spans: compared(referenceFacts.spans), blocks: compared(referenceFacts.blocks) };
  const lines = new LineIndex(text);
  const where = (offset: number): string => {
    const { line, column } = lines.positionAt(offset);
    return `${line + 1}:${column + 1} ${JSON.stringify(text.slice(Math.max(0, offset - 30), offset + 40))}`;
  };
  const out: string[] = [];
  const diff = <T extends { start: number }>(label: string, a: readonly T[], b: readonly T[], key: (item: T) => string): void => {
    const bKeys = new Set(b.map(key));
    const aKeys = new Set(a.map(key));
    for (const item of a) if (!bKeys.has(key(item))) out.push(`${label} only in scanner at ${where(item.start)}: ${key(item)}`);
    for (const item of b) if (!aKeys.has(key(item))) out.push(`${label} only in remark at ${where(item.start)}: ${key(item)}`);
  };
  diff('tag', scanner.tags, reference.tags, (tag) => `#${tag.code}@${tag.start}-${tag.end}`);
  diff('span', scanner.spans, reference.spans, (span) => `[${span.outerStart}[${span.start}-${span.end}]${span.outerEnd}] ${span.order} ${span.codes.join(' ')}`);
  diff('block', scanner.blocks, reference.blocks, (block) => `${block.start}-${block.end} ${block.order} ${block.codes.join(' ')}`);
  if (out.length === 0 && JSON.stringify(scanner.blocks.map((b) => b.start)) !== JSON.stringify(reference.blocks.map((b) => b.start))) out.push('blocks in a different order');
  return out;
}
