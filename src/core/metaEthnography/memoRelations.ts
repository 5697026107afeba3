/**
 * Relations stated by memo: a memo with `relation: reciprocal` (or `refutational`) about
 * two or more concepts relates the first concept its `about:` names to each of the others,
 * as a codebook relation line under a theme that is no concept does; the memo is the
 * basis. `relation: line-of-argument` draws the concepts into one line of argument (the
 * report's Line of argument section), so it adds no pairwise relation: it is returned
 * apart, with its concepts, for the translation's data files. Names that are no concept
 * become located problems at the name.
 */
import { samePath } from '../codebook';
import type { Memo, MemoTarget } from '../memo/memo';
import type { Codebook, TextSpan } from '../model';
import { everyTheme } from '../themeWalk';
import type { Concept, ConceptRelation, RelationProblem } from './concepts';

/** A `relation: line-of-argument` memo and the concepts its `about:` names (codes, then themes). */
export interface LineOfArgument {
  readonly concepts: readonly Concept[];
  /** The memo's `relation:` line. */
  readonly range: TextSpan;
  readonly memo: { readonly path: string; readonly title: string };
}

/** The relations the memos state, in memo order, the line-of-argument memos, and the problems of their concept names. */
export function memoRelations(memos: readonly Memo[], codebook: Codebook, concepts: readonly Concept[]): { relations: ConceptRelation[]; lines: LineOfArgument[]; problems: Array<RelationProblem & { path: string }> } {
  const relations: ConceptRelation[] = [];
  const lines: LineOfArgument[] = [];
  const problems: Array<RelationProblem & { path: string }> = [];
  for (const memo of memos) {
    if (!memo.relation) continue;
    const warn = (range: TextSpan, message: string): void => void problems.push({ path: memo.path, range, severity: 'warning', message });
    const named = memoConcepts(memo, codebook, concepts, warn);
    const { kind, range } = memo.relation;
    if (kind === 'line-of-argument') {
      lines.push({ concepts: named, range, memo: { path: memo.path, title: memo.title } });
      continue;
    }
    if (memo.about.codes.length + memo.about.themes.length < 2) {
      warn(range, `A \`relation: ${kind}\` memo relates concepts: name two or more under \`about:\` (\`themes:\` for themes marked \`Kind: concept\`, \`codes:\` when the codes are the concepts).`);
      continue;
    }
    const [from, ...others] = named;
    for (const to of others) if (to.key !== from.key) relations.push({ kind, from, to, basis: '', range, memo: { path: memo.path, title: memo.title } });
  }
  return { relations, lines, problems };
}

/** The concepts a memo's `about:` names, codes then themes; a name that is no concept is a problem. */
function memoConcepts(memo: Memo, codebook: Codebook, concepts: readonly Concept[], warn: (range: TextSpan, message: string) => void): Concept[] {
  const byThemes = concepts.some((concept) => concept.source === 'theme');
  const known = concepts.slice(0, 6).map((concept) => concept.label).join('; ') + (concepts.length > 6 ? ' …' : '');
  const how = byThemes ? 'name themes marked `Kind: concept` under `about: themes:`' : 'name codes of the codebook under `about: codes:` (or mark themes `Kind: concept`)';
  const out: Concept[] = [];
  const add = (target: MemoTarget<unknown>, found: Concept | undefined, name: string): void => {
    if (found) out.push(found);
    else warn(target.range, `${name} is not a concept of the codebook, so this \`relation:\` memo cannot relate it: ${how}${known ? ` (${known})` : ''}.`);
  };
  for (const target of memo.about.codes) add(target, concepts.find((concept) => concept.key === `#${target.value}`), `\`#${target.value}\``);
  const themes = everyTheme(codebook.themes);
  for (const target of memo.about.themes) {
    // A theme the codebook lacks already has its warning (memo-unknown-target).
    if (!themes.some((theme) => samePath(theme.path, target.value))) continue;
    add(target, concepts.find((concept) => concept.path !== undefined && samePath(concept.path, target.value)), `“${target.value.join(' › ')}”`);
  }
  return out;
}
