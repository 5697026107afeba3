/**
 * `import-report.md`: what was imported, how codes became tags, which selections were
 * split or moved, and everything that could not be carried over.
 */
import type { PlacementNotes } from './spanPlacement';

/** The facts the report is written from. */
export interface ImportReportData {
  readonly fileName: string;
  readonly projectName: string;
  readonly origin?: string;
  readonly studyCount: number;
  readonly codeCount: number;
  readonly themeCount: number;
  readonly selectionCount: number;
  readonly spanCount: number;
  readonly memoCount: number;
  /** How the selection offsets were read (unit and evidence), one sentence. */
  readonly offsets: string;
  readonly renamed: ReadonlyArray<{ readonly path: string; readonly tag: string }>;
  readonly placement: PlacementNotes;
  readonly skippedSources: readonly string[];
  /** Notes written as memos that say nothing about what they are about. */
  readonly memosWithoutTargets: readonly string[];
  readonly notCarried: readonly string[];
  readonly problems: readonly string[];
}

/** How codes became tags, the same for projects and codebooks. */
const TAG_RULES = [
  '## How codes became tags',
  '',
  'A code keeps its name as its tag when the name is a valid QualSynth code name; other names become kebab-case',
  '(`Living with uncertainty` → `#living-with-uncertainty`) and start with a letter, and the name itself stays',
  'beside the tag in `codebook.md` (`- #living-with-uncertainty **Living with uncertainty**: …`), so an export',
  'gives the code its name back. A code under codable parent codes is named by its path (`#parent/child`);',
  'non-codable parent codes are themes (headings); a codable parent code is a heading with its own code first.',
  'Tags that would clash get `-2`, `-3`….',
  '',
];

/** Most items listed per section; the rest are counted. */
const LIST_LIMIT = 100;

/** Renders the report as Markdown. */
export function renderImportReport(data: ImportReportData): string {
  const lines = [
    '# Import report',
    '',
    `Imported \`${data.fileName}\` (project "${data.projectName}"${data.origin ? `, made by ${data.origin}` : ''}).`,
    '',
    `- Studies: ${data.studyCount}`,
    `- Codes (tags): ${data.codeCount}`,
    `- Themes (codebook headings): ${data.themeCount}`,
    `- Coded selections: ${data.selectionCount}`,
    `- Spans and block tags written: ${data.spanCount}`,
    `- Memos (memo files from notes on codes, themes, sources and the project): ${data.memoCount}`,
    '',
    data.offsets,
    '',
    ...TAG_RULES,
  ];
  section(lines, 'Codes whose tag differs from their name (the name is kept beside the tag)', data.renamed.map(({ path, tag }) => `${path} → \`#${tag}\``));
  section(lines, 'Selections split where they overlap another without nesting (each piece keeps its codes)', data.placement.splitOverlaps);
  section(lines, 'Selections split at paragraph breaks (a span stays within one Markdown block)', data.placement.splitAtBlocks);
  section(lines, 'Selections widened to hold inline code whole', data.placement.widened);
  section(lines, 'Selections whose edges were trimmed of whitespace (a span starts and ends on text)', data.placement.trimmed);
  section(lines, 'Selections left out: only whitespace', data.placement.empty);
  section(lines, 'Selections left out: inside code blocks or HTML comments, where tags are not read', data.placement.unplaced);
  section(lines, 'Sources not imported', data.skippedSources);
  section(lines, 'Notes kept as memos that do not say what they are about', data.memosWithoutTargets);
  section(lines, 'Not carried over', data.notCarried);
  section(lines, 'Problems (the written study does not read back as imported; please report)', data.problems);
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** The facts a codebook (`.qdc`) import report is written from. */
export interface CodebookImportReportData {
  readonly fileName: string;
  readonly origin?: string;
  readonly codeCount: number;
  readonly themeCount: number;
  readonly renamed: ReadonlyArray<{ readonly path: string; readonly tag: string }>;
  readonly notCarried: readonly string[];
}

/** Renders the report of a codebook import as Markdown. */
export function renderCodebookImportReport(data: CodebookImportReportData): string {
  const lines = [
    '# Import report',
    '',
    `Imported the codebook \`${data.fileName}\`${data.origin ? ` (made by ${data.origin})` : ''}.`,
    '',
    `- Codes (tags): ${data.codeCount}`,
    `- Themes (codebook headings): ${data.themeCount}`,
    '',
    ...TAG_RULES,
  ];
  section(lines, 'Codes whose tag differs from their name (the name is kept beside the tag)', data.renamed.map(({ path, tag }) => `${path} → \`#${tag}\``));
  section(lines, 'Not carried over, or read with a note', data.notCarried);
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function section(lines: string[], title: string, items: readonly string[]): void {
  if (items.length === 0) return;
  lines.push(`## ${title} (${items.length})`, '');
  for (const item of items.slice(0, LIST_LIMIT)) lines.push(`- ${item.replace(/\s+/g, ' ')}`);
  if (items.length > LIST_LIMIT) lines.push(`- … and ${items.length - LIST_LIMIT} more`);
  lines.push('');
}
