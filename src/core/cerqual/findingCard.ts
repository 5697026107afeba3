/**
 * A finding at a glance, for the editor's hover on a finding's heading or judgement:
 * its statement, judgement, the data behind each component, the contrary segments
 * and what `check` says. Plain text; the editor layer lays it out.
 */
import { formatFilter } from '../filter';
import type { CerqualSettings, Codebook, Theme } from '../model';
import { componentData } from './evidenceWording';
import type { EvidenceSource, FindingEvidence } from './findingEvidence';
import { judgementIssues } from './judgementChecks';
import { COMPONENTS, COMPONENT_LABELS } from './judgementSyntax';
import { concernWords, confidenceWords } from './levelWords';
import { findingThemes } from './reviewFindings';
import { plural } from '../report/wording';

/** Most contrary segments the card lists. */
const CONTRARY_SHOWN = 5;

/** What the hover shows of one finding. */
export interface FindingCard {
  readonly title: string;
  readonly statement: string;
  /** "Moderate confidence — explanation", or "Not assessed". */
  readonly assessment: string;
  /** "6 studies · 18 segments (8 first-order) · 118 participants". */
  readonly summary: string;
  readonly components: ReadonlyArray<{ readonly label: string; readonly judged: string; readonly data: readonly string[] }>;
  /** "Garvey et al. 2009, studies/garvey-2009.md:34: the passage". */
  readonly contrary: readonly string[];
  /** What `check` says about the judgement. */
  readonly notes: readonly string[];
}

/** The card of a finding, from its evidence over the whole review. */
export function findingCard(theme: Theme, evidence: FindingEvidence, source: EvidenceSource, settings: CerqualSettings): FindingCard {
  const data = componentData(evidence, { sensitivityCriteria: formatFilter(settings.sensitivity) });
  const judgement = theme.cerqual;
  const contrary = evidence.contrary.segments.map((entry) => `${entry.citation}, ${entry.segment.path}:${entry.segment.range.startPosition.line + 1}: ${entry.segment.text}`);
  const more = contrary.length > CONTRARY_SHOWN ? [`… and ${plural(contrary.length - CONTRARY_SHOWN, 'more segment')}`] : [];
  return {
    title: theme.title,
    statement: theme.finding?.text ?? theme.title,
    assessment: judgement?.confidence ? `${confidenceWords(judgement.confidence)}${judgement.explanation ? ` — ${judgement.explanation}` : ''}` : 'Not assessed',
    summary: `${plural(evidence.studies.length, 'study', 'studies')} · ${plural(evidence.segments, 'segment')} (${evidence.firstOrder} first-order) · ${evidence.participants.reported > 0 ? plural(evidence.participants.total, 'participant') : 'participants not reported'}`,
    components: COMPONENTS.map((component) => {
      const judged = judgement?.components.find((entry) => entry.component === component);
      return { label: COMPONENT_LABELS[component], judged: `${concernWords(judged?.concern)}${judged?.explanation ? ` — ${judged.explanation}` : ''}`, data: data[component] };
    }),
    contrary: [...contrary.slice(0, CONTRARY_SHOWN), ...more],
    notes: judgementIssues(theme, evidence, source).map((issue) => issue.message),
  };
}

/** The finding whose heading, `Finding:` paragraph or judgement lines hold `offset`, if any. */
export function findingAt(codebook: Codebook, offset: number): Theme | undefined {
  const inside = (span: { start: number; end: number } | undefined): boolean => span !== undefined && span.start <= offset && offset <= span.end;
  return findingThemes(codebook.themes).find((theme) => inside(theme.range) || inside(theme.finding?.range) || (theme.cerqual?.blocks ?? []).some(inside));
}
