/**
 * Excerpts a manuscript can quote: the coded words extended to the whole sentence (or
 * paragraph) around them, with an ellipsis where the quote is cut, so that a span coded
 * mid-sentence still reads as a quotation. The coded words stay marked for emphasis.
 */
import type { Segment } from '../model';

/** How far an excerpt reaches: the coded words only, their sentence, or their whole block. */
export type ExcerptContext = 'words' | 'sentence' | 'paragraph';

/** Every choice, in the order `--help` lists them. */
export const EXCERPT_CONTEXTS: readonly ExcerptContext[] = ['words', 'sentence', 'paragraph'];

/** An excerpt's text in its context. */
export interface ExcerptText {
  /** Text before the coded words, within the quote (`''` for none). */
  readonly lead: string;
  /** The coded words. */
  readonly coded: string;
  /** Text after the coded words, within the quote. */
  readonly trail: string;
  /** True when the block has text before (after) the quote: an ellipsis marks the cut. */
  readonly cutBefore: boolean;
  readonly cutAfter: boolean;
}

/** A sentence ends at `.`, `!`, `?` or `…`, with closing quotes or brackets after it. */
const SENTENCE_END = /[.!?…][)"'”’»\]]*(?=\s|$)/g;

/** The excerpt of a segment in the chosen context. */
export function excerptText(segment: Segment, context: ExcerptContext): ExcerptText {
  const coded = segment.text;
  if (context === 'words' || segment.kind === 'block') return { lead: '', coded, trail: '', cutBefore: false, cutAfter: false };
  const { before, after } = segment.surroundings;
  if (context === 'paragraph') return { lead: before, coded, trail: after, cutBefore: false, cutAfter: false };
  const lead = sentenceStart(before);
  const trail = endsSentence(coded) ? '' : sentenceEnd(after);
  return { lead, coded, trail, cutBefore: lead.length < before.length, cutAfter: trail.length < after.length };
}

/** The end of `before` after its last sentence end. */
function sentenceStart(before: string): string {
  let start = 0;
  for (const match of before.matchAll(SENTENCE_END)) start = match.index + match[0].length;
  return before.slice(start).trimStart();
}

/** `after` up to and including its first sentence end (all of it when none). */
function sentenceEnd(after: string): string {
  SENTENCE_END.lastIndex = 0;
  const match = SENTENCE_END.exec(after);
  return match ? after.slice(0, match.index + match[0].length) : after;
}

function endsSentence(text: string): boolean {
  return /[.!?…][)"'”’»\]]*$/.test(text);
}
