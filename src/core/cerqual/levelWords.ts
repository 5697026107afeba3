/** GRADE-CERQual levels as the report, the hover and the command word them. */
import type { CerqualComponent, ConcernLevel, ConfidenceLevel } from '../model';
import { COMPONENT_LABELS, COMPONENTS } from './judgementSyntax';

/** "Minor concerns", "No or very minor concerns"; "Not assessed" when absent. */
export function concernWords(concern: ConcernLevel | undefined): string {
  return concern ? `${concern.charAt(0).toUpperCase()}${concern.slice(1)} concerns` : 'Not assessed';
}

/** "Moderate confidence"; "Not assessed" when absent. */
export function confidenceWords(confidence: ConfidenceLevel | undefined): string {
  return confidence ? `${confidence.charAt(0).toUpperCase()}${confidence.slice(1)} confidence` : 'Not assessed';
}

/** What each concern level means for confidence in the finding (Lewin et al. 2018). */
export const CONCERN_MEANINGS: Readonly<Record<ConcernLevel, string>> = {
  'no or very minor': 'Unlikely to reduce confidence in the finding.',
  minor: 'May reduce confidence in the finding.',
  moderate: 'Will probably reduce confidence in the finding.',
  serious: 'Very likely to reduce confidence in the finding.',
};

/** What each confidence level means (Lewin et al. 2018). */
export const CONFIDENCE_MEANINGS: Readonly<Record<ConfidenceLevel, string>> = {
  high: 'It is highly likely that the finding is a reasonable representation of the phenomenon of interest.',
  moderate: 'It is likely that the finding is a reasonable representation of the phenomenon of interest.',
  low: 'It is possible that the finding is a reasonable representation of the phenomenon of interest.',
  'very low': 'It is not clear whether the finding is a reasonable representation of the phenomenon of interest.',
};

/**
 * The concerns grouped into one sentence, most serious first: "moderate concerns about
 * relevance, minor concerns about methodological limitations and adequacy, and no or
 * very minor concerns about coherence." — a starting point for the overall explanation.
 */
export function concernSummary(concerns: ReadonlyArray<{ readonly component: CerqualComponent; readonly concern: ConcernLevel }>): string {
  const groups = (['serious', 'moderate', 'minor', 'no or very minor'] as const)
    .map((level) => ({ level, components: COMPONENTS.filter((component) => concerns.some((entry) => entry.component === component && entry.concern === level)) }))
    .filter((group) => group.components.length > 0)
    .map((group) => `${group.level} concerns about ${joinAnd(group.components.map((component) => COMPONENT_LABELS[component].toLowerCase()))}`);
  return groups.length > 0 ? `${joinAnd(groups, ', and ')}.` : '';
}

/** "a", "a and b", "a, b and c" (or with `last` between the last two). */
function joinAnd(items: readonly string[], last = ' and '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${last}${items[items.length - 1]}`;
}
