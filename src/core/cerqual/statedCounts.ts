/**
 * Counts an explanation states — "six studies", "ten recipient studies", "14 segments",
 * "three countries" — found so that `check` can compare them with the data. A count is
 * a number (digits or an English number word) followed, within three words, by a
 * counted noun; the words between are its qualifier ("recipient", "peer worker").
 */
import type { StatedCount, TextSpan } from '../model';

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Counted nouns (singular and plural) → the noun the checks use. */
const NOUNS: Readonly<Record<string, string>> = {
  study: 'studies',
  studies: 'studies',
  segment: 'segments',
  segments: 'segments',
  passage: 'segments',
  passages: 'segments',
  quote: 'quotes',
  quotes: 'quotes',
  quotation: 'quotes',
  quotations: 'quotes',
  participant: 'participants',
  participants: 'participants',
  country: 'countries',
  countries: 'countries',
  setting: 'settings',
  settings: 'settings',
  design: 'designs',
  designs: 'designs',
  perspective: 'perspectives',
  perspectives: 'perspectives',
};

/** Words that end a qualifier: "two of six studies" states six studies, not two. */
const STOP_WORDS = new Set(['of', 'in', 'from', 'and', 'or', 'with', 'the', 'than', 'to', 'by', 'at', 'on', 'for', 'per', 'out', 'about', 'across', 'among', 'a', 'an', 'all', 'these', 'those', 'which', 'that', 'were', 'was', 'are', 'is']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const MAX_QUALIFIER_WORDS = 3;

/** The value of `14`, `six`, `twenty-one`; `undefined` for other words. */
export function numberValue(word: string): number | undefined {
  if (/^\d{1,6}$/.test(word)) return Number(word);
  const lower = word.toLowerCase();
  const unit = UNITS.indexOf(lower);
  if (unit >= 0) return unit;
  const [tens, ones] = lower.split('-');
  const ten = TENS.indexOf(tens);
  if (ten < 2) return undefined;
  if (ones === undefined) return ten * 10;
  const one = UNITS.indexOf(ones);
  return one >= 1 && one <= 9 ? ten * 10 + one : undefined;
}

/**
 * The counts stated in `text[from, to)`; `span` maps offsets in `text` to a located
 * span of the file (the text may be a block joined from several lines).
 */
export function findStatedCounts(text: string, from: number, to: number, span: (start: number, end: number) => TextSpan): StatedCount[] {
  const words = [...text.slice(from, to).matchAll(WORD)].map((match) => ({ word: match[0], start: from + match.index, end: from + match.index + match[0].length }));
  const counts: StatedCount[] = [];
  for (let index = 0; index < words.length; index++) {
    const value = numberValue(words[index].word);
    if (value === undefined) continue;
    const found = countedNoun(words, index + 1);
    if (found === undefined || !onlySpacesBetween(text, words, index, found)) continue;
    const start = words[index].start;
    const end = words[found].end;
    counts.push({
      value,
      noun: NOUNS[words[found].word.toLowerCase()],
      qualifier: words.slice(index + 1, found).map((entry) => entry.word).join(' '),
      text: text.slice(start, end).replace(/\s+/g, ' '),
      range: span(start, end),
    });
    index = found;
  }
  return counts;
}

/** The index of the counted noun within three qualifier words after `first`, if any. */
function countedNoun(words: ReadonlyArray<{ word: string }>, first: number): number | undefined {
  for (let index = first; index < words.length && index <= first + MAX_QUALIFIER_WORDS; index++) {
    const word = words[index].word.toLowerCase();
    if (NOUNS[word] !== undefined) return index;
    if (STOP_WORDS.has(word) || numberValue(word) !== undefined) return undefined;
  }
  return undefined;
}

/** True when the words from `first` to `last` are separated by white space only ("six, mostly small, studies" is not a count). */
function onlySpacesBetween(text: string, words: ReadonlyArray<{ start: number; end: number }>, first: number, last: number): boolean {
  for (let index = first; index < last; index++) {
    if (!/^\s+$/.test(text.slice(words[index].end, words[index + 1].start))) return false;
  }
  return true;
}
