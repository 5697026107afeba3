/**
 * Checks a revision name typed by a user (a branch, tag, commit id, `HEAD~2`,
 * `origin/main`) before it reaches `git`. Arguments always go to git as an array, never
 * through a shell; this check adds what an array cannot: no option injection (`-x`,
 * `--output=…`), no ranges or symmetric differences (`a..b`, `a...b`), no `rev:path`
 * blob syntax, no pathspec or glob magic, no control characters.
 */

/** A revision name that QualSynth refuses to pass to git, with the reason. */
export class InvalidRevisionError extends Error {
  constructor(readonly revision: string, reason: string) {
    super(`Invalid revision \`${printable(revision)}\`: ${reason}. Name one commit: a branch, tag, commit id, or an expression such as HEAD~1 or origin/main.`);
  }
}

const MAX_LENGTH = 256;
/** Characters git's ref and revision syntax never needs here. */
const forbidden = /[\s\\:?*[\]'"`$;|&<>]/u;
// Control characters (C0, DEL, C1) are refused so nothing can hide in a name.
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u001f\u007f-\u009f]/u;

/** Throws `InvalidRevisionError` unless `revision` is a plain single-commit name. */
export function assertValidRevision(revision: string): void {
  const reason = revisionProblem(revision);
  if (reason) throw new InvalidRevisionError(revision, reason);
}

/** Why a revision name is refused, or `undefined` when it is acceptable. */
export function revisionProblem(revision: string): string | undefined {
  if (revision.length === 0) return 'it is empty';
  if (revision.length > MAX_LENGTH) return `it is longer than ${MAX_LENGTH} characters`;
  if (control.test(revision)) return 'it contains a control character';
  if (revision.startsWith('-')) return 'it starts with `-`, so git would read it as an option';
  if (revision.includes('..')) return 'ranges (`a..b`, `a...b`) are not revisions; give the two ends as two arguments';
  if (forbidden.test(revision)) return 'it contains a space or one of \\ : ? * [ ] \' " ` $ ; | & < >';
  if (/\{/.test(revision.replace(/@\{[^{}]*\}/g, ''))) return 'braces are only allowed in reflog syntax such as HEAD@{1}';
  if (revision.endsWith('/') || revision.endsWith('.') || revision.includes('//')) return 'it is not a well-formed ref name';
  return undefined;
}

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const shown = text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}
