/**
 * The names closest to a misspelt one, by edit distance (Levenshtein: insertions,
 * deletions and substitutions), for "did you mean" quick fixes.
 */

/** Edit distance between two strings, in UTF-16 units. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/**
 * Up to `max` candidates closest to `name`, nearest first (ties in the candidates' order);
 * only those within half the name's length, so an unrelated name is never offered.
 */
export function closestNames(name: string, candidates: readonly string[], max = 3): string[] {
  const limit = Math.max(1, Math.floor(name.length / 2));
  return [...new Set(candidates)]
    .filter((candidate) => candidate !== name)
    .map((candidate, order) => ({ candidate, order, distance: editDistance(name.toLowerCase(), candidate.toLowerCase()) }))
    .filter((scored) => scored.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, max)
    .map((scored) => scored.candidate);
}
