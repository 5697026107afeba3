/**
 * Spans must nest (`[a [b]{#x} c]{#y}`): two coders' passages that overlap without one
 * holding the other cannot both be written as one span each. The later span (theirs
 * after ours) is cut where the other begins or ends, so every character keeps its codes.
 */
import { lowerBound } from '../text/sortedSearch';
import type { RenderSpan } from './renderStudy';

/** The spans with every crossing one cut into parts that nest with the others. */
export function splitCrossingSpans(spans: readonly RenderSpan[]): RenderSpan[] {
  const accepted = new AcceptedSpans();
  // Popped from the end: lowest `seq` (ours, in file order) first.
  const queue = [...spans].sort((a, b) => b.seq - a.seq);
  while (queue.length > 0) {
    const span = queue.pop()!;
    const other = accepted.crossing(span);
    if (!other) {
      accepted.add(span);
      continue;
    }
    const cut = other.start > span.start && other.start < span.end ? other.start : other.end;
    queue.push(part(span, cut, span.end), part(span, span.start, cut));
  }
  return accepted.all;
}

/** Accepted spans sorted by start, so only those that can overlap a span are compared with it. */
class AcceptedSpans {
  readonly all: RenderSpan[] = [];
  private readonly starts: number[] = [];
  private longest = 0;

  add(span: RenderSpan): void {
    const at = lowerBound(this.starts, span.start);
    this.starts.splice(at, 0, span.start);
    this.all.splice(at, 0, span);
    this.longest = Math.max(this.longest, span.end - span.start);
  }

  crossing(span: RenderSpan): RenderSpan | undefined {
    const to = lowerBound(this.starts, span.end);
    for (let index = lowerBound(this.starts, span.start - this.longest); index < to; index++) {
      if (crosses(this.all[index], span)) return this.all[index];
    }
    return undefined;
  }
}

function crosses(a: RenderSpan, b: RenderSpan): boolean {
  return (a.start < b.start && b.start < a.end && a.end < b.end) || (b.start < a.start && a.start < b.end && b.end < a.end);
}

/** The part [start, end) of a span, with the bare tags inside it. */
function part(span: RenderSpan, start: number, end: number): RenderSpan {
  const first = start === span.start;
  const inner = span.inner.filter((bare) => (first ? bare.at <= end : bare.at > start));
  return { ...span, start, end, inner };
}
