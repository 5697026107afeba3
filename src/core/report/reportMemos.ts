/**
 * The reviewers' own layer in the report: memos under the code and theme they are about,
 * and the synthesis (or, for meta-ethnography, line-of-argument) section — analytical
 * themes with their memos first, then the memos about the review as a whole.
 */
import { memosAboutCode, memosAboutTheme, reviewMemos } from '../memo/memoLinks';
import type { Memo } from '../memo/memo';
import type { Theme, ThemeKind } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import { fileLink } from './excerpts';

/** One memo as the report prints it. */
export interface ReportMemo {
  readonly title: string;
  readonly author?: string;
  readonly date?: string;
  /** The body's paragraphs, each on one line; a first heading that repeats the title is left out. */
  readonly paragraphs: readonly string[];
  /** Relative link to the memo file from the report folder. */
  readonly link: string;
  /** Review-relative path of the memo. */
  readonly location: string;
  /** True when an earlier section of the report printed this memo in full: this one only refers to it. */
  readonly shownAbove?: boolean;
}

/** The memos of codes and themes, as the theme sections ask for them. */
export interface ReportMemoLookup {
  code(name: string): readonly ReportMemo[];
  theme(path: readonly string[]): readonly ReportMemo[];
}

/** An analytical theme in the synthesis section. */
export interface SynthesisTheme {
  readonly title: string;
  readonly path: readonly string[];
  readonly description: readonly string[];
  readonly memos: readonly ReportMemo[];
}

/** The synthesis section: analytical themes first, then the review-level memos. */
export interface ReportSynthesis {
  /** `Line of argument` for meta-ethnography, else `Synthesis`. */
  readonly title: string;
  readonly analytical: readonly SynthesisTheme[];
  readonly review: readonly ReportMemo[];
}

/** How many themes the codebook marks as each kind, and how many it leaves unmarked. */
export type ThemeKindCounts = Readonly<Record<ThemeKind | 'unmarked', number>>;

/** The report form of a memo; `linkBase` is the path from the report folder to the review root. */
export function toReportMemo(memo: Memo, linkBase: string): ReportMemo {
  const blocks = memo.body.split(/\r?\n\s*\r?\n/).map((block) => block.replace(/\s+/g, ' ').trim()).filter((block) => block !== '');
  const heading = /^#{1,6}\s+(.*?)\s*#*$/;
  const paragraphs = blocks.filter((block, index) => !(index === 0 && heading.exec(block)?.[1] === memo.title)).map((block) => block.replace(heading, '$1'));
  return { title: memo.title, ...(memo.author ? { author: memo.author } : {}), ...(memo.date ? { date: memo.date } : {}), paragraphs, link: fileLink(linkBase, memo.path), location: memo.path };
}

/**
 * Looks up the memos of codes and themes in the index (memos are few: a filter per call is
 * enough). A memo about several codes and themes is printed in full the first time the
 * theme sections ask for it, in report order, and referred to after that.
 */
export function memoLookup(index: ReviewIndex, linkBase: string): ReportMemoLookup {
  const printed = new Set<string>();
  const once = (memos: readonly Memo[]): ReportMemo[] =>
    memos.map((memo) => {
      const shownAbove = printed.has(memo.path);
      printed.add(memo.path);
      return { ...toReportMemo(memo, linkBase), ...(shownAbove ? { shownAbove } : {}) };
    });
  return {
    code: (name) => once(memosAboutCode(index, name)),
    theme: (path) => once(memosAboutTheme(index, path)),
  };
}

/** The synthesis section's content, or `undefined` when the review has neither analytical themes nor review memos. */
export function reportSynthesis(index: ReviewIndex, method: string | undefined, linkBase: string): ReportSynthesis | undefined {
  const analytical = index.allThemes().filter((theme) => theme.kind === 'analytical');
  const review = reviewMemos(index).map((memo) => toReportMemo(memo, linkBase));
  if (analytical.length === 0 && review.length === 0) return undefined;
  return {
    title: method === 'meta-ethnography' ? 'Line of argument' : 'Synthesis',
    analytical: analytical.map((theme: Theme) => ({ title: theme.title, path: theme.path, description: theme.description ? theme.description.split('\n\n') : [], memos: memosAboutTheme(index, theme.path).map((memo) => toReportMemo(memo, linkBase)) })),
    review,
  };
}

/** One row of `memos.csv`. */
export interface MemoRow {
  readonly file: string;
  readonly title: string;
  readonly author: string;
  readonly date: string;
  readonly codes: readonly string[];
  readonly themes: readonly string[];
  readonly studies: readonly string[];
  readonly review: boolean;
  /** Codes the body references as `#tag`. */
  readonly references: readonly string[];
  readonly text: string;
}

/** Every memo of the review as a CSV row, by path. */
export function memoRows(index: ReviewIndex): MemoRow[] {
  return index.memos().map((memo) => ({
    file: memo.path,
    title: memo.title,
    author: memo.author ?? '',
    date: memo.date ?? '',
    codes: memo.about.codes.map((target) => target.value),
    themes: memo.about.themes.map((target) => target.value.join(' › ')),
    studies: memo.about.studies.map((target) => target.value),
    review: memo.about.review,
    references: [...new Set(memo.tags.map((tag) => tag.code))],
    text: memo.body,
  }));
}

/** Counts the themes of each kind. */
export function themeKindCounts(themes: readonly Theme[]): ThemeKindCounts {
  const counts = { descriptive: 0, analytical: 0, concept: 0, unmarked: 0 };
  for (const theme of themes) counts[theme.kind ?? 'unmarked']++;
  return counts;
}
