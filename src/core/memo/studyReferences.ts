/**
 * Study references in a memo's body, written as Pandoc citations: `@alder-2010` or
 * `[@alder-2010, p. 4]`, the syntax a reviewer who writes with Pandoc and a reference
 * manager already uses. The key is a study's id or its `citation-key`. Only text a reader
 * sees counts: not code (fenced, indented or inline), HTML blocks, e-mail addresses
 * (`jb@uni.ac.uk`), URLs or link destinations, nor an escaped `\@`.
 */
import { readBlocks } from '../syntax/blocks';
import type { TextSpan } from '../model';
import type { LineIndex } from '../text/lineIndex';

/** A `@key` in a memo's body. */
export interface StudyReference {
  /** The key as written, without `@`. */
  readonly key: string;
  /** The range of the key (after `@`), where a rename would write and a warning points. */
  readonly range: TextSpan;
}

/**
 * `@` where Pandoc reads a citation: at a line start or after a space, `[`, `(`, `;` or `-`
 * (`[-@key]`); then the key: a letter, digit or `_`, then those and internal `:.#$%&-+?<>~/`
 * (punctuation at the end, `@alder-2010.`, is the sentence's).
 */
const CITATION = /(?<=^|[\s[(;-])@([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*)/gmu;

/** Inline code and link destinations, which are not read: masked before the search. */
const NOT_READ = /(`+)[\s\S]*?(?<!`)\1(?!`)|\]\([^)]*\)|<[^>\s]*>/g;

/** The `@key` study references of a memo's body (from `bodyStart`), in source order. */
export function scanStudyReferences(text: string, bodyStart: number, lines: LineIndex): StudyReference[] {
  if (text.indexOf('@', bodyStart) === -1) return [];
  const found: StudyReference[] = [];
  for (const block of readBlocks(text, bodyStart).blocks) {
    const start = block.lines[0][0];
    const end = block.lines[block.lines.length - 1][1];
    const masked = text.slice(start, end).replace(NOT_READ, (whole) => ' '.repeat(whole.length));
    for (const match of masked.matchAll(CITATION)) {
      const at = start + match.index;
      found.push({ key: match[1], range: lines.span(at + 1, at + 1 + match[1].length) });
    }
  }
  return found;
}
