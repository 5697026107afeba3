/**
 * The meta-ethnography relation lines of a codebook theme (Noblit & Hare 1988: studies
 * are translated into one another reciprocally, or stand against one another):
 *
 *     Reciprocal: Being written off — both describe colleagues who see the diagnosis first.
 *     Refutes: #hope; Hope restored — recipients who saw no way back.
 *
 * The concepts named after the label (a theme title or heading path, or a `#code`) are
 * separated by `;`; the text after ` — ` (or ` – `, ` -- `) is the stated basis. Whether
 * a name is a concept is checked later, against the whole codebook (`concepts.ts`).
 */
import type { TextSpan } from '../model';

/** Reciprocal (the concepts translate into one another) or refutational (they stand against one another). */
export type RelationKind = 'reciprocal' | 'refutational';

/** A concept as a relation line names it. */
export interface RelationTarget {
  /** The name as written, trimmed: a theme title, a heading path, or `#code`. */
  readonly text: string;
  readonly range: TextSpan;
}

/** One relation line of a theme. */
export interface RelationLine {
  readonly kind: RelationKind;
  readonly targets: readonly RelationTarget[];
  /** The stated basis after the dash, on one line; `''` when none is written. */
  readonly basis: string;
  /** The whole paragraph. */
  readonly range: TextSpan;
}

/** A block of text and how its offsets map to the file (as `judgementSyntax.ts`'s `JudgementBlock`). */
export interface RelationBlock {
  readonly text: string;
  span(start: number, end: number): TextSpan;
}

const LABEL = /^(Reciprocal|Refut(?:es|ational|ation))(?:\s+(?:translation|with))?\s*:\s*/i;
/** The dash before the basis: an em or en dash, or `--`, with white space around it. */
const BASIS_DASH = /\s+(?:—|–|--)\s+|\s*—\s*/;

/** Reads a relation line; `undefined` when the block is not one. */
export function readRelationLine(block: RelationBlock): RelationLine | undefined {
  const label = LABEL.exec(block.text);
  if (!label) return undefined;
  const kind: RelationKind = label[1].toLowerCase() === 'reciprocal' ? 'reciprocal' : 'refutational';
  const rest = block.text.slice(label[0].length);
  const dash = BASIS_DASH.exec(rest);
  const namesEnd = label[0].length + (dash ? dash.index : rest.length);
  const targets: RelationTarget[] = [];
  let start = label[0].length;
  for (const part of block.text.slice(start, namesEnd).split(';')) {
    const lead = part.length - part.trimStart().length;
    const name = part.trim();
    if (name) targets.push({ text: name.replace(/\s+/g, ' '), range: block.span(start + lead, start + lead + name.length) });
    start += part.length + 1;
  }
  const basis = dash ? rest.slice(dash.index + dash[0].length).replace(/\s+/g, ' ').trim() : '';
  return { kind, targets, basis, range: block.span(0, block.text.length) };
}

/** The label a relation line starts with, as the README and messages write it. */
export function relationLabel(kind: RelationKind): string {
  return kind === 'reciprocal' ? 'Reciprocal:' : 'Refutes:';
}
