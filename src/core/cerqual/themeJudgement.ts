/**
 * Gathers a theme's GRADE-CERQual lines into its finding statement, judgement and
 * contrary codes, and says where a line repeats one the theme already has.
 */
import type { CerqualJudgement, ComponentJudgement, FindingStatement, TagOccurrence, TextSpan } from '../model';
import { COMPONENT_LABELS, type JudgementItem, type LineProblem } from './judgementSyntax';

/** What a theme's GRADE-CERQual lines add up to. */
export interface ThemeJudgement {
  readonly finding?: FindingStatement;
  readonly cerqual?: CerqualJudgement;
  readonly contrary: readonly TagOccurrence[];
}

/** The line items of one theme, with the whole-line span of each block. */
export interface PlacedItem {
  readonly item: JudgementItem;
  readonly lines: TextSpan;
}

/**
 * Assembles a theme's items; a repeated `Finding:`, `CERQual:`, component or
 * `Judged on:` line is a warning, and the first one counts. `description` is the
 * theme's first description paragraph (its first sentence is the statement when
 * there is no `Finding:` paragraph).
 */
export function themeJudgement(items: readonly PlacedItem[], title: string, description: string, problems: LineProblem[]): ThemeJudgement {
  let finding: FindingStatement | undefined;
  let overall: Extract<JudgementItem, { kind: 'overall' }> | undefined;
  let basis: Extract<JudgementItem, { kind: 'basis' }> | undefined;
  const components: ComponentJudgement[] = [];
  const contrary: TagOccurrence[] = [];
  const blocks: TextSpan[] = [];
  const repeated = (item: JudgementItem, what: string, first: TextSpan): void => {
    problems.push({ range: item.range, severity: 'warning', message: `The theme already has ${what} (line ${first.startPosition.line + 1}): keep one; this one is ignored.` });
  };
  for (const { item, lines } of items) {
    if (item.kind === 'finding') {
      if (finding?.range) repeated(item, 'a `Finding:` paragraph', finding.range);
      else finding = { text: item.text, source: 'paragraph', range: item.range };
    } else if (item.kind === 'overall') {
      if (overall) repeated(item, 'a `CERQual:` paragraph', overall.range);
      else overall = item;
      blocks.push(lines);
    } else if (item.kind === 'component') {
      const earlier = components.find((component) => component.component === item.component);
      if (earlier) repeated(item, `a ${COMPONENT_LABELS[item.component]} judgement`, earlier.range);
      else components.push({ component: item.component, concern: item.concern, explanation: item.explanation, range: item.range, statedCounts: item.statedCounts });
      blocks.push(lines);
    } else if (item.kind === 'basis') {
      if (basis) repeated(item, 'a `Judged on:` line', basis.range);
      else basis = item;
      blocks.push(lines);
    } else {
      contrary.push(...item.codes.filter((code) => !contrary.some((other) => other.code === code.code)));
    }
  }
  const judged = overall !== undefined || components.length > 0 || basis !== undefined;
  const cerqual: CerqualJudgement | undefined = judged
    ? {
        confidence: overall?.confidence,
        explanation: overall?.explanation ?? '',
        range: overall?.range,
        statedCounts: overall?.statedCounts ?? [],
        components,
        basis: basis?.studies ? { studies: basis.studies, segments: basis.segments!, fingerprint: basis.fingerprint!, range: basis.range } : undefined,
        blocks,
      }
    : undefined;
  if (!finding && (judged || contrary.length > 0)) finding = impliedStatement(title, description);
  return { finding, cerqual, contrary };
}

/** The statement of a theme without a `Finding:` paragraph: the first sentence of its description, else its title. */
export function impliedStatement(title: string, description: string): FindingStatement {
  const sentence = /^(.+?[.!?])(?=\s|$)/.exec(description)?.[1] ?? description;
  return sentence ? { text: sentence, source: 'description' } : { text: title, source: 'title' };
}
