/**
 * Writes a study from plain text and tag syntax: spans as a tree (properly nested,
 * `[` … `]{…}`), bare tags at their offsets. Pieces are written as given, so a
 * version's own parts give back its file byte for byte.
 */

/** A bare tag (or line of tags) to write at a plain-text offset. */
export interface RenderBare {
  readonly at: number;
  readonly text: string;
  /** Order among pieces at the same offset (lower first). */
  readonly seq: number;
}

/** A span to write around plain text [start, end). */
export interface RenderSpan {
  readonly start: number;
  readonly end: number;
  /** `]{…}` as it is to be written. */
  readonly close: string;
  /** Bare tags inside the passage that belong to this span. */
  readonly inner: readonly RenderBare[];
  /** Order of spans with the same extent (lower is outer). */
  readonly seq: number;
}

interface SpanNode {
  readonly span: RenderSpan;
  readonly children: SpanNode[];
  readonly bares: RenderBare[];
}

/** Thrown when spans cross (the merge splits them first). */
export class CrossingSpansError extends Error {}

/** The study text: `plain` with the spans and bare tags written into it. */
export function renderStudy(plain: string, spans: readonly RenderSpan[], bares: readonly RenderBare[]): string {
  const root: SpanNode = { span: { start: 0, end: plain.length, close: '', inner: [], seq: -1 }, children: [], bares: [...bares] };
  const stack: SpanNode[] = [root];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.seq - b.seq)) {
    while (stack.length > 1 && stack[stack.length - 1].span.end < span.end) {
      const closed = stack.pop()!;
      if (closed.span.end > span.start) throw new CrossingSpansError(`spans cross at offset ${span.start}`);
    }
    const parent = stack[stack.length - 1];
    const node: SpanNode = { span, children: [], bares: [...span.inner] };
    parent.children.push(node);
    stack.push(node);
  }
  const out: string[] = [];
  writeNode(plain, root, out, true);
  return out.join('');
}

function writeNode(plain: string, node: SpanNode, out: string[], isRoot: boolean): void {
  if (!isRoot) out.push('[');
  const items: Array<{ at: number; bare?: RenderBare; child?: SpanNode; seq: number }> = [];
  for (const bare of node.bares) items.push({ at: relocated(bare.at, node.children), bare, seq: bare.seq });
  for (const child of node.children) items.push({ at: child.span.start, child, seq: child.span.seq });
  // At one offset: bare tags before a span that opens there (inside it, they would belong to it).
  items.sort((a, b) => a.at - b.at || Number(a.child !== undefined) - Number(b.child !== undefined) || a.seq - b.seq);
  let cursor = node.span.start;
  for (const item of items) {
    out.push(plain.slice(cursor, item.at));
    cursor = item.at;
    if (item.bare) out.push(item.at === item.bare.at ? item.bare.text : asInlineTag(item.bare.text));
    else if (item.child) {
      writeNode(plain, item.child, out, false);
      cursor = item.child.span.end;
    }
  }
  out.push(plain.slice(cursor, node.span.end));
  if (!isRoot) out.push(node.span.close);
}

/** A bare tag that would fall inside a child span (which would take its code) moves to just after it. */
function relocated(at: number, children: readonly SpanNode[]): number {
  for (const child of children) if (child.span.start < at && at < child.span.end) return child.span.end;
  return at;
}

/** A moved tag piece written inline: ` #a #b`. */
function asInlineTag(text: string): string {
  const tags = text.match(/#[^\s#]+/g) ?? [];
  return tags.length > 0 ? ` ${tags.join(' ')}` : '';
}
