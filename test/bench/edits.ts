/**
 * Random small edits of a study, as an editor produces them while someone codes:
 * a character typed or deleted, a tag added or removed, at random places.
 */
import type { Random } from './random';

const TYPED = 'abcdefghijklmnopqrstuvwxyz  .,';

/** The text after one random edit. */
export function randomEdit(random: Random, text: string, codes: readonly string[]): string {
  const at = random.int(0, text.length);
  const roll = random.next();
  if (roll < 0.4) return text.slice(0, at) + random.pick([...TYPED]) + text.slice(at);
  if (roll < 0.7 && text.length > 0) return text.slice(0, at) + text.slice(at + 1);
  if (roll < 0.9) return `${text.slice(0, at)} #${random.pick(codes)} ${text.slice(at)}`;
  return removeTagNear(text, at);
}

/** Removes the first tag (`#name`) after `offset`, or the last one when none follows. */
function removeTagNear(text: string, offset: number): string {
  const tag = /#[\p{L}][\p{L}\p{N}_\-./]*/gu;
  tag.lastIndex = offset;
  let match = tag.exec(text);
  if (!match) {
    tag.lastIndex = 0;
    for (let next = tag.exec(text); next; next = tag.exec(text)) match = next;
  }
  return match ? text.slice(0, match.index) + text.slice(match.index + match[0].length) : text;
}
