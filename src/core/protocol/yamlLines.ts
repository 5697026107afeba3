/**
 * Finds the line of a key in a YAML text by its path (`protocol.prisma.screened`,
 * `protocol.search.sources[2]`), so that a value found wrong after parsing can be
 * reported where it is written. Block mappings and sequences are followed by their
 * indentation; a key inside a flow collection (`{ a: 1 }`) is found on its line. When a
 * key cannot be found, the line of the deepest key that was found is returned.
 */

/** A step of a path: a mapping key or a sequence index. */
export type YamlPathStep = string | number;

/** A node's line and the lines [from, to) of its content. */
interface Block {
  readonly line: number;
  readonly from: number;
  readonly to: number;
}

/** The 0-based line of the value at `path`, or of the nearest ancestor found (0 when none). */
export function yamlLine(text: string, path: readonly YamlPathStep[]): number {
  const lines = text.split('\n');
  let block: Block = { line: 0, from: 0, to: lines.length };
  for (const step of path) {
    const next = typeof step === 'number' ? sequenceItem(lines, block, step) : mappingKey(lines, block, step);
    if (!next) return block.line;
    block = next;
  }
  return block.line;
}

/** Where a line's content starts, after indentation and any `- ` item markers. */
function contentColumn(line: string): number {
  return /^[ \t]*(?:-[ \t]+)*/.exec(line)![0].length;
}

function isBlank(line: string): boolean {
  return /^\s*(#.*)?$/.test(line);
}

/** The first content line's column: the column of the block's own keys. */
function childColumn(lines: readonly string[], block: Block): number | undefined {
  for (let line = block.from; line < block.to; line++) if (!isBlank(lines[line])) return contentColumn(lines[line]);
  return undefined;
}

function mappingKey(lines: readonly string[], block: Block, key: string): Block | undefined {
  const name = `(["']?)${escapeRegExp(key)}\\1[ \\t]*:(?:\\s|$)`;
  const column = childColumn(lines, block);
  const blockKey = new RegExp(`^[ \\t]*(?:-[ \\t]+)*${name}`);
  for (let line = block.from; line < block.to && column !== undefined; line++) {
    if (contentColumn(lines[line]) !== column || !blockKey.test(lines[line])) continue;
    return { line, from: line + 1, to: valueEnd(lines, line + 1, block.to, column) };
  }
  // A flow mapping: `prisma: { screened: 10 }` or a `{ … }` line inside the block.
  const flowKey = new RegExp(`[{,][ \\t]*${name}`);
  for (let line = Math.max(0, block.from - 1); line < block.to; line++) if (flowKey.test(lines[line])) return { line, from: line, to: line + 1 };
  return undefined;
}

function sequenceItem(lines: readonly string[], block: Block, index: number): Block | undefined {
  let seen = -1;
  let dash: number | undefined;
  for (let line = block.from; line < block.to; line++) {
    const match = /^([ \t]*)-(?:[ \t]|$)/.exec(lines[line]);
    if (!match || (dash !== undefined && match[1].length !== dash)) continue;
    dash = match[1].length;
    if (++seen === index) return { line, from: line, to: itemEnd(lines, line + 1, block.to, dash) };
  }
  return undefined;
}

/** The end of a key's value: a line at the key's column (other than a `- ` item) or left of it. */
function valueEnd(lines: readonly string[], from: number, to: number, column: number): number {
  for (let line = from; line < to; line++) {
    if (isBlank(lines[line])) continue;
    const indent = lines[line].length - lines[line].trimStart().length;
    if (indent < column || (indent === column && !lines[line].trimStart().startsWith('- '))) return line;
  }
  return to;
}

/** The end of a sequence item: the next line at or left of its dash. */
function itemEnd(lines: readonly string[], from: number, to: number, dash: number): number {
  for (let line = from; line < to; line++) {
    if (isBlank(lines[line])) continue;
    if (lines[line].length - lines[line].trimStart().length <= dash) return line;
  }
  return to;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
