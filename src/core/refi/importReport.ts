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
  readonly renamed: ReadonlyArray<{ readonly path: string; readonly tag: string }>;
  readonly placement: PlacementNotes;
  readonly skippedSources: readonly string[];
  readonly notCarried: readonly string[];
  readonly problems: readonly string[];
}

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
    '',
    '## How codes became tags',
    '',
    'A code keeps its name as its tag when the name is a valid QualSynth code name; other names become kebab-case',
    '(`Living with uncertainty` → `#living-with-uncertainty`) and start with a letter. A code under codable parent',
    'codes is named by its path (`#parent/child`); non-codable parent codes are themes (headings) in `codebook.md`.',
    'Tags that would clash get `-2`, `-3`….',
    '',
  ];
  section(lines, 'Codes whose tag differs from their name', data.renamed.map(({ path, tag }) => `${path} → \`#${tag}\``));
  section(lines, 'Selections split where they overlap another without nesting (each piece keeps its codes)', data.placement.splitOverlaps);
  section(lines, 'Selections split at paragraph breaks (a span stays within one Markdown block)', data.placement.splitAtBlocks);
  section(lines, 'Selections widened to hold inline code whole', data.placement.widened);
  section(lines, 'Selections left out: only whitespace', data.placement.empty);
  section(lines, 'Selections left out: inside code blocks or HTML comments, where tags are not read', data.placement.unplaced);
  section(lines, 'Sources not imported', data.skippedSources);
  section(lines, 'Not carried over', data.notCarried);
  section(lines, 'Problems (the written study does not read back as imported; please report)', data.problems);
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function section(lines: string[], title: string, items: readonly string[]): void {
  if (items.length === 0) return;
  lines.push(`## ${title} (${items.length})`, '');
  for (const item of items.slice(0, LIST_LIMIT)) lines.push(`- ${item.replace(/\s+/g, ' ')}`);
  if (items.length > LIST_LIMIT) lines.push(`- … and ${items.length - LIST_LIMIT} more`);
  lines.push('');
}
