/**
 * The study filter language, shared by the report (`qualsynth report --filter`) and the
 * Studies view. A filter restricts the studies of a review by their front-matter
 * attributes.
 *
 * ```text
 * filter     := condition { ";" condition }         several conditions are ANDed
 * condition  := key op value | key | "!" key
 * key        := name { "." name }                    name: letters, digits, "_", "-"
 * op         := "=" | "!=" | ">=" | "<=" | ">" | "<" | "~" | "!~"
 * value      := item { "|" item }                    "|" (any of) only with = != ~ !~
 * item       := text without ; | "   or   "double-quoted" (\" and \\ escape)
 * ```
 *
 * - `perspective=recipients` — equal, case-insensitively (`Recipients` matches too).
 * - `country!=USA` — not equal; a study without `country` matches.
 * - `year>=2005`, `participants<20` — compared as numbers when both sides are numbers,
 *   otherwise as case-insensitive text (so ISO dates `2005-03-01` order correctly);
 *   a study without the attribute does not match.
 * - `design~focus` — contains; `citation!~"et al."` — does not contain.
 * - `perspective=recipients|nonpeer staff` — equal to any of the values.
 * - `casp.findings=yes` — a dot reaches into a nested mapping (here the CASP answers).
 * - `casp` — the attribute is present and not empty; `!casp` — absent or empty.
 * - List attributes (`perspective: [peer workers, recipients]`) match when any element
 *   matches; `!=` and `!~` match when no element does.
 * - `id` and `path` are the study's id and review-relative path; every other key is a
 *   front-matter key (matched exactly, else case-insensitively).
 * - Several conditions: `perspective=recipients; year>=2005` (or several `--filter`s).
 *
 * Parse errors throw `FilterSyntaxError`, whose message quotes the filter, names the
 * column and says how to fix it. Matching studies is in `filterMatch.ts`.
 */

/** A comparison operator, or a presence test (`exists` for `key`, `missing` for `!key`). */
export type FilterOperator = '=' | '!=' | '>=' | '<=' | '>' | '<' | '~' | '!~' | 'exists' | 'missing';

/** One condition of a filter. */
export interface FilterCondition {
  /** Attribute key; dots reach into nested mappings. */
  readonly key: string;
  readonly operator: FilterOperator;
  /** Values to compare with (any of them); empty for presence tests. */
  readonly values: readonly string[];
}

/** A parsed filter: its conditions, all of which a study must meet. */
export interface StudyFilter {
  readonly conditions: readonly FilterCondition[];
}

/** A filter that could not be parsed; the message says where and how to fix it. */
export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    /** The filter text. */
    readonly filter: string,
    /** 1-based column of the problem. */
    readonly column: number,
  ) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

/** The filter that keeps every study. */
export const MATCH_ALL: StudyFilter = { conditions: [] };

const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~'] as const;
const KEY = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*/u;
const OPERATOR_CHARS = '=<>!~';
const ALTERNATIVES_ALLOWED: readonly FilterOperator[] = ['=', '!=', '~', '!~'];

/** Parses one filter text, or several (one per `--filter` flag), into one ANDed filter. */
export function parseFilter(text: string | readonly string[]): StudyFilter {
  const texts = typeof text === 'string' ? [text] : text;
  return { conditions: texts.flatMap(parseOne) };
}

function parseOne(source: string): FilterCondition[] {
  const conditions: FilterCondition[] = [];
  const reader = new Reader(source);
  reader.skipSpaces();
  while (!reader.atEnd()) {
    if (reader.peek() === ';') {
      reader.advance(1);
    } else {
      conditions.push(readCondition(reader));
      reader.skipSpaces();
      if (!reader.atEnd() && reader.peek() !== ';') reader.fail(`expected \`;\` between conditions, found \`${reader.peek()}\``);
    }
    reader.skipSpaces();
  }
  return conditions;
}

function readCondition(reader: Reader): FilterCondition {
  const negated = reader.peek() === '!';
  if (negated) reader.advance(1);
  reader.skipSpaces();
  const key = reader.match(KEY);
  if (!key) {
    const found = reader.atEnd() ? 'the end' : `\`${reader.peek()}\``;
    reader.fail(`expected an attribute name (e.g. \`country\`, \`casp.findings\`), found ${found}`);
  }
  reader.skipSpaces();
  if (reader.atEnd() || reader.peek() === ';') return { key, operator: negated ? 'missing' : 'exists', values: [] };
  if (negated) reader.fail(`\`!${key}\` tests that \`${key}\` is absent and takes no value; write \`${key}!=value\` to exclude a value`);
  const operator = OPERATORS.find((candidate) => reader.startsWith(candidate));
  if (!operator) reader.fail(`expected an operator (= != > >= < <= ~ !~) after \`${key}\`, found \`${reader.peek()}\``);
  reader.advance(operator.length);
  const values = readValues(reader, key, operator);
  return { key, operator, values };
}

function readValues(reader: Reader, key: string, operator: FilterOperator): string[] {
  const values = [readValue(reader, key, operator)];
  while (reader.peek() === '|') {
    if (!ALTERNATIVES_ALLOWED.includes(operator)) reader.fail(`\`|\` (any of) works with = != ~ !~, not with \`${operator}\``);
    reader.advance(1);
    values.push(readValue(reader, key, operator));
  }
  return values;
}

function readValue(reader: Reader, key: string, operator: FilterOperator): string {
  reader.skipSpaces();
  if (reader.peek() === '"') return reader.quoted();
  const start = reader.position;
  const raw = reader.until(';|').trim();
  if (!raw) {
    reader.fail(`expected a value after \`${key}${operator}\`; to select studies without \`${key}\`, write \`!${key}\``, start);
  }
  if (OPERATOR_CHARS.includes(raw[0])) {
    reader.fail(`the value \`${raw}\` starts with \`${raw[0]}\`: write one operator (e.g. \`${key}${operator}${raw.slice(1)}\`), or quote the value`, start);
  }
  return raw;
}

/** A cursor over a filter text that throws located `FilterSyntaxError`s. */
class Reader {
  position = 0;

  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.position >= this.source.length;
  }

  peek(): string {
    return this.source[this.position] ?? '';
  }

  advance(count: number): void {
    this.position += count;
  }

  startsWith(text: string): boolean {
    return this.source.startsWith(text, this.position);
  }

  skipSpaces(): void {
    while (/\s/.test(this.peek())) this.position++;
  }

  match(pattern: RegExp): string | undefined {
    const found = pattern.exec(this.source.slice(this.position))?.[0];
    if (found) this.position += found.length;
    return found;
  }

  /** The text up to (not including) the first of `stops`, or to the end. */
  until(stops: string): string {
    const start = this.position;
    while (!this.atEnd() && !stops.includes(this.peek())) this.position++;
    return this.source.slice(start, this.position);
  }

  /** A double-quoted value with `\"` and `\\` escapes. */
  quoted(): string {
    const start = this.position;
    let value = '';
    for (this.position++; !this.atEnd(); this.position++) {
      const char = this.peek();
      if (char === '"') {
        this.position++;
        this.skipSpaces();
        return value;
      }
      if (char === '\\' && this.position + 1 < this.source.length) this.position++;
      value += this.peek();
    }
    return this.fail('the quoted value is never closed: add a `"`', start);
  }

  fail(reason: string, at = this.position): never {
    throw new FilterSyntaxError(`Invalid filter \`${this.source}\` at column ${at + 1}: ${reason}.`, this.source, at + 1);
  }
}

/** The filter as canonical text (`key=value; key2>=3`), for reports and view titles. */
export function formatFilter(filter: StudyFilter): string {
  return filter.conditions.map(formatCondition).join('; ');
}

function formatCondition({ key, operator, values }: FilterCondition): string {
  if (operator === 'exists') return key;
  if (operator === 'missing') return `!${key}`;
  return `${key}${operator}${values.map(formatValue).join('|')}`;
}

function formatValue(value: string): string {
  const plain = value === value.trim() && value !== '' && !/[;|"]/.test(value) && !OPERATOR_CHARS.includes(value[0]);
  return plain ? value : `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}
