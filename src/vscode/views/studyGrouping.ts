/**
 * Grouping of studies by a front-matter attribute for the Studies view: which keys can
 * group, and the groups (a list attribute puts a study under each of its values). Pure.
 */
import { type AttributeValue, compareText, type Study } from '../../core';

/** Keys offered first, in this order, when the studies have them. */
const PREFERRED_KEYS = ['perspective', 'country', 'year', 'design'];
/** Keys unique to each study: grouping by them gives one group per study. */
const UNGROUPABLE_KEYS = new Set(['id', 'title', 'citation']);

/** One group: an attribute value (`undefined` for studies without one) and its studies. */
export interface StudyGroup {
  readonly value: string | undefined;
  readonly studies: readonly Study[];
}

/**
 * The keys studies can be grouped by: scalar and list attributes, and `key.sub` for the
 * scalar fields of mappings (e.g. `casp.findings`); preferred keys first, then by name.
 */
export function groupingKeys(studies: readonly Study[]): string[] {
  const keys = new Set<string>();
  for (const study of studies) {
    for (const [key, value] of Object.entries(study.attributes)) {
      if (UNGROUPABLE_KEYS.has(key)) continue;
      if (!isMapping(value)) {
        keys.add(key);
        continue;
      }
      for (const [sub, inner] of Object.entries(value)) if (!isMapping(inner)) keys.add(`${key}.${sub}`);
    }
  }
  const preferred = PREFERRED_KEYS.filter((key) => keys.has(key));
  return [...preferred, ...[...keys].filter((key) => !PREFERRED_KEYS.includes(key)).sort(compareText)];
}

/** A study's values for a key (`a.b` reaches into a mapping), as trimmed non-empty text. */
export function attributeValues(study: Study, key: string): string[] {
  return leaves(lookUp(study.attributes, key));
}

/** Studies grouped by a key's values, values in natural order, studies without one last. */
export function groupStudies(studies: readonly Study[], key: string): StudyGroup[] {
  const byValue = new Map<string, Study[]>();
  const without: Study[] = [];
  for (const study of studies) {
    const values = [...new Set(attributeValues(study, key))];
    if (values.length === 0) without.push(study);
    for (const value of values) {
      const group = byValue.get(value);
      if (group) group.push(study);
      else byValue.set(value, [study]);
    }
  }
  const groups: StudyGroup[] = [...byValue.keys()].sort(compareValues).map((value) => ({ value, studies: byValue.get(value)! }));
  return without.length > 0 ? [...groups, { value: undefined, studies: without }] : groups;
}

function lookUp(record: Readonly<Record<string, AttributeValue>>, key: string): AttributeValue | undefined {
  if (Object.hasOwn(record, key)) return record[key];
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const parent = record[key.slice(0, dot)];
  return isMapping(parent) ? lookUp(parent, key.slice(dot + 1)) : undefined;
}

function leaves(value: AttributeValue | undefined): string[] {
  if (value === undefined || value === null || isMapping(value)) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  const text = String(value).trim();
  return text ? [text] : [];
}

function isMapping(value: AttributeValue | undefined): value is { [key: string]: AttributeValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Numbers by value, else text case-insensitively (ordinal, so the order is stable). */
function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b);
}
