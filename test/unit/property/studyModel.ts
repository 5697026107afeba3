/**
 * A small model of a coded study for the merge property: blocks of unique words
 * (paragraphs over several lines, quotes, list items), spans over word ranges and
 * block tags, rendered to Markdown. Unique words make every coding traceable through
 * a merge whatever text moved around it.
 */
import fc from 'fast-check';

export interface ModelBlock {
  readonly kind: 'paragraph' | 'quote' | 'item';
  /** Word ids per line. */
  readonly lines: readonly (readonly string[])[];
}

/** A span over words `from..to` (inclusive) of one block. */
export interface ModelSpan {
  readonly block: number;
  readonly from: string;
  readonly to: string;
  readonly codes: readonly string[];
}

export interface ModelTag {
  readonly block: number;
  readonly code: string;
  /** `inline`: at the end of the block's last line; `line`: on a line of its own under it. */
  readonly style: 'inline' | 'line';
}

export interface ModelStudy {
  readonly blocks: readonly ModelBlock[];
  readonly spans: readonly ModelSpan[];
  readonly tags: readonly ModelTag[];
}

export const CODES = ['a', 'b', 'c', 'd', 'e/f'];

let wordCounter = 0;

/** A base study: blocks of fresh unique words, a few spans and tags. */
export const baseStudy: fc.Arbitrary<ModelStudy> = fc
  .array(fc.record({ kind: fc.constantFrom<ModelBlock['kind']>('paragraph', 'paragraph', 'quote', 'item'), lines: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 6 })
  .map((shapes) => {
    wordCounter = 0;
    const blocks = shapes.map((shape) => ({ kind: shape.kind, lines: shape.lines.map((count) => Array.from({ length: count }, () => `w${wordCounter++}`)) }));
    return { blocks, spans: [], tags: [] } as ModelStudy;
  })
  .chain((study) => codingEdits(study, 3).map((edits) => applyEdits(study, edits)));

/** One coding edit, by indices that `applyEdit` reads modulo what exists. */
export type CodingEdit =
  | { readonly kind: 'addSpan'; readonly block: number; readonly a: number; readonly b: number; readonly code: number }
  | { readonly kind: 'removeSpan'; readonly index: number }
  | { readonly kind: 'renameInSpan'; readonly index: number; readonly code: number }
  | { readonly kind: 'addCodeToSpan'; readonly index: number; readonly code: number }
  | { readonly kind: 'addTag'; readonly block: number; readonly code: number; readonly line: boolean }
  | { readonly kind: 'removeTag'; readonly index: number };

const index = fc.nat({ max: 50 });

export function codingEdits(_study: ModelStudy, max: number): fc.Arbitrary<CodingEdit[]> {
  const edit: fc.Arbitrary<CodingEdit> = fc.oneof(
    fc.record({ kind: fc.constant('addSpan' as const), block: index, a: index, b: index, code: index }),
    fc.record({ kind: fc.constant('addSpan' as const), block: index, a: index, b: index, code: index }),
    fc.record({ kind: fc.constant('removeSpan' as const), index }),
    fc.record({ kind: fc.constant('renameInSpan' as const), index, code: index }),
    fc.record({ kind: fc.constant('addCodeToSpan' as const), index, code: index }),
    fc.record({ kind: fc.constant('addTag' as const), block: index, code: index, line: fc.boolean() }),
    fc.record({ kind: fc.constant('removeTag' as const), index }),
  );
  return fc.array(edit, { minLength: 0, maxLength: max });
}

export function applyEdits(study: ModelStudy, edits: readonly CodingEdit[]): ModelStudy {
  return edits.reduce(applyEdit, study);
}

function applyEdit(study: ModelStudy, edit: CodingEdit): ModelStudy {
  const spans = [...study.spans];
  const tags = [...study.tags];
  switch (edit.kind) {
    case 'addSpan': {
      const block = edit.block % study.blocks.length;
      const words = study.blocks[block].lines.flat();
      const [i, j] = [edit.a % words.length, edit.b % words.length].sort((x, y) => x - y);
      const span = { block, from: words[i], to: words[j], codes: [CODES[edit.code % CODES.length]] };
      if (spans.some((other) => other.block === block && crosses(words, other, span))) return study;
      if (spans.some((other) => other.block === block && other.from === span.from && other.to === span.to)) return study;
      spans.push(span);
      break;
    }
    case 'removeSpan':
      if (spans.length === 0) return study;
      spans.splice(edit.index % spans.length, 1);
      break;
    case 'renameInSpan':
    case 'addCodeToSpan': {
      if (spans.length === 0) return study;
      const at = edit.index % spans.length;
      const code = CODES[edit.code % CODES.length];
      const span = spans[at];
      if (span.codes.includes(code)) return study;
      spans[at] = { ...span, codes: edit.kind === 'addCodeToSpan' ? [...span.codes, code] : [...span.codes.slice(1), code] };
      break;
    }
    case 'addTag': {
      const block = edit.block % study.blocks.length;
      const code = CODES[edit.code % CODES.length];
      if (tags.some((tag) => tag.block === block && tag.code === code)) return study;
      tags.push({ block, code, style: edit.line ? 'line' : 'inline' });
      break;
    }
    case 'removeTag':
      if (tags.length === 0) return study;
      tags.splice(edit.index % tags.length, 1);
      break;
  }
  return { ...study, spans, tags };
}

function crosses(words: readonly string[], a: ModelSpan, b: ModelSpan): boolean {
  const [a1, a2, b1, b2] = [words.indexOf(a.from), words.indexOf(a.to), words.indexOf(b.from), words.indexOf(b.to)];
  return (a1 < b1 && b1 <= a2 && a2 < b2) || (b1 < a1 && a1 <= b2 && b2 < a2);
}

/** Inserts a fresh word into a block at a position (a text edit). */
export function insertWord(study: ModelStudy, block: number, line: number, at: number, word: string): ModelStudy {
  const b = block % study.blocks.length;
  const blocks = study.blocks.map((item, index) => {
    if (index !== b) return item;
    const l = line % item.lines.length;
    return { ...item, lines: item.lines.map((words, i) => (i === l ? [...words.slice(0, at % (words.length + 1)), word, ...words.slice(at % (words.length + 1))] : words)) };
  });
  return { ...study, blocks };
}

/** The study as Markdown. */
export function renderModel(study: ModelStudy): string {
  const out = ['---', 'id: model', '---', ''];
  study.blocks.forEach((block, index) => {
    const spans = study.spans.filter((span) => span.block === index);
    const words = block.lines.flat();
    const position = (word: string): number => words.indexOf(word);
    const lines = block.lines.map((lineWords) =>
      lineWords
        .map((word) => {
          const opens = spans.filter((span) => span.from === word).sort((x, y) => position(y.to) - position(x.to)).map(() => '[').join('');
          const closes = spans
            .filter((span) => span.to === word)
            .sort((x, y) => position(y.from) - position(x.from))
            .map((span) => `]{${span.codes.map((code) => `#${code}`).join(' ')}}`)
            .join('');
          return opens + word + closes;
        })
        .join(' '),
    );
    const tags = study.tags.filter((tag) => tag.block === index);
    const inline = tags.filter((tag) => tag.style === 'inline').map((tag) => ` #${tag.code}`).join('');
    lines[lines.length - 1] += inline;
    const tagLine = tags.filter((tag) => tag.style === 'line').map((tag) => `#${tag.code}`).join(' ');
    if (tagLine) lines.push(tagLine);
    const prefix = block.kind === 'quote' ? '> ' : block.kind === 'item' ? '- ' : '';
    const continuation = block.kind === 'quote' ? '> ' : block.kind === 'item' ? '  ' : '';
    out.push(...lines.map((line, i) => (i === 0 ? prefix : continuation) + line), '');
  });
  return out.join('\n');
}
