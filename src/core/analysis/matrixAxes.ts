/**
 * The rows and columns of matrix coding. Rows are themes at one level (a theme row
 * holds the codes of the theme and of all its sub-themes) or codes. Columns group the
 * studies — by an attribute's values, one per study — or are codes.
 */
import { attributeValues } from '../filterMatch';
import type { Study, Theme } from '../model';
import { type ReviewIndex } from '../reviewIndex';
import { compareText } from '../text/compareText';
import type { AnalysisScope } from './scope';

/** What the rows are. */
export type MatrixRowKind = 'themes' | 'codes';

/** What the columns are: a study attribute's values, each study, or each code. */
export type MatrixColumnSpec =
  | { readonly kind: 'attribute'; readonly attribute: string; /** Numeric values grouped in ranges this wide (years by decade: 10). */ readonly binWidth?: number }
  | { readonly kind: 'studies' }
  | { readonly kind: 'codes' };

/** A row: its label and the codes it counts. */
export interface MatrixRow {
  /** Stable key: the theme path joined with ` › `, or the code. */
  readonly key: string;
  readonly label: string;
  readonly codes: readonly string[];
}

/** A column: its label and, for study groups, how many studies it holds. */
export interface MatrixColumn {
  /** Stable key: the normalised attribute value, the study path, or the code. */
  readonly key: string;
  readonly label: string;
  /** Studies in the group (attribute and study columns); absent for code columns. */
  readonly studies?: number;
}

/** The label of the column of studies without a value for the attribute. */
export const NOT_GIVEN = '(not given)';

/** The rows: themes of depth `level` (1: top level) in codebook order, or every reported code. */
export function matrixRows(index: ReviewIndex, scope: AnalysisScope, kind: MatrixRowKind, level = 1): MatrixRow[] {
  if (kind === 'codes') return scope.codes.map((code) => ({ key: code, label: code, codes: [code] }));
  const reported = (code: string): boolean => scope.codeIndex.has(code);
  return index
    .allThemes()
    .filter((theme) => theme.path.length === level)
    .map((theme: Theme) => ({ key: theme.path.join(' › '), label: theme.title, codes: index.codesOfTheme(theme).filter(reported) }));
}

/** Study columns: the columns, and for each study (in scope order) the columns it belongs to. */
export interface StudyColumns {
  readonly columns: MatrixColumn[];
  readonly ofStudy: ReadonlyArray<readonly number[]>;
}

/** One column per study, in scope (path) order, labelled with its id. */
export function studyColumns(studies: readonly Study[]): StudyColumns {
  return { columns: studies.map((study) => ({ key: study.path, label: study.id, studies: 1 })), ofStudy: studies.map((_, number) => [number]) };
}

/**
 * One column per value of an attribute (case-insensitively, the first spelling labels
 * it), sorted as numbers when all are numbers, else as text; a list attribute puts the
 * study in every group it names; studies without the attribute go to a last column.
 */
export function attributeColumns(studies: readonly Study[], attribute: string, binWidth?: number): StudyColumns {
  const labels = new Map<string, string>();
  const keysOfStudy = studies.map((study) => {
    const keys = new Set<string>();
    for (const value of attributeValues(study, attribute)) {
      const [key, label] = binWidth ? binned(value, binWidth) : [value.toLowerCase(), value];
      if (!labels.has(key)) labels.set(key, label);
      keys.add(key);
    }
    return [...keys];
  });
  const keys = [...labels.keys()];
  const numeric = keys.every((key) => isNumber(key));
  keys.sort(numeric ? (a, b) => Number(a) - Number(b) : compareText);
  const missing = keysOfStudy.some((list) => list.length === 0);
  const position = new Map(keys.map((key, number) => [key, number]));
  const ofStudy = keysOfStudy.map((list) => (list.length === 0 ? [keys.length] : list.map((key) => position.get(key)!).sort((a, b) => a - b)));
  const counts = new Array<number>(keys.length + 1).fill(0);
  for (const list of ofStudy) for (const column of list) counts[column]++;
  const columns: MatrixColumn[] = keys.map((key, number) => ({ key, label: labels.get(key)!, studies: counts[number] }));
  if (missing) columns.push({ key: '', label: NOT_GIVEN, studies: counts[keys.length] });
  return { columns, ofStudy };
}

/** A numeric value's range of `width`: key its lower bound, label `2000–2009`; other values stay as they are. */
function binned(value: string, width: number): [string, string] {
  if (!isNumber(value)) return [value.toLowerCase(), value];
  const low = Math.floor(Number(value) / width) * width;
  const high = low + width - 1;
  return [String(low), Number.isInteger(width) ? `${low}–${high}` : `${low}–${low + width}`];
}

function isNumber(text: string): boolean {
  return /^[+-]?\d+(?:\.\d+)?$/.test(text);
}
