/**
 * Reconciliation of one study: for each disagreement (a block the two coders coded
 * differently) the team accepts the first coder's codes, the second's, both or
 * neither. Codes to drop are taken out of the current text's spans and block tags in
 * that block; codes to add are copied from the coder who applied them (span with its
 * passage and attributes, or block tag), onto the same words of the current text.
 * Everything else is written back byte for byte.
 */
import { splitCrossingSpans } from '../merge/crossingSpans';
import { OffsetMap } from '../merge/offsetMap';
import { braceText, mappedBare, pieceWith } from '../merge/pieces';
import { renderStudy, type RenderBare, type RenderSpan } from '../merge/renderStudy';
import { splitStudy, type SpanPart, type StudyParts } from '../merge/studyParts';

/** What the team decided for a disagreement. */
export type ReconcileChoice = 'first' | 'second' | 'both' | 'neither';

/** The choices, as the CLI and the editor name them. */
export const RECONCILE_CHOICES: readonly ReconcileChoice[] = ['first', 'second', 'both', 'neither'];

/** A block of one version's study file. */
export interface VersionBlock {
  /** The version's whole study text (BOM removed). */
  readonly text: string;
  /** File offsets of the block's content. */
  readonly start: number;
  readonly end: number;
}

/** One decided disagreement in a study. */
export interface BlockDecision {
  /** The block in the current text (offsets into the text `reconcileStudy` is given). */
  readonly start: number;
  readonly end: number;
  /** The block as each coder has it; `undefined` when that coder's version lacks it. */
  readonly coders: readonly [VersionBlock | undefined, VersionBlock | undefined];
  /** The disputed codes. */
  readonly codes: readonly string[];
  /** The codes each coder applied to the block. */
  readonly byCoder: readonly [readonly string[] | null, readonly string[] | null];
  readonly choice: ReconcileChoice;
}

/** Thrown when the decisions cannot be written without changing the text. */
export class ReconcileError extends Error {}

/** The current study text with the decisions applied. */
export function reconcileStudy(current: string, decisions: readonly BlockDecision[]): string {
  const parts = splitStudy(current);
  const spans = parts.spans.map((span) => ({ part: span, codes: codesOf(span), close: span.close, inner: span.inner.map((bare) => ({ at: bare.at, text: bare.text, seq: bare.seq })) }));
  let bares: RenderBare[] = parts.blockTags.map((part) => ({ at: part.at, text: part.text, seq: part.seq }));
  const added: RenderSpan[] = [];
  for (const decision of decisions) {
    const from = parts.toPlain(decision.start);
    const to = parts.toPlain(decision.end);
    const inBlock = (start: number, end: number): boolean => start >= from && end <= to;
    for (const code of decision.codes) {
      if (wanted(decision, code)) {
        const has = spans.some((span) => inBlock(span.part.start, span.part.end) && span.codes.includes(code)) || parts.blockTags.some((part) => inBlock(part.blockStart, part.blockStart) && part.tags.some((tag) => tag.code === code) && bares.some((bare) => bare.seq === part.seq));
        if (!has) copyCoding(parts, decision, code, spans, added, bares, inBlock);
        continue;
      }
      for (const span of spans) if (inBlock(span.part.start, span.part.end) && span.codes.includes(code)) dropCode(span, code);
      bares = bares.flatMap((bare) => {
        const part = parts.blockTags.find((item) => item.seq === bare.seq);
        if (!part || !inBlock(part.blockStart, part.blockStart)) return [bare];
        const text = pieceWith({ ...part, text: bare.text, tags: tagsIn(bare.text) }, (name) => name !== code);
        return text === undefined ? [] : [{ ...bare, text }];
      });
    }
  }
  const kept: RenderSpan[] = spans.filter((span) => span.codes.length > 0).map((span) => ({ start: span.part.start, end: span.part.end, close: span.close, inner: span.inner, seq: span.part.seq }));
  const written = renderStudy(parts.plain, splitCrossingSpans([...kept, ...added]), bares);
  if (splitStudy(written).plain !== parts.plain) throw new ReconcileError('the decisions could not be written without changing the text');
  return written;
}

/** Whether the decision keeps `code` on the block. */
function wanted(decision: BlockDecision, code: string): boolean {
  if (decision.choice === 'both') return true;
  if (decision.choice === 'neither') return false;
  return decision.byCoder[decision.choice === 'first' ? 0 : 1]?.includes(code) === true;
}

interface EditableSpan {
  readonly part: SpanPart;
  codes: string[];
  close: string;
  inner: RenderBare[];
}

function codesOf(span: SpanPart): string[] {
  return [...new Set([...span.braceCodes, ...span.inner.flatMap((bare) => bare.tags.map((tag) => tag.code))])];
}

/** Takes a code out of a span (the span goes when no code is left). */
function dropCode(span: EditableSpan, code: string): void {
  span.codes = span.codes.filter((name) => name !== code);
  span.inner = [];
  span.close = braceText(span.codes, span.part.attributes);
}

/** Copies a coder's codings of `code` in the block onto the current text. */
function copyCoding(current: StudyParts, decision: BlockDecision, code: string, spans: EditableSpan[], added: RenderSpan[], bares: RenderBare[], inBlock: (start: number, end: number) => boolean): void {
  const order: Array<0 | 1> = decision.choice === 'second' ? [1, 0] : [0, 1];
  const coder = order.map((index) => decision.coders[index]).find((block, position) => block && decision.byCoder[order[position]]?.includes(code));
  if (!coder) return;
  const source = splitStudy(coder.text);
  const map = new OffsetMap(source.plain, current.plain);
  const [from, to] = [source.toPlain(coder.start), source.toPlain(coder.end)];
  for (const span of source.spans) {
    if (span.start < from || span.end > to || !codesOf(span).includes(code) || !map.keeps(span.start, span.end)) continue;
    const [start, end] = [map.start(span.start), map.end(span.end)];
    const same = spans.find((item) => item.part.start === start && item.part.end === end && item.codes.length > 0);
    if (same) {
      same.codes = [...same.codes, code];
      same.inner = [];
      same.close = braceText(same.codes, same.part.attributes);
    } else {
      added.push({ start, end, close: braceText([code], span.attributes), inner: [], seq: 1e12 + span.seq });
    }
  }
  if (!source.blockTags.some((part) => part.blockStart >= from && part.blockStart <= to && part.tags.some((tag) => tag.code === code))) return;
  // A block tag joins the block's own tags when it has some (`> #a #b`), else comes as the coder wrote it.
  const own = current.blockTags.filter((part) => inBlock(part.blockStart, part.blockStart)).map((part) => bares.findIndex((bare) => bare.seq === part.seq)).filter((index) => index !== -1);
  if (own.length > 0) {
    const last = own[own.length - 1];
    bares[last] = { ...bares[last], text: bares[last].text.replace(/([ \t]*)$/, ` #${code}$1`) };
    return;
  }
  const part = source.blockTags.find((item) => item.blockStart >= from && item.blockStart <= to && item.tags.some((tag) => tag.code === code))!;
  const text = pieceWith(part, (name) => name === code);
  if (text !== undefined) bares.push(mappedBare({ ...part, text }, map, 1e12 + part.seq));
}

/** The tags of a piece text (`#name` tokens and their offsets). */
function tagsIn(text: string): Array<{ code: string; start: number; end: number }> {
  return [...text.matchAll(/#([^\s#]+)/g)].map((match) => ({ code: match[1], start: match.index!, end: match.index! + match[0].length }));
}
