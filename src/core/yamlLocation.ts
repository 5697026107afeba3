/**
 * Where a YAML error really is. js-yaml reports an unclosed quote or bracket where the
 * text ends (in front matter: the closing `---`) and a missing comma on the line after
 * the bad one; the researcher needs the line to fix. The first line at which the text
 * cut after it no longer parses is that line.
 */
import yaml from 'js-yaml';

/** A YAML problem located on the line to fix (0-based within the YAML text). */
export interface YamlProblem {
  readonly line: number;
  readonly column: number;
  /** js-yaml's reason, e.g. `unexpected end of the stream within a flow collection`. */
  readonly reason: string;
}

interface YamlErrorShape {
  readonly reason?: string;
  readonly message?: string;
  readonly mark?: { readonly line?: number; readonly column?: number };
}

/** The problem js-yaml finds in `text` (safe schema), or `undefined` when it parses. */
function parseProblem(text: string): YamlProblem | undefined {
  try {
    yaml.safeLoad(text, { json: false });
    return undefined;
  } catch (error) {
    const shape = (error ?? {}) as YamlErrorShape;
    return { line: shape.mark?.line ?? 0, column: shape.mark?.column ?? 0, reason: shape.reason ?? String(shape.message ?? error).split('\n')[0] };
  }
}

/**
 * Locates the first problem of `text`: binary search for the shortest run of whole lines
 * that fails to parse (O(log n) parses, so a long front matter costs little), reported
 * at its last line with that prefix's reason. `error` is js-yaml's report on the whole
 * text, used when no prefix fails on its own line (the problem needs what follows).
 */
export function locateYamlProblem(text: string, error: YamlProblem): YamlProblem {
  const lines = text.split('\n');
  const prefix = (count: number): string => lines.slice(0, count).join('\n');
  let low = 0; // a prefix of `low` lines parses
  let high = Math.min(lines.length, error.line + 1); // a prefix of `high` lines fails, or the whole text does
  if (parseProblem(prefix(high)) === undefined) return error;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (parseProblem(prefix(middle)) === undefined) low = middle;
    else high = middle;
  }
  const line = high - 1;
  const found = parseProblem(prefix(high));
  if (!found) return error;
  return { line, column: found.line === line ? found.column : 0, reason: found.reason };
}
