/**
 * The review's codebook as a REFI-QDA code tree: themes become non-codable parent
 * codes (description, CERQual judgement and colour kept), codes become codable
 * children named by their display name (else their tag), with their definitions line
 * breaks and all. A theme whose first code bears the theme's own title is one codable
 * parent code (NVivo's and MAXQDA's parent codes, as the import writes them). A code
 * filed under several themes sits under the first; each other theme becomes a Set
 * with the code as a member. Codes defined before any heading and codes used but
 * defined nowhere are top-level codes. The `.qdc` export is this tree alone.
 */
import { COMPONENT_LABELS } from '../cerqual/judgementSyntax';
import type { CodeDefinition, Theme } from '../model';
import { unescapeMarkdown } from '../text/markdownUnescape';
import type { ReviewIndex } from '../reviewIndex';
import { VERSION } from '../version';
import { noteRefElements } from './exportMemos';
import { GuidRegistry } from './guid';
import { buildXml, xmlSafe, type XmlOut } from './xml';

/** A codable code of the export. */
export interface ExportCode {
  readonly kind: 'code';
  readonly guid: string;
  readonly name: string;
  readonly description: string;
}

/** A theme of the export: a code with children, non-codable unless the theme is also a code. */
export interface ExportTheme {
  readonly kind: 'theme';
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly color?: string;
  /** True for a theme whose own code is its first (a codable parent code). */
  readonly isCodable: boolean;
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
  /** The GUID of the code each exported theme is, by its heading path (`JSON.stringify(path)`). */
  readonly themeGuids: ReadonlyMap<string, string>;
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
    // A code is placed where it is first defined; its other themes become Sets.
    const first = code.definitions[0];
    if (first && first.themePath.length > 0) homeTheme.set(code.name, themeKey(first.themePath));
  }
  const codeGuids = new Map<string, string>();
  const definitionOf = new Map(codes.map((code) => [code.name, code.definitions[0]]));
  const makeCode = (name: string): ExportCode => {
    const guid = guids.next(`code:${name}`);
    codeGuids.set(name, guid);
    return { kind: 'code', guid, name: codeName(name, definitionOf.get(name)), description: codeDescription(definitionOf.get(name)) };
  };
  const sets: ExportSet[] = [];
  const themeGuids = new Map<string, string>();
  const placeTheme = (theme: Theme): ExportTheme | undefined => {
    const key = themeKey(theme.path);
    const own = ownCode(theme, definitionOf, (name) => homeTheme.get(name) === key && !codeGuids.has(name));
    const guid = own ? makeCode(own).guid : guids.next(`theme:${key}`);
    const placed: Array<ExportTheme | ExportCode> = [];
    const elsewhere: string[] = [];
    for (const name of new Set(theme.codes)) {
      if (name === own) continue;
      if (homeTheme.get(name) === key && !codeGuids.has(name)) placed.push(makeCode(name));
      else elsewhere.push(name);
    }
    const setName = theme.path.join(THEME_PATH_SEPARATOR);
    if (elsewhere.length > 0) sets.push({ guid: guids.next(`set:${key}`), name: setName, description: theme.description, members: elsewhere });
    placed.push(...theme.children.map(placeTheme).filter((node): node is ExportTheme => node !== undefined));
    // A heading that only lists codes placed elsewhere is a set (as imported sets are written), not a code.
    if (!own && placed.length === 0 && elsewhere.length > 0) return undefined;
    const description = [own ? codeDescription(definitionOf.get(own)) : '', themeDescription(theme)].filter((part) => part !== '').join('\n\n');
    themeGuids.set(key, guid);
    return { kind: 'theme', guid, name: theme.title, description, color: hexColour(theme.color), isCodable: own !== undefined, children: placed };
  };
  const unthemed = codes.filter((code) => !homeTheme.has(code.name) && code.definitions.length > 0).map((code) => makeCode(code.name));
  const themes = index.themes().map(placeTheme).filter((node): node is ExportTheme => node !== undefined);
  const undefinedCodes = codes.filter((code) => code.definitions.length === 0 && !codeGuids.has(code.name)).map((code) => makeCode(code.name));
  const extra = [...new Set(extraCodes)].filter((name) => !codeGuids.has(name)).sort().map(makeCode);
  const resolvedSets = sets.map((set) => ({ ...set, members: set.members.map((name) => codeGuids.get(name)).filter((guid): guid is string => guid !== undefined) }));
  return { roots: [...unthemed, ...themes, ...undefinedCodes, ...extra], sets: resolvedSets, codeGuids, themeGuids };
}

/** The `.qdc` file of a review's codebook. Throws when the review has no code at all. */
export function exportCodebookQdc(index: ReviewIndex, options: { origin?: string } = {}): string {
  const codebook = buildExportCodebook(index, new GuidRegistry());
  if (codebook.roots.length === 0) throw new Error('The review has no themes and no codes, so there is no codebook to export.');
  return buildXml({
    CodeBook: {
      '@xmlns': CODEBOOK_NAMESPACE,
      '@origin': options.origin ?? `QualSynth ${VERSION}`,
      Codes: { Code: codebook.roots.map((root) => codeElement(root)) },
      Sets: setsElement(codebook.sets),
    },
  });
}

/**
 * The `<Code>` element of a theme or code (the same shape in `.qdc` and `.qde`), with
 * the project's note references by code GUID (a `.qdc` has none).
 */
export function codeElement(node: ExportTheme | ExportCode, noteRefs: ReadonlyMap<string, readonly string[]> = new Map()): XmlOut {
  const element: XmlOut = {
    '@guid': node.guid,
    '@name': xmlSafe(node.name),
    '@isCodable': node.kind === 'code' || node.isCodable ? 'true' : 'false',
  };
  if (node.kind === 'theme' && node.color) element['@color'] = node.color;
  if (node.description) element.Description = xmlSafe(node.description);
  const notes = noteRefElements(noteRefs.get(node.guid));
  if (notes) element.NoteRef = notes;
  if (node.kind === 'theme' && node.children.length > 0) element.Code = node.children.map((child) => codeElement(child, noteRefs));
  return element;
}

/** The `<Sets>` element, or `undefined` when there are none. */
export function setsElement(sets: readonly ExportSet[], memberKey: 'guid' | 'targetGUID' = 'guid'): XmlOut | undefined {
  if (sets.length === 0) return undefined;
  return {
    Set: sets.map((set) => ({
      '@guid': set.guid,
      '@name': xmlSafe(set.name),
      Description: set.description ? xmlSafe(set.description) : undefined,
      MemberCode: set.members.map((guid) => ({ [`@${memberKey}`]: guid })),
    })),
  };
}

/**
 * The code that makes a theme a codable parent: its first code, filed here first,
 * whose name is the theme's title.
 */
function ownCode(theme: Theme, definitionOf: ReadonlyMap<string, CodeDefinition | undefined>, filedHere: (name: string) => boolean): string | undefined {
  const first = theme.codes[0];
  if (first === undefined || !filedHere(first)) return undefined;
  return codeName(first, definitionOf.get(first)) === unescapeMarkdown(theme.title) ? first : undefined;
}

/** The name other tools show: the display name, else the tag. */
function codeName(tag: string, definition: CodeDefinition | undefined): string {
  return definition?.displayName ?? tag;
}

function codeDescription(definition: CodeDefinition | undefined): string {
  return definition?.plainDefinition ?? definition?.definition ?? '';
}

function themeKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

function themeDescription(theme: Theme): string {
  const parts = theme.description ? [theme.description] : [];
  if (theme.finding?.source === 'paragraph') parts.push(`Finding: ${theme.finding.text}`);
  const judgement = theme.cerqual;
  if (judgement?.confidence) parts.push(`CERQual: ${judgement.confidence}${judgement.explanation ? ` — ${judgement.explanation}` : ''}`);
  for (const component of judgement?.components ?? []) {
    if (component.concern) parts.push(`${COMPONENT_LABELS[component.component]}: ${component.concern} concerns${component.explanation ? ` — ${component.explanation}` : ''}`);
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
