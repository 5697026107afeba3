/**
 * The study attribute analyses group by when none is named: the project file's
 * choice, else the first column of `studyColumns` that some study gives as a list
 * (`perspective: [workers, recipients]`: a review's perspectives), else the first
 * column some study has, citation, id, title and year aside.
 */
import { attributeValues } from '../filterMatch';
import type { AttributeValue, Study } from '../model';

const NOT_GROUPS = new Set(['citation', 'id', 'title', 'year', 'authors']);

/** The attribute to group by, or `undefined` when the studies have none to offer. */
export function defaultAttribute(studies: readonly Study[], studyColumns: readonly string[], configured?: string): string | undefined {
  if (configured) return configured;
  const isList = (value: AttributeValue | undefined): boolean => Array.isArray(value);
  const listColumn = studyColumns.find((column) => studies.some((study) => isList(study.attributes[column])));
  if (listColumn) return listColumn;
  return studyColumns.find((column) => !NOT_GROUPS.has(column) && studies.some((study) => attributeValues(study, column).length > 0));
}

/** True when at least one study has a value for the attribute. */
export function hasAttribute(studies: readonly Study[], attribute: string): boolean {
  return studies.some((study) => attributeValues(study, attribute).length > 0);
}
