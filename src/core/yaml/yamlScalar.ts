/**
 * Writing a string back into YAML in the style it was written in, so an edit of one
 * value keeps the reviewer's quoting: a plain scalar stays plain while YAML reads it back
 * as the same string (else it is single-quoted), quoted scalars keep their quotes.
 */
import yaml from 'js-yaml';

/** How a YAML scalar is written. */
export type ScalarStyle = 'plain' | 'single' | 'double';

/** `value` as a YAML scalar of `style`; `inFlow` when it stands inside a flow list (`[…]`). */
export function encodeYamlScalar(value: string, style: ScalarStyle, inFlow: boolean): string {
  // JSON's escapes are a subset of YAML's double-quoted ones.
  if (style === 'double') return JSON.stringify(value);
  if (style === 'plain' && plainReadsAs(value, inFlow)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

/** True when `value`, written plain, reads back as that string (not a number, a list, a comment…). */
function plainReadsAs(value: string, inFlow: boolean): boolean {
  if (value !== value.trim() || value === '') return false;
  try {
    const read = yaml.safeLoad(inFlow ? `[${value}]` : `key: ${value}`) as unknown;
    return inFlow ? Array.isArray(read) && read.length === 1 && read[0] === value : (read as { key?: unknown } | undefined)?.key === value;
  } catch {
    return false;
  }
}
