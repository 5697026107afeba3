/**
 * YAML for the project file and front matter, safely: js-yaml's safe schema (no code,
 * no custom tags), with calendar dates checked (`2020-13-45` is a problem, not
 * 14 February 2021) and a bound on the values aliases may expand to, checked before
 * anything walks the data, so a "billion laughs" of a few hundred bytes costs nothing.
 */
import yaml from 'js-yaml';

/** Upper bound on the values of one YAML document, following aliases. */
export const MAX_YAML_VALUES = 10_000;

/** A date scalar that names no calendar day; kept as its text for the problem. */
export class InvalidYamlDate {
  constructor(readonly text: string) {}
}

const DATE = /^(\d{4})-(\d\d?)-(\d\d?)/;

/** The safe schema's timestamp, checking that year, month and day name a real day. */
const timestampType = (yaml.DEFAULT_SAFE_SCHEMA as unknown as { compiledTypeMap: { scalar: Record<string, yaml.Type> } }).compiledTypeMap.scalar['tag:yaml.org,2002:timestamp'];
const checkedTimestamp = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: (data: string) => timestampType.resolve(data),
  construct: (data: string) => {
    const date = timestampType.construct(data) as Date;
    const [, year, month, day] = DATE.exec(data) ?? [];
    const fields = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    return fields.join('-') === [Number(year), Number(month), Number(day)].join('-') ? date : new InvalidYamlDate(data);
  },
  instanceOf: Date,
});

/** The schema: js-yaml's safe schema with checked dates. */
export const SAFE_YAML_SCHEMA = new yaml.Schema({ include: [yaml.DEFAULT_SAFE_SCHEMA], implicit: [checkedTimestamp] });

/** A problem found in parsed YAML: where (the key path) and what. */
export interface YamlValueProblem {
  /** `expansion`: too many values, then the only problem; an invalid `date`; a `reserved-key`. */
  readonly kind: 'expansion' | 'date' | 'reserved-key';
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/** Parses YAML with the safe schema (throws js-yaml's located `YAMLException`). */
export function parseSafeYaml(text: string, filename: string): unknown {
  return yaml.safeLoad(text, { filename, schema: SAFE_YAML_SCHEMA, json: false });
}

/**
 * Checks parsed YAML before it is used: more than `MAX_YAML_VALUES` values (aliases
 * followed) is one problem and nothing else is looked at; otherwise each invalid date
 * and each key JavaScript reserves (`__proto__`, `constructor`, `prototype`) is one.
 */
export function checkYamlValues(data: unknown): YamlValueProblem[] {
  const problems: YamlValueProblem[] = [];
  let count = 0;
  const visit = (value: unknown, path: Array<string | number>): boolean => {
    if (++count > MAX_YAML_VALUES) return false;
    if (value instanceof InvalidYamlDate) problems.push({ kind: 'date', path, message: `\`${value.text}\` is not a date (no such month or day): write it as YYYY-MM-DD, or quote it to keep it as text` });
    if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof InvalidYamlDate) return true;
    const list = Array.isArray(value);
    for (const [key, child] of Object.entries(value)) {
      const step = list ? Number(key) : key;
      if (!list && RESERVED_KEYS.has(key)) problems.push({ kind: 'reserved-key', path: [...path, key], message: `the key \`${key}\` is reserved in JavaScript and is ignored: rename it` });
      // An invalid date goes on as the text that was written, never as a rolled-over day.
      if (child instanceof InvalidYamlDate) (value as Record<string, unknown>)[key] = child.text;
      if (!visit(child, [...path, step])) return false;
    }
    return true;
  };
  if (!visit(data, [])) return [{ kind: 'expansion', path: [], message: `it expands to more than ${MAX_YAML_VALUES} values (YAML anchors and aliases?): write the values out` }];
  return problems;
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
