/**
 * One-line summaries of the included studies' characteristics (years, countries,
 * designs …) for ENTREQ item 8, from the front-matter columns of the studies table.
 */
import type { AttributeValue, Study } from '../model';
import { compareText } from '../text/compareText';

/** Columns that describe a study rather than characterise it. */
const NOT_SUMMARISED = new Set(['citation', 'id', 'title', 'authors']);
/** Most distinct values listed per attribute before "and N more". */
const MAX_VALUES = 8;

/** Sentences like "year: 1995–2012" and "country: USA (9), UK (7)". */
export function describeStudies(studies: readonly Study[], columns: readonly string[]): string[] {
  return columns
    .filter((column) => !NOT_SUMMARISED.has(column))
    .map((column) => describeColumn(studies, column))
    .filter((sentence): sentence is string => sentence !== undefined);
}

function describeColumn(studies: readonly Study[], column: string): string | undefined {
  const values = studies.flatMap((study) => scalars(study.attributes[column]));
  if (values.length === 0) return undefined;
  const numbers = values.map(Number);
  if (numbers.every((value) => Number.isFinite(value))) return describeNumbers(column, numbers);
  return `${column}: ${valueCounts(values)}`;
}

/** Years as a range, other numbers (participants) as a total. */
function describeNumbers(column: string, numbers: number[]): string {
  let min = numbers[0];
  let max = numbers[0];
  let sum = 0;
  for (const value of numbers) {
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
  }
  if (column === 'year') return min === max ? `year: ${min}` : `year: ${min}–${max}`;
  return `${column}: ${sum} in total (${min}–${max} per study)`;
}

/** "USA (9), UK (7) and 3 more", most frequent first. */
function valueCounts(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const shown = sorted.slice(0, MAX_VALUES).map(([value, count]) => `${value} (${count})`);
  const more = sorted.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function scalars(value: AttributeValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(scalars);
  if (typeof value === 'object') return [];
  const text = String(value).trim();
  return text ? [text] : [];
}
