/**
 * Sorts an array in place; insertion sort below 12 items. `Array.prototype.sort`
 * allocates a work area on every call, and the scanner sorts a handful of items per
 * block, ~300,000 times over a large review.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length >= 12) return items.sort(compare);
  for (let index = 1; index < items.length; index++) {
    const item = items[index];
    let at = index;
    while (at > 0 && compare(items[at - 1], item) > 0) {
      items[at] = items[at - 1];
      at--;
    }
    items[at] = item;
  }
  return items;
}
