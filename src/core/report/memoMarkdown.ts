/**
 * The memo parts of the Markdown (and so HTML and Word) report: a section's memos,
 * labelled as the reviewers' interpretation (third order), and the synthesis section.
 */
import type { RootContent } from 'mdast';
import { emphasis, heading, link, paragraph, prose, strong, text } from './mdast';
import type { ReportMemo, ReportSynthesis, ThemeKindCounts } from './reportMemos';
import { plural } from './wording';

const LABEL = 'Reviewers’ interpretation (third order):';

/** A section's memos: the label, then each memo's title, author, date, link and text; nothing when there are none. */
export function memoBlocks(memos: readonly ReportMemo[]): RootContent[] {
  if (memos.length === 0) return [];
  return [paragraph(strong(LABEL)), ...memos.flatMap(memoContent)];
}

function memoContent(memo: ReportMemo): RootContent[] {
  if (memo.shownAbove) return [paragraph(emphasis(memo.title), text(' — printed above ('), link(memo.link, memo.location), text(')'))];
  const byline = [memo.author, memo.date].filter((part): part is string => part !== undefined).join(', ');
  return [
    paragraph(emphasis(memo.title), text(byline ? ` — ${byline} (` : ' ('), link(memo.link, memo.location), text(')')),
    ...memo.paragraphs.map((body) => paragraph(...prose(body))),
  ];
}

/** The synthesis (line of argument) section: analytical themes and their memos first, then the review memos. */
export function synthesisSection(synthesis: ReportSynthesis | undefined): RootContent[] {
  if (!synthesis) return [];
  const out: RootContent[] = [heading(2, text(synthesis.title)), paragraph(text('The reviewers’ own interpretation, beyond the primary studies: analytical themes first, then the memos about the review as a whole.'))];
  if (synthesis.analytical.length > 0) out.push(heading(3, text('Analytical themes')));
  for (const theme of synthesis.analytical) {
    out.push(paragraph(strong(theme.path.join(' › '))), ...theme.description.map((description) => paragraph(text(description))));
    out.push(...(theme.memos.length > 0 ? memoBlocks(theme.memos) : [paragraph(emphasis('No memo about this theme yet.'))]));
  }
  if (synthesis.review.length > 0) out.push(heading(3, text(synthesis.title === 'Synthesis' ? 'Line of argument' : 'Review memos')), paragraph(strong(LABEL)), ...synthesis.review.flatMap(memoContent));
  return out;
}

/** ` (2 analytical, 5 descriptive)` after the theme count, when the codebook marks kinds. */
export function themeKindNote(counts: ThemeKindCounts): string {
  const parts = (['analytical', 'descriptive', 'concept'] as const).filter((kind) => counts[kind] > 0).map((kind) => (kind === 'concept' ? plural(counts[kind], 'concept') : `${counts[kind]} ${kind}`));
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
