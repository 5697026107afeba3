/**
 * Where a block's literal text is in the source, for the remark reference: the source
 * ranges of its text nodes, leaving out code, HTML, autolinks and link destinations
 * (which are not text nodes), with the positions remark-gfm leaves out recovered.
 */
import type { Nodes } from 'mdast';

/** Source ranges of the literal text of a block: text nodes outside code, HTML and autolinks. */
export function literalRanges(text: string, node: Nodes): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const visit = (child: Nodes): void => {
    if (child.type === 'text') {
      ranges.push([child.position!.start.offset!, child.position!.end.offset!]);
      return;
    }
    // An autolink (`<https://…>` or a GFM literal URL) is a URL, never tag text.
    if (child.type === 'link' && text[child.position!.start.offset!] !== '[') return;
    // QualSynth reads `[x]{#a}` as a span even when `[x]:` is defined (as Pandoc does):
    // the brackets of a reference link followed by `{` are plain brackets.
    if (child.type === 'linkReference' && text[child.position!.end.offset!] === '{') {
      const start = child.position!.start.offset!;
      const end = child.position!.end.offset!;
      const tail = child.referenceType === 'shortcut' ? 1 : child.referenceType === 'collapsed' ? 3 : child.label!.length + 3;
      ranges.push([start, start + 1]);
      child.children.forEach(visit);
      ranges.push([end - tail, end]);
      return;
    }
    // Images have no children: their alt text is an attribute, not text.
    if (!('children' in child)) return;
    const children = child.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      if (children[i].position) {
        visit(children[i]);
        continue;
      }
      let last = i;
      while (last + 1 < children.length && !children[last + 1].position) last++;
      const runStart = i > 0 ? children[i - 1].position!.end.offset! : child.position!.start.offset!;
      const runEnd = last + 1 < children.length ? children[last + 1].position!.start.offset! : child.position!.end.offset!;
      ranges.push(...unpositionedRun(text, children.slice(i, last + 1), runStart, runEnd));
      i = last;
    }
  };
  visit(node);
  return ranges;
}

/**
 * remark-gfm finds some literal URLs and e-mail addresses after parsing (inside `[`
 * for instance) and splits the text node without source positions. The run of split
 * nodes covers `[runStart, runEnd)`; its text is everything but the links' URLs.
 */
function unpositionedRun(text: string, run: readonly Nodes[], runStart: number, runEnd: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let cursor = runStart;
  for (const node of run) {
    if (node.type !== 'link') continue;
    const value = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    const at = text.indexOf(value.slice(0, 4), cursor);
    const end = at === -1 ? -1 : sourceEnd(text, at, value);
    if (end === -1 || end > runEnd) throw new Error(`reference: cannot place the autolink ${value} in the source`);
    ranges.push([cursor, at]);
    cursor = end;
  }
  ranges.push([cursor, runEnd]);
  return ranges;
}

/** Where the source of a decoded `value` starting at `start` ends (escapes and references decoded), or -1. */
function sourceEnd(text: string, start: number, value: string): number {
  let cursor = start;
  for (let i = 0; i < value.length; i++) {
    if (text[cursor] === value[i]) {
      cursor++;
      continue;
    }
    if (text[cursor] === '\\' && text[cursor + 1] === value[i]) {
      cursor += 2;
      continue;
    }
    const reference = /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(text.slice(cursor, cursor + 40));
    if (!reference) return -1;
    cursor += reference[0].length;
  }
  return cursor;
}
