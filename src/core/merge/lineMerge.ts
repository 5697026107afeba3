/**
 * The line merge the study merge builds on: git's own (`git merge-file`), reached
 * through this port so the core stays pure. Its output with conflict markers is read
 * back into chunks: lines both sides agree on, and conflicts with each side's lines.
 */

/** A stretch of the line merge: merged lines, or a conflict between the sides' lines. */
export type MergeChunk =
  | { readonly kind: 'clean'; readonly text: string }
  | { readonly kind: 'conflict'; readonly ours: string; readonly base: string; readonly theirs: string };

/** Merges three texts line by line (as `git merge-file` does). */
export type LineMerge = (base: string, ours: string, theirs: string) => Promise<readonly MergeChunk[]>;

/** The text with every conflict resolved to one side. */
export function resolveChunks(chunks: readonly MergeChunk[], side: 'ours' | 'theirs'): string {
  return chunks.map((chunk) => (chunk.kind === 'clean' ? chunk.text : chunk[side])).join('');
}

/** A conflict-marker length no line of the texts starts with, so markers read back unambiguously. */
export function markerSizeFor(texts: readonly string[]): number {
  let longest = 0;
  for (const text of texts) {
    for (const match of text.matchAll(/^([<=>|])\1*/gm)) longest = Math.max(longest, match[0].length);
  }
  return Math.max(7, longest + 1);
}

/**
 * Reads `git merge-file -p` output written with `markerSize`-long markers (merge or
 * diff3 style) into chunks.
 */
export function parseMergeOutput(output: string, markerSize: number): MergeChunk[] {
  const marker = (char: string): RegExp => new RegExp(`^${escapeRegExp(char.repeat(markerSize))}(?: .*)?\\r?\\n?$`);
  const [open, base, middle, close] = [marker('<'), marker('|'), marker('='), marker('>')];
  const chunks: MergeChunk[] = [];
  let clean: string[] = [];
  let conflict: { ours: string[]; base: string[]; theirs: string[] } | undefined;
  let part: 'ours' | 'base' | 'theirs' = 'ours';
  for (const line of output.split(/(?<=\n)/)) {
    if (line === '') continue;
    if (!conflict && open.test(line)) {
      if (clean.length > 0) chunks.push({ kind: 'clean', text: clean.join('') });
      clean = [];
      conflict = { ours: [], base: [], theirs: [] };
      part = 'ours';
    } else if (conflict && part === 'ours' && base.test(line)) part = 'base';
    else if (conflict && part !== 'theirs' && middle.test(line)) part = 'theirs';
    else if (conflict && part === 'theirs' && close.test(line)) {
      chunks.push({ kind: 'conflict', ours: conflict.ours.join(''), base: conflict.base.join(''), theirs: conflict.theirs.join('') });
      conflict = undefined;
    } else if (conflict) conflict[part].push(line);
    else clean.push(line);
  }
  if (conflict) throw new Error('git merge-file output ends inside a conflict');
  if (clean.length > 0) chunks.push({ kind: 'clean', text: clean.join('') });
  return chunks;
}

function escapeRegExp(text: string): string {
  return text.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&');
}
