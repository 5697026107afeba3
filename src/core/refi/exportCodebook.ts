/**
 * The review's codebook as a REFI-QDA code tree: themes become non-codable parent
 * codes (description, CERQual judgement and colour kept), codes become codable
 * children. A code filed under several themes sits under the first; each other theme
 * becomes a Set with the code as a member. Codes defined before any heading and codes
 * used but defined nowhere are top-level codes. The `.qdc` export is this tree alone.
 */
import type { Theme } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import { VERSION } from '../version';
import { GuidRegistry } from './guid';
import { buildXml, xmlSafe, type XmlOut } from './xml';

/** A codable code of the export. */
export interface ExportCode {
  readonly kind: 'code';
  readonly guid: string;
  readonly name: string;
  readonly description: string;
}

/** A theme of the export: a non-codable code with children. */
export interface ExportTheme {
  readonly kind: 'theme';
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly color?: string;
  readonly children: Array<ExportTheme | ExportCode>;
}

/** A further theme a code is filed under, as a REFI-QDA Set. */
export interface ExportSet {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly members: string[];
}

/** The code tree, the sets and the GUID of every code by name. */
export interface ExportCodebook {
  readonly roots: Array<ExportTheme | ExportCode>;
  readonly sets: ExportSet[];
  readonly codeGuids: ReadonlyMap<string, string>;
}

/** The namespace of a REFI-QDA codebook file. */
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Separator of theme titles in set names. */
export const THEME_PATH_SEPARATOR = ' / ';

/**
 * Builds the code tree of a review. `extraCodes` are codes used in studies that the
 * index does not know (studies re-read since indexing).
 */
export function buildExportCodebook(index: ReviewIndex, guids: GuidRegistry, extraCodes: Iterable<string> = []): ExportCodebook {
  const codes = index.codes();
  const homeTheme = new Map<string, string>();
  for (const code of codes) {
    const filed = code.definitions.find((definition) => definition.themePath.length > 0);
    if (filed) homeTheme.set(code.name, themeKey(filed.themePath));
  }
  const codeGuids = new Map<string, string>();
  const definitionOf = new Map(codes.map((code) => [code.name, code.definition]));
  const makeCode = (name: string): ExportCode => {
    const guid = guids.next(`code:${name}`);
    codeGuids.set(name, guid);
    return { kind: 'code', guid, name, description: definitionOf.get(name) ?? '' };
  };
  const sets: ExportSet[] = [];
  const placeTheme = (theme: Theme): ExportTheme => {
    const key = themeKey(theme.path);
    const guid = guids.next(`theme:${key}`);
    const placed: Array<ExportTheme | ExportCode> = [];
    const elsewhere: string[] = [];
    for (const name of new Set(theme.codes)) {
      if (homeTheme.get(name) === key && !codeGuids.has(name)) placed.push(makeCode(name));
      else elsewhere.push(name);
    }
    if (elsewhere.length > 0) sets.push({ guid: guids.next(`set:${key}`), name: theme.path.join(THEME_PATH_SEPARATOR), description: `Codes also filed under the theme "${theme.path.join(THEME_PATH_SEPARATOR)}".`, members: elsewhere });
    placed.push(...theme.children.map(placeTheme));
    return { kind: 'theme', guid, name: theme.title, description: themeDescription(theme), color: hexColour(theme.color), children: placed };
  };
  const unthemed = codes.filter((code) => !homeTheme.has(code.name) && code.definitions.length > 0).map((code) => makeCode(code.name));
  const themes = index.themes().map(placeTheme);
  const undefinedCodes = codes.filter((code) => code.definitions.length === 0 && !codeGuids.has(code.name)).map((code) => makeCode(code.name));
  const extra = [...new Set(extraCodes)].filter((name) => !codeGuids.has(name)).sort().map(makeCode);
  const resolvedSets = sets.map((set) => ({ ...set, members: set.members.map((name) => codeGuids.get(name)).filter((guid): guid is string => guid !== undefined) }));
  return { roots: [...unthemed, ...themes, ...undefinedCodes, ...extra], sets: resolvedSets, codeGuids };
}

/** The `.qdc` file of a review's codebook. Throws when the review has no code at all. */
export function exportCodebookQdc(index: ReviewIndex, options: { origin?: string } = {}): string {
  const codebook = buildExportCodebook(index, new GuidRegistry());
  if (codebook.roots.length === 0) throw new Error('The review has no themes and no codes, so there is no codebook to export.');
  return buildXml({
    CodeBook: {
      '@xmlns': CODEBOOK_NAMESPACE,
      '@origin': options.origin ?? `QualSynth ${VERSION}`,
      Codes: { Code: codebook.roots.map(codeElement) },
      Sets: setsElement(codebook.sets),
    },
  });
}

/** The `<Code>` element of a theme or code (the same shape in `.qdc` and `.qde`). */
export function codeElement(node: ExportTheme | ExportCode): XmlOut {
  const element: XmlOut = {
    '@guid': node.guid,
    '@name': xmlSafe(node.name),
    '@isCodable': node.kind === 'code' ? 'true' : 'false',
  };
  if (node.kind === 'theme' && node.color) element['@color'] = node.color;
  if (node.description) element.Description = xmlSafe(node.description);
  if (node.kind === 'theme' && node.children.length > 0) element.Code = node.children.map(codeElement);
  return element;
}

/** The `<Sets>` element, or `undefined` when there are none. */
export function setsElement(sets: readonly ExportSet[], memberKey: 'guid' | 'targetGUID' = 'guid'): XmlOut | undefined {
  if (sets.length === 0) return undefined;
  return {
    Set: sets.map((set) => ({
      '@guid': set.guid,
      '@name': xmlSafe(set.name),
      Description: xmlSafe(set.description),
      MemberCode: set.members.map((guid) => ({ [`@${memberKey}`]: guid })),
    })),
  };
}

function themeKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

function themeDescription(theme: Theme): string {
  const parts = theme.description ? [theme.description] : [];
  if (theme.cerqual) {
    const { confidence, explanation } = theme.cerqual;
    parts.push(`CERQual: ${confidence}${explanation ? ` — ${explanation}` : ''}`);
  }
  return parts.join('\n\n');
}

/** `#abc` or `#AABBCC` (any case) as `#AABBCC`; anything else is left out. */
export function hexColour(colour: string | undefined): string | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour?.trim() ?? '');
  if (!match) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return `#${hex.toUpperCase()}`;
}
