/**
 * The units of analysis of inter-coder agreement: every paragraph, list item and
 * blockquote paragraph of every study, as plain text with the tag syntax removed, and
 * which codes cover which characters of it. A unit is identified by its study id and
 * normalised text (plus an occurrence number for repeated texts), so the same passage
 * matches across coders whatever tags they wrote into it.
 */
import { readFrontMatter } from '../frontMatter';
import type { Study } from '../model';
import type { Review } from '../review';
import { BlockText } from '../syntax/blockText';
import { readBlocks, type MarkdownBlock } from '../syntax/blocks';
import { scanInline } from '../syntax/inline';
import type { LinkDefinitions } from '../syntax/linkDefinitions';
import { syntaxRanges } from '../syntax/scanTags';
import { decodeText } from '../text/decode';
import { LineIndex } from '../text/lineIndex';
import { mergeRanges } from '../text/ranges';
import { lowerBound, upperBound } from '../text/sortedSearch';
import { normalisePassage } from '../diff/passage';

/** A half-open range [start, end) of a unit's plain text. */
export type CharRange = readonly [number, number];

/** One block of one study, as coded by one coder. */
export interface CodingUnit {
  /** Study id, normalised text and occurrence: equal across coders for the same passage. */
  readonly key: string;
  readonly study: string;
  readonly path: string;
  /** 1-based line where the block starts in this coder's file. */
  readonly line: number;
  /** File offsets [start, end) of the block's content in this coder's file. */
  readonly start: number;
  readonly end: number;
  /** The block as plain text: tag syntax removed, whitespace collapsed. */
  readonly text: string;
  /** Code → merged ranges of `text` it covers (the whole text for block tags). */
  readonly coverage: ReadonlyMap<string, readonly CharRange[]>;
}

/** Reads the coding units of every study of a loaded review (texts come from its host). */
export async function readCodingUnits(review: Review): Promise<CodingUnit[]> {
  const perStudy = await Promise.all(
    review.index.studies().map(async (study) => {
      const bytes = await review.host.readFile(study.path);
      const decoded = bytes ? decodeText(bytes) : undefined;
      return decoded?.ok ? codingUnitsOfStudy(study, decoded.text) : [];
    }),
  );
  return perStudy.flat();
}

/** The coding units of one study, given the parsed study and its text. */
export function codingUnitsOfStudy(study: Study, text: string): CodingUnit[] {
  const structure = readBlocks(text, readFrontMatter(text).bodyStart);
  const blocks = structure.blocks.filter((block) => block.kind !== 'heading');
  const plains = blocks.map((block) => plainBlock(text, block, structure.definitions));
  const coverage = blocks.map(() => new Map<string, CharRange[]>());
  const starts = blocks.map((block) => block.lines[0][0]);
  for (const segment of study.segments) {
    const index = blockAt(starts, blocks, segment.range.start);
    if (index === -1) continue;
    const range = segment.kind === 'block' ? ([0, plains[index].text.length] as const) : plains[index].rangeOf(segment.range.start, segment.range.end);
    if (range[1] <= range[0]) continue;
    for (const code of segment.codes) {
      const list = coverage[index].get(code) ?? [];
      list.push(range);
      coverage[index].set(code, list);
    }
  }
  const lines = new LineIndex(text);
  const seen = new Map<string, number>();
  const units: CodingUnit[] = [];
  blocks.forEach((block, index) => {
    const plain = plains[index].text;
    if (plain.length === 0) return; // a line of tags alone codes the block before it
    // One study named in NFC in one copy and NFD in the other (macOS) is one study.
    const base = `${study.id.normalize('NFC')}\u0000${normalisePassage(plain)}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    const merged = new Map([...coverage[index]].map(([code, ranges]) => [code, mergeRanges(ranges)] as const));
    const start = block.lines[0][0];
    units.push({ key: `${base}\u0000${occurrence}`, study: study.id, path: study.path, line: lines.lineAt(start) + 1, start, end: block.lines[block.lines.length - 1][1], text: plain, coverage: merged });
  });
  return units;
}

/** A block's plain text and the map from file offsets to its characters. */
interface PlainBlock {
  readonly text: string;
  /** The plain-text range covering the file range [start, end). */
  rangeOf(start: number, end: number): CharRange;
}

/** Removes tag syntax, collapses whitespace and drops the space before punctuation, like segment excerpts. */
function plainBlock(text: string, block: MarkdownBlock, definitions: LinkDefinitions): PlainBlock {
  const joined = new BlockText(text, block);
  const value = joined.value;
  const inline = scanInline(value, { definitions, tableRow: block.kind === 'tableRow' });
  const syntax = mergeRanges(syntaxRanges(inline.spans, inline.bareTags));
  const chars: string[] = [];
  /** Offset in `value` of each plain character. */
  const sources: number[] = [];
  let next = 0;
  for (let offset = 0; offset < value.length; offset++) {
    while (next < syntax.length && syntax[next][1] <= offset) next++;
    if (next < syntax.length && syntax[next][0] <= offset) continue;
    const char = value[offset];
    if (/\s/.test(char)) {
      if (chars.length > 0 && chars[chars.length - 1] !== ' ') {
        chars.push(' ');
        sources.push(offset);
      }
      continue;
    }
    if (/[.,;:!?]/.test(char) && chars[chars.length - 1] === ' ') {
      chars.pop();
      sources.pop();
    }
    chars.push(char);
    sources.push(offset);
  }
  if (chars[chars.length - 1] === ' ') {
    chars.pop();
    sources.pop();
  }
  return {
    text: chars.join(''),
    rangeOf: (start, end) => [lowerBound(sources, joined.toJoined(start)), lowerBound(sources, joined.toJoined(end))],
  };
}

/** Index of the block containing a file offset, or -1. */
function blockAt(starts: readonly number[], blocks: readonly MarkdownBlock[], offset: number): number {
  const found = upperBound(starts, offset) - 1;
  if (found === -1) return -1;
  const lines = blocks[found].lines;
  return offset <= lines[lines.length - 1][1] ? found : -1;
}
