/**
 * What a text search looks for, and the regular expression that finds it in a study's
 * reader text. Words (any of them), a phrase (its words in order, any white space
 * between), or a JavaScript regular expression — bounded: a pattern of at most 1,000
 * characters, no nested quantifiers (`(a+)+`, which can take exponential time), never
 * an empty match. Case-insensitive unless `caseSensitive`; `wholeWord` keeps matches
 * that neither start nor end inside a word.
 */
import type { StudyFilter } from '../filter';

/** How the pattern is read. */
export type SearchMode = 'words' | 'phrase' | 'regex';

/** A text search of a review's studies. */
export interface SearchQuery {
  readonly pattern: string;
  readonly mode: SearchMode;
  readonly wholeWord?: boolean;
  readonly caseSensitive?: boolean;
  /** Only studies the filter keeps (`perspective=recipients`). */
  readonly filter?: StudyFilter;
  /** Only hits in a passage coded (`coded: true`) or not coded (`coded: false`) with `code`. */
  readonly coded?: { readonly code: string; readonly coded: boolean };
  /** The codes an auto-code would apply: each hit says whether it already has them all. */
  readonly targetCodes?: readonly string[];
  /** At most this many hits (default 10,000); the result says when there were more. */
  readonly maxHits?: number;
  /** Stop after this many milliseconds (default 5,000); the result says so. */
  readonly timeLimitMs?: number;
}

/** A query that cannot be run; the message says why and how to fix it. */
export class SearchQueryError extends Error {
  override readonly name = 'SearchQueryError';
}

/** The longest pattern a search accepts. */
export const MAX_PATTERN_LENGTH = 1000;
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';

/** The global regular expression of a query; throws `SearchQueryError` when it cannot be made. */
export function compileQuery(query: SearchQuery): RegExp {
  const pattern = query.pattern;
  if (pattern.trim() === '') throw new SearchQueryError('The search pattern is empty: type the words to look for.');
  if (pattern.length > MAX_PATTERN_LENGTH) throw new SearchQueryError(`The search pattern is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed.`);
  const source = query.mode === 'regex' ? regexSource(pattern) : literalSource(pattern, query.mode);
  const bounded = query.wholeWord ? `(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})` : source;
  let regex: RegExp;
  try {
    regex = new RegExp(bounded, query.caseSensitive ? 'gu' : 'giu');
  } catch (error) {
    throw new SearchQueryError(`The regular expression ${pattern} is not valid: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}.`);
  }
  if (regex.test('')) throw new SearchQueryError(`The regular expression ${pattern} matches empty text: make it match at least one character.`);
  regex.lastIndex = 0;
  return regex;
}

function regexSource(pattern: string): string {
  if (NESTED_QUANTIFIER.test(pattern)) {
    throw new SearchQueryError(`The regular expression ${pattern} repeats a group that itself repeats (like (a+)+), which can take exponential time: write it without the nested repetition.`);
  }
  return pattern;
}

/** Words: any of them, longest first; a phrase: its words in order, with one space between. */
function literalSource(pattern: string, mode: SearchMode): string {
  const words = pattern.trim().split(/\s+/).map(escapeRegex);
  if (mode === 'phrase') return words.join(' ');
  return [...new Set(words)].sort((a, b) => b.length - a.length).join('|');
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
