/**
 * Which studies a parsed filter (`filter.ts`, where the language is described) keeps:
 * conditions on front-matter attributes, `id` and `path`.
 */
import type { FilterCondition, FilterOperator, StudyFilter } from './filter';
import type { AttributeValue, Study } from './model';

/** True when a study meets every condition of the filter. */
export function matchesFilter(study: Study, filter: StudyFilter): boolean {
  return filter.conditions.every((condition) => meetsCondition(study, condition));
}

/** The studies that meet the filter, in their given order. */
export function filterStudies<T extends Study>(studies: readonly T[], filter: StudyFilter): T[] {
  return filter.conditions.length === 0 ? [...studies] : studies.filter((study) => matchesFilter(study, filter));
}

function meetsCondition(study: Study, condition: FilterCondition): boolean {
  const actual = leaves(attributeOf(study, condition.key));
  switch (condition.operator) {
    case 'exists':
      return actual.some((value) => value !== '');
    case 'missing':
      return !actual.some((value) => value !== '');
    case '!=':
      return !anyMatches(actual, condition.values, '=');
    case '!~':
      return !anyMatches(actual, condition.values, '~');
    default:
      return anyMatches(actual, condition.values, condition.operator);
  }
}

function anyMatches(actual: readonly string[], wanted: readonly string[], operator: FilterOperator): boolean {
  return actual.some((value) => wanted.some((target) => compareValue(value, normalise(target), operator)));
}

function compareValue(actual: string, wanted: string, operator: FilterOperator): boolean {
  if (operator === '~') return actual.includes(wanted);
  const order = numericOrder(actual, wanted) ?? (actual < wanted ? -1 : actual > wanted ? 1 : 0);
  switch (operator) {
    case '=':
      return order === 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    default:
      return false;
  }
}

/** Compares as numbers when both sides are numbers, else `undefined`. */
function numericOrder(a: string, b: string): number | undefined {
  const x = toNumber(a);
  const y = toNumber(b);
  return x === undefined || y === undefined ? undefined : Math.sign(x - y);
}

function toNumber(text: string): number | undefined {
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

function normalise(value: string): string {
  return value.normalize('NFC').trim().toLowerCase();
}

/**
 * A study's values for an attribute key as the filter language finds them (`id`, `path`,
 * dots into mappings, case-insensitive keys), list elements flattened, trimmed and
 * NFC-normalised but with their case kept, empty ones left out.
 */
export function attributeValues(study: Study, key: string): string[] {
  const flat = (value: AttributeValue | undefined): string[] => {
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value.flatMap(flat);
    if (typeof value === 'object') return [];
    const text = String(value).normalize('NFC').trim();
    return text ? [text] : [];
  };
  return flat(attributeOf(study, key));
}

/** A study's value for a key: `id` and `path` are the study's own, the rest front matter. */
function attributeOf(study: Study, key: string): AttributeValue | undefined {
  if (key === 'id') return study.id;
  if (key === 'path') return study.path;
  return lookUp(study.attributes, key);
}

function lookUp(record: Readonly<Record<string, AttributeValue>>, key: string): AttributeValue | undefined {
  const direct = field(record, key);
  if (direct !== undefined) return direct;
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const parent = field(record, key.slice(0, dot));
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return undefined;
  return lookUp(parent, key.slice(dot + 1));
}

function field(record: Readonly<Record<string, AttributeValue>>, key: string): AttributeValue | undefined {
  if (Object.hasOwn(record, key)) return record[key];
  const lower = key.toLowerCase();
  const match = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return match === undefined ? undefined : record[match];
}

/** Scalar values of an attribute (list elements flattened), normalised for comparison. */
function leaves(value: AttributeValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object') return Object.keys(value).length > 0 ? ['[mapping]'] : [];
  return [normalise(String(value))];
}
