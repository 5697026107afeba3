/**
 * In-vivo coding names a code after the participants' own words: the selected words,
 * lower-cased and joined by hyphens (`being treated as patients` →
 * `being-treated-as-patients`), without tag syntax, quote markers or punctuation.
 */
import { isValidCodeName } from '../syntax/codeName';

/** Longest in-vivo name; longer selections keep their first words. */
export const MAX_IN_VIVO_LENGTH = 40;

/** The code name for the words of `selected`, or `undefined` when they hold no letter. */
export function inVivoName(selected: string): string | undefined {
  const words = plainWords(selected);
  // A code name starts with a letter: leading words such as "24" are left out.
  const first = words.findIndex((word) => /^\p{L}/u.test(word));
  if (first === -1) return undefined;
  let name = '';
  for (const word of words.slice(first)) {
    const next = name ? `${name}-${word}` : word;
    if (next.length > MAX_IN_VIVO_LENGTH) {
      if (!name) name = cutAtCodePoint(word, MAX_IN_VIVO_LENGTH);
      break;
    }
    name = next;
  }
  return isValidCodeName(name) ? name : undefined;
}

/** The words of a passage: letters, marks and digits, with tag syntax and markup removed. */
function plainWords(text: string): string[] {
  const plain = text
    .normalize('NFC')
    .replace(/\]\{[^}]*\}/g, ' ')
    .replace(/(^|[\s([])#[\p{L}][\p{L}\p{N}\p{M}_\-./]*/gu, '$1 ')
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .toLowerCase();
  return plain.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

function cutAtCodePoint(word: string, max: number): string {
  return [...word].slice(0, max).join('');
}
