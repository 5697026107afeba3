/**
 * Which passages a code's section quotes, and how each is cited: the excerpt limit is
 * spread across studies (one per study in citation order, then a second …) so the
 * quotes show the breadth of the evidence rather than the first study's depth.
 */
import type { Segment } from '../model';
import { joinPaths, normalizePath } from '../reviewPaths';
import { excerptText, type ExcerptContext, type ExcerptText } from './excerptContext';

/** One quoted passage. */
export interface Excerpt {
  readonly text: string;
  /** `first` for participants' words, `second` for authors' interpretations. */
  readonly order: 'first' | 'second';
  /** "Author Year" of the study. */
  readonly citation: string;
  /** Relative link to the study file and line, from the report's folder. */
  readonly link: string;
  /** Review-relative `path:line` (1-based line). */
  readonly location: string;
  /** The span's `memo=` annotation, when it has one: a reviewer's note on this passage. */
  readonly memo?: string;
  /** The sentence or paragraph around the coded words, when the excerpt quotes more than them. */
  readonly context?: ExcerptText;
}

/**
 * Picks up to `limit` segments (0 = all) round-robin across studies, and returns them
 * first-order first, then in study order and position.
 */
export function selectExcerpts(byStudy: ReadonlyMap<string, readonly Segment[]>, limit: number): Segment[] {
  const lists = [...byStudy.values()];
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const wanted = limit > 0 ? Math.min(limit, total) : total;
  const picked: Array<{ segment: Segment; study: number; position: number }> = [];
  if (wanted === total) lists.forEach((list, study) => list.forEach((segment, position) => picked.push({ segment, study, position })));
  for (let round = 0; picked.length < wanted; round++) {
    for (let study = 0; study < lists.length && picked.length < wanted; study++) {
      const segment = lists[study][round];
      if (segment) picked.push({ segment, study, position: round });
    }
  }
  const rank = (order: Segment['order']): number => (order === 'first' ? 0 : 1);
  picked.sort((a, b) => rank(a.segment.order) - rank(b.segment.order) || a.study - b.study || a.position - b.position);
  return picked.map((entry) => entry.segment);
}

/** The excerpt of a segment; `linkBase` is the path from the report folder to the review root. */
export function toExcerpt(segment: Segment, citation: string, linkBase: string, reach: ExcerptContext = 'words'): Excerpt {
  const line = segment.range.startPosition.line + 1;
  const context = reach === 'words' ? undefined : excerptText(segment, reach);
  return {
    text: segment.text,
    order: segment.order,
    citation,
    link: `${fileLink(linkBase, segment.path)}#L${line}`,
    location: `${segment.path}:${line}`,
    ...(segment.attributes.memo?.trim() ? { memo: segment.attributes.memo.trim() } : {}),
    ...(context && (context.lead || context.trail || context.cutBefore || context.cutAfter) ? { context } : {}),
  };
}

/** A URL-encoded link to a review-relative file from a folder `linkBase` away from the root. */
export function fileLink(linkBase: string, path: string): string {
  const joined = joinPaths(linkBase || '.', path);
  return joined.split('/').map((part) => (part === '..' || part === '.' ? part : encodeURIComponent(part))).join('/');
}

/**
 * The path from a review-relative folder back to the review root (`reports` → `..`).
 * Throws when the folder lies outside the review: then the caller, who knows the
 * absolute paths, must give the way back itself.
 */
export function linkBaseOf(reportDir: string): string {
  const normal = normalizePath(reportDir || '.');
  if (normal === '..' || normal.startsWith('../') || normal.startsWith('/')) {
    throw new Error(`The report folder ${reportDir} is outside the review: pass linkBase, the relative path from it to the review root.`);
  }
  return normal === '.' ? '.' : normal.split('/').filter(Boolean).map(() => '..').join('/');
}
