/**
 * Tag names for imported codes. A name that is already a valid QualSynth code name is
 * kept as it is (so a QualSynth export comes back unchanged); any other name becomes
 * kebab-case (`Living with uncertainty` → `living-with-uncertainty`), starts with a
 * letter (`2020 reform` → `code-2020-reform`). A code under codable parent codes gets
 * their names as levels (`rq1_definition/competencies/programming`); non-codable
 * parents are themes (codebook headings) and add no level. Clashes get `-2`, `-3`…
 */
import { isValidCodeName, normaliseCodeName } from '../syntax/codeName';
import type { ImportCode } from './importModel';

/** Tags by code GUID, and the codes whose own level is not their name (made valid or made unique). */
export interface TagNames {
  readonly tags: ReadonlyMap<string, string>;
  readonly renamed: ReadonlyArray<{ readonly path: string; readonly tag: string }>;
}

/**
 * Gives a tag to every codable code and to any other code that `coded` holds (a coding
 * that points at a non-codable code still needs a tag).
 */
export function assignTagNames(roots: readonly ImportCode[], coded: ReadonlySet<string>): TagNames {
  const tags = new Map<string, string>();
  const renamed: Array<{ path: string; tag: string }> = [];
  const used = new Set<string>();
  const visit = (code: ImportCode, levels: readonly string[], path: readonly string[]): void => {
    const ownPath = [...path, code.name];
    const taggable = code.isCodable || coded.has(code.guid);
    const ownLevels = taggable ? [...levels, tagLevel(code.name)] : [];
    if (taggable) {
      const natural = ownLevels.join('/');
      const tag = unique(natural, used);
      tags.set(code.guid, tag);
      if (tag !== natural || ownLevels[ownLevels.length - 1] !== code.name) renamed.push({ path: ownPath.join(' › '), tag });
    }
    for (const childCode of code.children) visit(childCode, ownLevels, ownPath);
  };
  for (const root of roots) visit(root, [], []);
  return { tags, renamed };
}

/** One level of a tag: the name itself when valid, else its kebab-case form. */
export function tagLevel(name: string): string {
  const normalised = normaliseCodeName(name.trim());
  if (isValidCodeName(normalised)) return normalised;
  const kebab = normalised
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (kebab === '') return 'code';
  return /^\p{L}/u.test(kebab) ? kebab : `code-${kebab}`;
}

function unique(tag: string, used: Set<string>): string {
  let candidate = tag;
  for (let suffix = 2; used.has(candidate); suffix++) candidate = `${tag}-${suffix}`;
  used.add(candidate);
  return candidate;
}
