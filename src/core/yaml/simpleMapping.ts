/**
 * A fast path for the front matter most studies have: `key: value` lines, flow lists of
 * words or double-quoted names (`[a, "O'Neill P"]`) and one level of indented `key: value` lines (CASP answers). js-yaml
 * spent ~5% of `qualsynth check` building its parser state for them. Only YAML whose
 * reading is certain is taken (values read as js-yaml's safe schema reads them: plain
 * words and whole numbers, double quotes without escapes); anything else, a comment, a
 * duplicate key, a date, a float, a tab, returns `undefined` and js-yaml reads it. A
 * differential test holds this to js-yaml on every fixture and generated study.
 */

/** A value this reader produces. */
type SimpleValue = string | number | string[] | { [key: string]: string | number | string[] };

const KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
const NESTED = /^ {2}([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
/** A plain scalar of words: starts with a letter or digit, holds nothing YAML reads specially (`#`, `:`, quotes, brackets …); typographic dashes and apostrophes (`–`, `—`, `‘`, `’`) within. */
const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M} .;()/_+\u2013\u2014\u2018\u2019-]*[\p{L}\p{N}\p{M}.)])?$/u;
/** In a flow list an item may not hold `,`, and `;` is kept out too for simplicity. */
const FLOW_ITEM = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M} ._-]*[\p{L}\p{N}\p{M}.])?$/u;
/**
 * The letters of Latin scripts (ASCII, Latin-1, Latin Extended-A and -B) and the combining
 * marks: `PLAIN` and `FLOW_ITEM` without Unicode property classes, which cost V8 some
 * milliseconds to compile in every process (each `check`). Every character here is a
 * letter, digit or mark (or what the full pattern also allows), so a match here is one of the full pattern; the full one reads
 * what these refuse, when it holds any character outside ASCII.
 */
const LATIN = 'A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F';
const MARKS = '\u0300-\u036F';
const PLAIN_LATIN = new RegExp(`^[${LATIN}](?:[${LATIN}${MARKS} .;()/_+\u2013\u2014\u2018\u2019-]*[${LATIN}${MARKS}.)])?$`);
const FLOW_ITEM_LATIN = new RegExp(`^[${LATIN}](?:[${LATIN}${MARKS} ._-]*[${LATIN}${MARKS}.])?$`);
const BEYOND_ASCII = /[^\x00-\x7f]/;
const DOUBLE_QUOTED = /^"([^"\\\p{Cc}]*)"$/u;
/** Plain words the safe schema reads as null or booleans (`yes` and `no` stay words there), in any case. */
const SPECIAL_WORD = /^(?:null|true|false)$/i;
/** Keys JavaScript reserves: `checkYamlValues` reports them, so js-yaml reads them. */
const RESERVED = new Set(['constructor', 'prototype']);

/** A key taken here: not reserved, not a word the schema reads as another type, not seen before. */
function newKey(mapping: object, key: string): boolean {
  return !Object.hasOwn(mapping, key) && !RESERVED.has(key) && !SPECIAL_WORD.test(key);
}

/** The mapping of simple YAML text, or `undefined` when js-yaml must read it. */
export function readSimpleMapping(text: string): Record<string, SimpleValue> | undefined {
  const lines = text.split('\n');
  const out: Record<string, SimpleValue> = {};
  let nested: Record<string, string | number | string[]> | undefined;
  // The first line is the rest of the opening `---` line.
  if (lines[0] !== '') return undefined;
  for (let at = 1; at < lines.length; at++) {
    const line = lines[at];
    if (line === '' && at === lines.length - 1) break;
    const inner = nested && NESTED.exec(line);
    if (inner) {
      if (!newKey(nested!, inner[1]) || inner[2] === undefined) return undefined;
      const value = scalarOrList(inner[2]);
      if (value === undefined) return undefined;
      nested![inner[1]] = value;
      continue;
    }
    const outer = KEY.exec(line);
    if (!outer || !newKey(out, outer[1])) return undefined;
    if (nested && Object.keys(nested).length === 0) return undefined;
    if (outer[2] === undefined) {
      out[outer[1]] = nested = {};
      continue;
    }
    nested = undefined;
    const value = scalarOrList(outer[2]);
    if (value === undefined) return undefined;
    out[outer[1]] = value;
  }
  // No key at all: empty YAML reads as null, which readFrontMatter handles before this.
  if ((nested && Object.keys(nested).length === 0) || Object.keys(out).length === 0) return undefined;
  return out;
}

/** A value after `key: `: a plain word scalar, a whole number, a double-quoted string or a flow list of words. */
function scalarOrList(value: string): string | number | string[] | undefined {
  if (value.startsWith('"')) return DOUBLE_QUOTED.exec(value)?.[1];
  if (value.startsWith('[')) return flowList(value);
  return plainScalar(value, PLAIN_LATIN, PLAIN);
}

function plainScalar(value: string, latin: RegExp, pattern: RegExp): string | number | undefined {
  if (/^[0-9]/.test(value)) return /^(?:0|[1-9][0-9]{0,14})$/.test(value) ? Number(value) : undefined;
  if (!(latin.test(value) || (BEYOND_ASCII.test(value) && pattern.test(value))) || SPECIAL_WORD.test(value)) return undefined;
  return value;
}

function flowList(value: string): string[] | undefined {
  if (!value.endsWith(']')) return undefined;
  const body = value.slice(1, -1);
  if (body === '') return [];
  const items: string[] = [];
  for (const part of body.split(',')) {
    const item = part.trim();
    // Numbers in lists are left to js-yaml: an item reads as a string here or not at all.
    if (/^[0-9]/.test(item) || part !== (items.length === 0 ? item : ` ${item}`)) return undefined;
    // A quoted item holds no comma here (the split would have cut it): then js-yaml reads it.
    const read = item.startsWith('"') ? DOUBLE_QUOTED.exec(item)?.[1] : plainScalar(item, FLOW_ITEM_LATIN, FLOW_ITEM);
    if (typeof read !== 'string') return undefined;
    items.push(read);
  }
  return items;
}
