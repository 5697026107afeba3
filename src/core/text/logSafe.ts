/**
 * Text printed to a terminal or a CI log in one line that cannot be mistaken for
 * anything else: a file name or message from a cloned review may hold a newline followed
 * by `::error file=…::` (a GitHub Actions workflow command) or terminal escape codes.
 */

/** Control characters, line and paragraph separators: everything that can break or recolour a line. */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written as an escape (`\n`, `\u001b`). */
export function escapeForLog(text: string): string {
  return text.replace(UNSAFE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A path at the start of a log line: escaped, and with `./` in front when it would begin
 * the line with `:` or a space, which CI runners read as the start of a command.
 */
export function logPath(path: string): string {
  const escaped = escapeForLog(path);
  return /^[\s:]/.test(escaped) ? `./${escaped}` : escaped;
}
