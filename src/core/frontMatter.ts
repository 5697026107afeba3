/**
 * YAML front matter, read with js-yaml's safe schema (`parseSafeYaml`: no type evaluates
 * code). Errors come back located at the line and column of the YAML problem, never
 * thrown. (It was read through gray-matter, which needs Node's Buffer and so no web
 * worker can run it; the block is cut as gray-matter cut it, so data and error
 * positions are unchanged.)
 */
import type { AttributeValue } from './model';
import { locateYamlProblem } from './yamlLocation';
import { yamlLine } from './protocol/yamlLines';
import { checkYamlValues, MAX_YAML_VALUES, parseSafeYaml } from './yaml/safeYaml';
import { readSimpleMapping } from './yaml/simpleMapping';

/** The outcome of reading a file's front matter. */
export interface FrontMatter {
  /** The mapping, or `{}` when absent or invalid. */
  readonly data: Record<string, AttributeValue>;
  /** Offset where the Markdown body starts (after the closing `---`). */
  readonly bodyStart: number;
  /** A located error (0-based line and column), when the front matter is invalid. */
  readonly error?: { readonly line: number; readonly column: number; readonly message: string };
}

const opening = /^---[ \t]*\r?\n/;
const closing = /^---[ \t]*\r?$/m;

/** Reads the front matter at the start of a text (BOM already removed). */
export function readFrontMatter(text: string): FrontMatter {
  const closeEnd = frontMatterEnd(text);
  if (closeEnd === 0) return { data: {}, bodyStart: 0 };
  if (closeEnd === -1) {
    return { data: {}, bodyStart: 0, error: { line: 0, column: 0, message: 'Front matter opened with `---` on line 1 is never closed: add a line `---` after the last key.' } };
  }
  const bodyStart = Math.min(closeEnd + 1, text.length);
  const block = text.slice(0, Math.min(closeEnd, text.length));
  try {
    const parsed = parseYaml(block + '\n');
    return checkShape(parsed, block, bodyStart);
  } catch (error) {
    return { data: {}, bodyStart, error: yamlError(error, block) };
  }
}

/**
 * Where the Markdown body starts, as `readFrontMatter` says, without parsing the YAML
 * (a search needs only the body, and YAML parsing was 8% of building its texts).
 */
export function frontMatterBodyStart(text: string): number {
  const closeEnd = frontMatterEnd(text);
  return closeEnd <= 0 ? 0 : Math.min(closeEnd + 1, text.length);
}

/** The end of the closing `---` line's text; 0 without front matter, -1 when it is never closed. */
function frontMatterEnd(text: string): number {
  const open = opening.exec(text);
  if (!open) return 0;
  const close = closing.exec(text.slice(open[0].length));
  if (!close) return -1;
  return open[0].length + close.index + close[0].length;
}

/**
 * The YAML of a front-matter block (`---` … `---`): from right after the opening `---`
 * (its line's rest included, so YAML line n is the file's line n) to the first line that
 * starts with `---`; blank or comment-only YAML is an empty mapping.
 */
function parseYaml(block: string): unknown {
  const afterOpening = block.slice('---'.length);
  const yamlText = afterOpening.slice(0, afterOpening.indexOf('\n---'));
  if (yamlText.replace(/^\s*#[^\n]+/gm, '').trim() === '') return {};
  return readSimpleMapping(yamlText) ?? parseSafeYaml(yamlText, 'front matter');
}

function checkShape(parsed: unknown, block: string, bodyStart: number): FrontMatter {
  if (parsed === null || parsed === undefined) return { data: {}, bodyStart };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { data: {}, bodyStart, error: { line: 1, column: 0, message: 'Front matter must be a mapping of keys to values (`key: value` lines), not a list or a single value.' } };
  }
  const found = checkYamlValues(parsed);
  if (found.some((item) => item.kind === 'expansion')) {
    return { data: {}, bodyStart, error: { line: 1, column: 0, message: `Front matter expands to more than ${MAX_YAML_VALUES} values (YAML anchors and aliases?): write the values out.` } };
  }
  const data = toAttributes(parsed) as Record<string, AttributeValue>;
  const first = found[0];
  if (!first) return { data, bodyStart };
  // The block starts with the opening `---`: the YAML's line 0 is the file's line 1.
  const line = yamlLine(block.replace(/^---[^\n]*\n/, ''), first.path) + 1;
  return { data, bodyStart, error: { line, column: 0, message: `Front matter \`${first.path.join('.')}\`: ${first.message}.` } };
}

/** Plain JSON-like values: dates become `YYYY-MM-DD` strings. */
function toAttributes(value: unknown): AttributeValue {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(toAttributes);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, AttributeValue> = {};
    for (const [key, child] of Object.entries(value)) out[key] = toAttributes(child);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

interface YamlErrorShape {
  reason?: string;
  message?: string;
  mark?: { line?: number; column?: number };
}

/** The error on the line to fix: `block` is the front matter with its `---` lines. */
function yamlError(error: unknown, block: string): { line: number; column: number; message: string } {
  const shape = (error ?? {}) as YamlErrorShape;
  const reported = { line: Math.max(0, (shape.mark?.line ?? 1) - 1), column: shape.mark?.column ?? 0, reason: shape.reason ?? String(shape.message ?? error).split('\n')[0] };
  // The YAML starts on line 1 of the file (after `---`); js-yaml counted from there too.
  const yamlText = block.slice(block.indexOf('\n') + 1).replace(/\r?\n---[ \t]*\r?$/, '');
  const { line, column, reason } = shape.mark ? locateYamlProblem(yamlText, reported) : reported;
  const hint = /end of the stream/.test(reason) ? 'A quote or bracket opened on this line is never closed: close it, or quote the whole value.' : 'Fix the line or quote the value.';
  return { line: line + 1, column, message: `Invalid YAML in front matter: ${reason}. ${hint}` };
}
