/**
 * Segments as text for people: a short excerpt for tree items, Markdown quotes with
 * citations for the clipboard, and the read-only "all segments" document. Pure.
 */
import { countOf } from './countWords';
import type { Segment } from './model';

/** Excerpts in tree items stop near this many characters. */
const EXCERPT_LENGTH = 80;

/** The passage shortened to about `max` characters, cut at a word, with `…`. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

/** Who speaks in a segment: participants (first-order) or the study's authors (second-order). */
export function orderLabel(segment: Segment): string {
  return segment.order === 'first' ? "participants' words (first-order)" : "authors' interpretation (second-order)";
}

/** `> text — (Author Year)` for each segment, separated by blank lines. */
export function quotesMarkdown(segments: readonly Segment[], citation: (path: string) => string): string {
  return segments.map((segment) => `> ${segment.text.replace(/\s+/g, ' ').trim()} — (${citation(segment.path)})`).join('\n\n');
}

/** What the "all segments" document shows. */
export interface SegmentsDocument {
  /** `#low-pay` or a theme's title. */
  readonly title: string;
  /** Definition or theme description, shown under the title. */
  readonly about: string;
  /** The filter in force, `''` for none. */
  readonly filter: string;
  readonly segments: readonly Segment[];
  readonly citation: (path: string) => string;
}

/** The document as Markdown: one section per study, each segment quoted with its line and order. */
export function segmentsMarkdown(document: SegmentsDocument): string {
  const byStudy = new Map<string, Segment[]>();
  for (const segment of document.segments) {
    const list = byStudy.get(segment.path);
    if (list) list.push(segment);
    else byStudy.set(segment.path, [segment]);
  }
  const lines = [`# ${document.title} — ${countOf(document.segments.length, 'segment')} in ${countOf(byStudy.size, 'study')}`, ''];
  if (document.about) lines.push(document.about, '');
  if (document.filter) lines.push(`Filter: ${document.filter}`, '');
  for (const [path, segments] of byStudy) {
    lines.push(`## ${document.citation(path)} · ${path}`, '');
    for (const segment of segments) {
      lines.push(`> ${segment.text.replace(/\s+/g, ' ').trim()}`, '');
      lines.push(`Line ${segment.range.startPosition.line + 1} · ${orderLabel(segment)} · ${segment.codes.map((code) => `#${code}`).join(' ')}`, '');
    }
  }
  return lines.join('\n');
}
