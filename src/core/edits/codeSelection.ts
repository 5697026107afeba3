/**
 * "Code Selection…": wraps each planned passage in `[…]{#code}`, or adds the codes to
 * the braces of a span whose passage is the selection. The edits only insert text, so
 * the document without the new tags is byte-identical to the original; before they are
 * returned they are applied and read back (`checkCoding`) to prove that no other code's
 * passages, no tag and no problem changed.
 */
import type { Segment } from '../model';
import { isValidCodeName } from '../syntax/codeName';
import { checkCoding, type ExpectedCoding } from './codingCheck';
import { CodeSelectionError, planCoding, type CodingPlan, type CodingTarget } from './codingTarget';
import type { TextEdit } from './textEdit';

export { CodeSelectionError, planCoding, type CodingPlan, type CodingTarget } from './codingTarget';

/** A selection of a study's text, as UTF-16 offsets. */
export interface SelectionRange {
  readonly start: number;
  readonly end: number;
}

/** Plans every selection of one study; throws `CodeSelectionError` when one cannot be coded. */
export function planSelections(path: string, text: string, selections: readonly SelectionRange[]): CodingPlan {
  const plans = selections.map((selection) => planCoding(path, text, selection.start, selection.end));
  const targets = plans.flatMap((plan) => plan.targets).sort((a, b) => a.start - b.start);
  for (let index = 1; index < targets.length; index++) {
    const [previous, next] = [targets[index - 1], targets[index]];
    if (next.start < previous.end && !(next.span && next.span === previous.span)) throw new CodeSelectionError('Two selections overlap: code them one at a time.');
  }
  const distinct = targets.filter((target, index) => !target.span || targets.findIndex((other) => other.span === target.span) === index);
  return { study: plans[0].study, targets: distinct };
}

/**
 * Edits that code every target of `plan` (made on `text`) with `codes`; `[]` when every
 * target already has them. Throws `CodeSelectionError` for an invalid code name or
 * when the combined edit would change anything else.
 */
export function codingEdits(plan: CodingPlan, text: string, codes: readonly string[]): TextEdit[] {
  const invalid = codes.find((code) => !isValidCodeName(code));
  if (invalid !== undefined) throw new CodeSelectionError(`\`${invalid}\` is not a valid code name: start with a letter; use letters, digits, _, -, . and / between levels.`);
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return [];
  const insertions = new Map<number, { closing: string; opening: string }>();
  const insert = (offset: number, part: 'closing' | 'opening', value: string): void => {
    const at = insertions.get(offset) ?? { closing: '', opening: '' };
    at[part] += value;
    insertions.set(offset, at);
  };
  const expected: ExpectedCoding[] = [];
  for (const target of plan.targets) {
    const coding = codingOf(target, wanted);
    if (!coding) continue;
    expected.push(coding);
    if (coding.kind === 'add') {
      insert(afterLastBraceTag(coding.span), 'closing', coding.codes.map((code) => ` #${code}`).join(''));
    } else {
      insert(target.start, 'opening', '[');
      insert(target.end, 'closing', `]{${wanted.map((code) => `#${code}`).join(' ')}}`);
    }
  }
  // What closes a span comes before what opens the next one at the same offset.
  const edits = [...insertions].map(([offset, { closing, opening }]): TextEdit => ({ path: plan.study.path, start: offset, end: offset, newText: closing + opening }));
  const problem = edits.length > 0 ? checkCoding(plan.study, text, edits, expected) : undefined;
  if (problem) throw new CodeSelectionError(`Nothing was coded: ${problem}.`);
  return edits;
}

/** Where more codes go in a span's braces: after its last code there (attributes stay last). */
function afterLastBraceTag(span: Segment): number {
  const inBraces = span.tags.filter((tag) => tag.range.start >= span.range.end);
  return inBraces.length > 0 ? Math.max(...inBraces.map((tag) => tag.range.end)) : span.outerRange.end - 1;
}

/** What coding a target means: a new span, or the codes a span is missing (none: nothing). */
function codingOf(target: CodingTarget, codes: readonly string[]): ExpectedCoding | undefined {
  if (!target.span) return { kind: 'wrap', start: target.start, end: target.end, codes };
  const missing = codes.filter((code) => !target.span!.codes.includes(code));
  return missing.length > 0 ? { kind: 'add', span: target.span, codes: missing } : undefined;
}

/** One sentence saying how a target's passage differs from the selection, if it does. */
export function adjustmentMessage(target: CodingTarget): string | undefined {
  const adjustment = target.adjustment;
  if (!adjustment) return undefined;
  const how = { extended: 'extended to enclose it', shrunk: 'shrunk to a passage inside it', moved: 'moved so that it stays whole' }[adjustment.kind];
  const around = adjustment.around;
  const what = around.how === 'cut' ? `cut through ${around.description}` : `took in ${around.description}, which codes the passage it stands in`;
  return `The selection ${what}, so the coded passage was ${how}.`;
}
