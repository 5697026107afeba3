/**
 * The concepts of a meta-ethnography and the relations between them. A concept is a
 * theme the codebook marks `Kind: concept` (its evidence: its codes and its sub-themes'
 * codes); a codebook that marks none has each code as a concept. Relation lines
 * (`relationSyntax.ts`) are resolved here, against the whole codebook, so a name that is
 * no concept becomes a located problem rather than a silent gap in the report.
 */
import { everyTheme } from '../themeWalk';
import { THEME_PATH_SEPARATOR } from '../memo/memo';
import type { Codebook, TextSpan, Theme } from '../model';
import { normaliseCodeName } from '../syntax/codeName';
import type { RelationKind, RelationLine, RelationTarget } from './relationSyntax';
import { relationLabel } from './relationSyntax';

/** One concept of the translation. */
export interface Concept {
  /** `#code`, or the theme's heading path joined with ` › `: unique within the codebook. */
  readonly key: string;
  /** The theme's title, or `#code`. */
  readonly label: string;
  readonly source: 'theme' | 'code';
  /** The theme's heading path, for a theme concept. */
  readonly path?: readonly string[];
  /** The codes whose segments express the concept. */
  readonly codes: readonly string[];
}

/** A resolved relation between two concepts. */
export interface ConceptRelation {
  readonly kind: RelationKind;
  readonly from: Concept;
  readonly to: Concept;
  /** The basis the line states (`''` when none). */
  readonly basis: string;
  /** The relation line in the codebook, or the memo's `relation:` line. */
  readonly range: TextSpan;
  /** The memo that states the relation (its `relation:` front matter); absent for a codebook line. */
  readonly memo?: { readonly path: string; readonly title: string };
}

/** A problem of a relation line, before the codebook parser adds its path and kind. */
export interface RelationProblem {
  readonly range: TextSpan;
  readonly severity: 'warning';
  readonly message: string;
}

/** The concepts in codebook order: the themes marked `Kind: concept`, else every defined code. */
export function conceptsOf(codebook: Codebook): Concept[] {
  const themes = everyTheme(codebook.themes).filter((theme) => theme.kind === 'concept');
  if (themes.length > 0) return themes.map((theme) => ({ key: theme.path.join(' › '), label: theme.title, source: 'theme', path: theme.path, codes: codesUnder(theme) }));
  const codes = [...new Set(codebook.definitions.map((definition) => definition.code))];
  return codes.map((code) => ({ key: `#${code}`, label: `#${code}`, source: 'code', codes: [code] }));
}

/**
 * The relations the codebook's relation lines state, in codebook order, and the problems
 * of lines naming something that is not a concept. Under a concept theme a line relates
 * that theme to each concept it names; under any other theme it relates the first
 * concept it names to each of the others.
 */
export function conceptRelations(codebook: Codebook, concepts: readonly Concept[] = conceptsOf(codebook)): { relations: ConceptRelation[]; problems: RelationProblem[] } {
  const relations: ConceptRelation[] = [];
  const problems: RelationProblem[] = [];
  const warn = (range: TextSpan, message: string): void => void problems.push({ range, severity: 'warning', message });
  for (const theme of everyTheme(codebook.themes)) {
    const own = theme.kind === 'concept' ? concepts.find((concept) => concept.source === 'theme' && concept.key === theme.path.join(' › ')) : undefined;
    for (const line of theme.relations ?? []) {
      const named = line.targets.map((target) => resolveTarget(target, concepts, warn)).filter((concept): concept is Concept => concept !== undefined);
      const all = own ? [own, ...named] : named;
      if (line.targets.length === 0) warn(line.range, `This \`${relationLabel(line.kind)}\` line names no concept: write \`${relationLabel(line.kind)} <concept> — basis\`, the concept by its theme title or as \`#code\`.`);
      else if (!own && line.targets.length < 2) warn(line.range, `This \`${relationLabel(line.kind)}\` line relates “${theme.title}”, which is not a concept, to one concept: mark the theme \`Kind: concept\`, or name both concepts (\`${relationLabel(line.kind)} #a; #b — basis\`).`);
      const [from, ...others] = all;
      for (const to of others) {
        if (to.key === from.key) warn(line.range, `This \`${relationLabel(line.kind)}\` line relates “${from.label}” to itself: name another concept.`);
        else relations.push({ kind: line.kind, from, to, basis: line.basis, range: line.range });
      }
    }
  }
  return { relations, problems };
}

/** The concept a relation line names, or `undefined` (with a problem at the name). */
function resolveTarget(target: RelationTarget, concepts: readonly Concept[], warn: (range: TextSpan, message: string) => void): Concept | undefined {
  const byThemes = concepts.some((concept) => concept.source === 'theme');
  const known = concepts.slice(0, 6).map((concept) => concept.label).join('; ') + (concepts.length > 6 ? ' …' : '');
  const how = byThemes ? 'name a theme marked `Kind: concept` by its title or heading path' : 'name a code of the codebook as `#code` (or mark themes `Kind: concept`)';
  if (target.text.startsWith('#')) {
    const key = `#${normaliseCodeName(target.text.slice(1))}`;
    const found = concepts.find((concept) => concept.key === key);
    if (!found) warn(target.range, `\`${target.text}\` is not a concept of the codebook: ${how}${known ? ` (${known})` : ''}.`);
    return found;
  }
  const matches = themeConceptsNamed(target.text, concepts);
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) warn(target.range, `“${target.text}” names ${matches.length} concepts (${matches.map((concept) => concept.key).join('; ')}): write its heading path, e.g. \`${matches[0].path!.join(' > ')}\`.`);
  else warn(target.range, `“${target.text}” is not a concept of the codebook: ${how}${known ? ` (${known})` : ''}.`);
  return undefined;
}

/** The theme concepts a name can mean: a title, or the tail of a heading path (`Parent > Child`) ending in theirs. */
export function themeConceptsNamed(name: string, concepts: readonly Concept[]): Concept[] {
  const path = name.split(THEME_PATH_SEPARATOR).map((title) => title.trim());
  return concepts.filter((concept) => concept.path !== undefined && endsWith(concept.path, path));
}

/** A theme's codes and its sub-themes' codes, each once, in codebook order. */
function codesUnder(theme: Theme): string[] {
  return [...new Set([...theme.codes, ...theme.children.flatMap(codesUnder)])];
}

function endsWith(path: readonly string[], tail: readonly string[]): boolean {
  return tail.length <= path.length && tail.every((title, index) => title === path[path.length - tail.length + index]);
}

