/**
 * The runs two sequences differ in (lines of two texts, or characters), by jsdiff's
 * Myers diff: O(ND), so a long study with a few edits and hundreds of equal blank
 * lines compares in milliseconds. Past `maxEdits` the whole stretch counts as changed.
 */
import { diffArrays } from 'diff';

/** `from[fromStart, +fromLength)` became `to[toStart, +toLength)`; what lies between runs is equal. */
export interface ChangedRange {
  readonly fromStart: number;
  readonly fromLength: number;
  readonly toStart: number;
  readonly toLength: number;
}

/** The changed runs of `from` → `to`, in order (empty when equal). */
export function changedRanges<T>(from: readonly T[], to: readonly T[], maxEdits = 5_000): ChangedRange[] {
  let prefix = 0;
  while (prefix < from.length && prefix < to.length && from[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (suffix < from.length - prefix && suffix < to.length - prefix && from[from.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;
  const a = from.slice(prefix, from.length - suffix);
  const b = to.slice(prefix, to.length - suffix);
  if (a.length === 0 && b.length === 0) return [];
  const changes = a.length === 0 || b.length === 0 ? undefined : diffArrays(a, b, { maxEditLength: maxEdits });
  if (!changes) return [{ fromStart: prefix, fromLength: a.length, toStart: prefix, toLength: b.length }];
  const ranges: ChangedRange[] = [];
  let i = prefix;
  let j = prefix;
  let open: { fromStart: number; fromLength: number; toStart: number; toLength: number } | undefined;
  for (const change of changes) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      if (open) ranges.push(open);
      open = undefined;
      i += count;
      j += count;
      continue;
    }
    open ??= { fromStart: i, fromLength: 0, toStart: j, toLength: 0 };
    if (change.removed) {
      open.fromLength += count;
      i += count;
    } else {
      open.toLength += count;
      j += count;
    }
  }
  if (open) ranges.push(open);
  return ranges;
}
