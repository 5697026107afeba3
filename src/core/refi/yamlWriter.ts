/**
 * YAML for the files an import writes (front matter, `qualsynth.yaml`). js-yaml 3
 * escapes characters outside the BMP (`\U0001F600` for 😀), which reads back right but
 * is unreadable in a study file; the values written here are only scalars, lists of
 * scalars and one level of mapping, so a small writer that quotes with JSON (valid
 * YAML double-quoted scalars) keeps every character as it is.
 */
import type { AttributeValue } from '../model';

/** YAML lines (ending in `\n`) for a mapping of keys to attribute values. */
export function toYaml(data: Readonly<Record<string, AttributeValue>>, indent = ''): string {
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue;
    const name = `${indent}${scalar(key)}:`;
    if (Array.isArray(value)) {
      out += value.length === 0 ? `${name} []\n` : `${name}\n${value.map((item) => `${indent}  - ${typeof item === 'object' && item !== null ? JSON.stringify(item) : scalar(item)}\n`).join('')}`;
    } else if (typeof value === 'object') {
      out += `${name}\n${toYaml(value, `${indent}  `)}`;
    } else {
      out += `${name} ${scalar(value)}\n`;
    }
  }
  return out;
}

/** Words YAML would read as something other than a string. */
const special = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
/** Text safe to write unquoted: starts with a letter, no YAML indicators, no number or date look. */
const plain = /^\p{L}[\p{L}\p{M}\p{N} _.,;()'/&+-]*$/u;

function scalar(value: AttributeValue): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  if (plain.test(text) && !special.test(text) && !/\s$/.test(text) && !/ #|: /.test(text)) return text;
  return JSON.stringify(text);
}
