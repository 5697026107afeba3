/**
 * Writing pieces of tag syntax anew: span braces, a bare-tag piece with some of its
 * tags left out, and where a version's piece goes on another text. Shared by the
 * merge and by reconciliation, which change codings the same way.
 */
import type { OffsetMap } from './offsetMap';
import type { RenderBare } from './renderStudy';
import type { BarePart } from './studyParts';

/** `]{#a #b key="value"}`. */
export function braceText(codes: readonly string[], attributes: Readonly<Record<string, string>>): string {
  const tokens = [...codes.map((code) => `#${code}`), ...Object.entries(attributes).map(([key, value]) => `${key}="${value.replace(/[\\"]/g, '\\$&')}"`)];
  return `]{${tokens.join(' ')}}`;
}

/** A piece's text with only the tags `keep` accepts, or `undefined` when none is left. */
export function pieceWith(part: BarePart, keep: (code: string) => boolean): string | undefined {
  const decisions = part.tags.map((tag) => keep(tag.code));
  if (decisions.every(Boolean)) return part.text;
  if (!decisions.some(Boolean)) return undefined;
  let text = part.text;
  for (let index = part.tags.length - 1; index >= 0; index--) {
    if (decisions[index]) continue;
    let { start, end } = part.tags[index];
    if (start > 0 && /[ \t]/.test(text[start - 1])) while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
    else while (end < text.length && /[ \t]/.test(text[end])) end++;
    text = text.slice(0, start) + text.slice(end);
  }
  return text;
}

/**
 * A piece at its offset on the merged text: one that starts with a space or line break
 * follows the text before it, one that does not (`#a ` at a line's start) the text after it.
 */
export function mappedBare(part: { readonly at: number; readonly text: string; readonly seq: number }, map: OffsetMap, seq: number, min = 0, max = Number.POSITIVE_INFINITY): RenderBare {
  let at = /^\s/.test(part.text) ? map.end(part.at) : map.start(part.at);
  // A line of tags starts with its line break: it goes at the end of the line it now follows.
  if (/^\r?\n/.test(part.text)) at = lineContentEnd(map.target, at);
  return { at: Math.min(Math.max(at, min), max), text: part.text, seq };
}

function lineContentEnd(text: string, offset: number): number {
  let end = text.indexOf('\n', offset);
  if (end === -1) end = text.length;
  return end > offset && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

