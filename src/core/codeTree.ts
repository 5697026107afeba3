/**
 * Nested codes: `workers/hours` and `workers/pay` are children of `workers`. The Themes
 * view shows a theme's codes as this tree; a parent that is not itself a code in the
 * list becomes a prefix node (`workers/`), so the hierarchy shows even when only the
 * children are defined.
 */

/** A node of the code tree: a code of the list, or a prefix that only groups codes. */
export interface CodeTreeNode {
  /** The full name: `workers/hours`, or the prefix `workers` of a group node. */
  readonly name: string;
  /** True when `name` is one of the listed codes; false for a prefix node. */
  readonly isCode: boolean;
  readonly children: readonly CodeTreeNode[];
}

interface MutableNode {
  readonly name: string;
  isCode: boolean;
  readonly children: MutableNode[];
}

/**
 * Arranges code names as a tree by their `/`-separated parts. Siblings keep the order in
 * which their first code appears in `codes` (codebook order); a code listed twice
 * appears once. Empty parts (`a//b`, a leading or trailing `/`) are kept as written, so
 * every listed name is a node exactly once.
 */
export function codeTree(codes: readonly string[]): CodeTreeNode[] {
  const roots: MutableNode[] = [];
  const byName = new Map<string, MutableNode>();
  const nodeOf = (name: string): MutableNode => {
    let node = byName.get(name);
    if (node) return node;
    node = { name, isCode: false, children: [] };
    byName.set(name, node);
    const cut = parentName(name);
    (cut === undefined ? roots : nodeOf(cut).children).push(node);
    return node;
  };
  for (const code of codes) nodeOf(code).isCode = true;
  return roots;
}

/** `workers/hours` → `workers`; `undefined` for a name without a parent part. */
function parentName(name: string): string | undefined {
  const slash = name.lastIndexOf('/');
  return slash > 0 ? name.slice(0, slash) : undefined;
}
