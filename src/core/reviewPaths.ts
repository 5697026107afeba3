/**
 * Paths with `/` as the separator (review-relative paths, links in reports) normalised
 * and joined as POSIX does, without Node's `path` module so the core also runs in a web
 * worker. A unit test checks them against `node:path/posix`.
 */

/** `path` with `.` segments, repeated `/` and `name/..` pairs removed (`''` becomes `.`); a trailing `/` stays. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (!absolute) parts.push(part);
  }
  let normal = parts.join('/');
  if (absolute) normal = `/${normal}`;
  else if (normal === '') normal = '.';
  return path.endsWith('/') && !normal.endsWith('/') ? `${normal}/` : normal;
}

/** The parts joined with `/` and normalised (empty parts are ignored). */
export function joinPaths(...parts: readonly string[]): string {
  return normalizePath(parts.filter((part) => part !== '').join('/') || '.');
}

/**
 * A review-relative folder in one spelling, so `reports`, `reports/`, `./reports` and
 * `reports//` compare equal: `/` separators (a `\` from a Windows-written project file
 * becomes `/`), no `.` or empty segments, no trailing `/`; the review root is `''`.
 */
export function canonicalFolder(path: string): string {
  const normal = normalizePath(path.replace(/\\/g, '/')).replace(/\/$/, '');
  return normal === '.' ? '' : normal;
}

/** True when a review-relative path lies below a canonical folder (`''`: the review root). */
export function isBelowFolder(path: string, folder: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

/**
 * The key two review-relative paths share when they name the same file on a file system
 * that folds case and Unicode normalisation (macOS, Windows): compared by the output
 * policy, which refuses too much rather than too little.
 */
export function pathKey(path: string): string {
  return normalizePath(path.replace(/\\/g, '/')).normalize('NFC').toLowerCase();
}
