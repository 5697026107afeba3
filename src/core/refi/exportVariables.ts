/**
 * Study attributes (front-matter keys) as REFI-QDA Variables with a value on each
 * source. A variable is Integer when every value is a whole number (or text that is
 * one, `"2019"`), Float when every
 * value is a number, Boolean when every value is true/false, Text otherwise. Lists are
 * joined with `; ` (and marked in the variable's description so an import can split
 * them again); nested mappings such as `casp` become `casp.aims`, `casp.ethics`…
 * The `id` key is the source's name, not a variable.
 */
import type { AttributeValue } from '../model';
import type { GuidRegistry } from './guid';
import { xmlSafe, type XmlOut } from './xml';

/** REFI-QDA variable types QualSynth writes. */
export type VariableType = 'Text' | 'Integer' | 'Float' | 'Boolean';

/** One variable of the export. */
export interface ExportVariable {
  readonly name: string;
  readonly guid: string;
  readonly type: VariableType;
  /** True when at least one study gives a list (values joined with `; `). */
  readonly isList: boolean;
}

/** The description that marks a variable whose values are lists joined with `; `. */
export const LIST_VARIABLE_DESCRIPTION = 'List: values are joined with "; ".';

/** Separator of list items in a Text value. */
export const LIST_SEPARATOR = '; ';

type Scalar = string | number | boolean;

/** Variables for a set of studies' attributes, in first-seen order. */
export function exportVariables(attributeSets: ReadonlyArray<Readonly<Record<string, AttributeValue>>>, guids: GuidRegistry): ExportVariable[] {
  const seen = new Map<string, { values: Scalar[]; isList: boolean }>();
  for (const attributes of attributeSets) {
    for (const [name, value] of flatten(attributes)) {
      let entry = seen.get(name);
      if (!entry) seen.set(name, (entry = { values: [], isList: false }));
      if (Array.isArray(value)) entry.isList = true;
      else entry.values.push(value);
    }
  }
  return [...seen].map(([name, { values, isList }]) => ({ name, guid: guids.next(`variable:${name}`), type: isList ? 'Text' : typeOf(values), isList }));
}

/** The `<VariableValue>` elements of one study. */
export function variableValues(attributes: Readonly<Record<string, AttributeValue>>, variables: readonly ExportVariable[]): XmlOut[] {
  const values = new Map(flatten(attributes));
  const out: XmlOut[] = [];
  for (const variable of variables) {
    const value = values.get(variable.name);
    if (value === undefined) continue;
    const element: XmlOut = { VariableRef: { '@targetGUID': variable.guid } };
    if (variable.type === 'Integer') element.IntegerValue = String(value).trim();
    else if (variable.type === 'Float') element.FloatValue = String(value);
    else if (variable.type === 'Boolean') element.BooleanValue = String(value);
    else element.TextValue = xmlSafe(Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value));
    out.push(element);
  }
  return out;
}

/** The `<Variable>` element of a variable. */
export function variableElement(variable: ExportVariable): XmlOut {
  const element: XmlOut = { '@guid': variable.guid, '@name': xmlSafe(variable.name), '@typeOfVariable': variable.type };
  if (variable.isList) element.Description = LIST_VARIABLE_DESCRIPTION;
  return element;
}

/** Flattens attributes to `name → scalar or list of strings`, leaving out `id` and empty values. */
function flatten(attributes: Readonly<Record<string, AttributeValue>>, prefix = ''): Array<[string, Scalar | string[]]> {
  const out: Array<[string, Scalar | string[]]> = [];
  for (const [key, value] of Object.entries(attributes)) {
    const name = prefix + key;
    if (name === 'id' || value === null || value === '') continue;
    if (Array.isArray(value)) {
      const items = value.filter((item) => item !== null).map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)));
      if (items.length > 0) out.push([name, items]);
    } else if (typeof value === 'object') {
      out.push(...flatten(value, `${name}.`));
    } else {
      out.push([name, value]);
    }
  }
  return out;
}

/** A whole number, or text that is one (`"2019"`), without leading zeros. */
function isInteger(value: Scalar): boolean {
  return typeof value === 'number' ? Number.isSafeInteger(value) : typeof value === 'string' && /^-?(?:0|[1-9]\d{0,14})$/.test(value.trim());
}

function typeOf(values: readonly Scalar[]): VariableType {
  if (values.length > 0 && values.every(isInteger)) return 'Integer';
  if (values.length > 0 && values.every((value) => typeof value === 'number' && Number.isFinite(value) && !/e/i.test(String(value)))) return 'Float';
  if (values.length > 0 && values.every((value) => typeof value === 'boolean')) return 'Boolean';
  return 'Text';
}
