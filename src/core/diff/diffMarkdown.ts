/**
 * Renders a coding diff as Markdown for a pull-request comment: a totals table, the
 * study and codebook changes, a table of codes whose coding changed with the passages
 * in collapsible `<details>`, and the codes each study gained or lost.
 */
import type { CodeCodingChange, CodebookChanges, CodingDiff, Count, DiffSide, SegmentRef } from './diffModel';
import { isEmptyDiff } from './diffModel';
import { markdownLink, type PassageLink } from '../text/markdownLink';

/** Options of the Markdown rendering. */
export interface DiffMarkdownOptions {
  /** Most passages listed per code and direction (the rest are counted); default 30. */
  readonly maxPassagesPerCode?: number;
  /** Heading level of the title (2 → `##`); default 2. */
  readonly headingLevel?: number;
  /** Where a passage links to (`studies/a.md#L12`); without it passages are not links. */
  readonly passageLink?: PassageLink;
  /** Passages of each code in `<details>` (default) or under a bold line (for renderers without raw HTML). */
  readonly collapsible?: boolean;
}


/** The diff as Markdown (GitHub-flavoured; deterministic). */
export function renderDiffMarkdown(diff: CodingDiff, options: DiffMarkdownOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const heading = (depth: number, text: string): string => `${'#'.repeat(Math.min(6, level + depth))} ${text}`;
  const out = [heading(0, `Coding changes: ${side(diff.from)} → ${side(diff.to)}`), ''];
  if (isEmptyDiff(diff)) return [...out, 'No changes to studies, codebook or coding.', ''].join('\n');
  out.push(...totalsTable(diff), '');
  const studies = studyLines(diff);
  if (studies.length > 0) out.push(heading(1, 'Studies'), '', ...studies, '');
  const codebook = codebookRows(diff.codebook);
  if (codebook.length > 0) out.push(heading(1, 'Codebook'), '', '| Change | Code or theme | Detail |', '|---|---|---|', ...codebook, '');
  if (diff.codes.length > 0) out.push(heading(1, 'Coding by code'), '', ...codeSection(diff.codes, options));
  if (diff.studyCodes.length > 0) {
    out.push(heading(1, 'Coding by study'), '', '| Study | Codes gained | Codes lost |', '|---|---|---|');
    for (const study of diff.studyCodes) {
      const label = study.status === 'changed' ? code(study.study) : `${code(study.study)} (${study.status})`;
      out.push(`| ${label} | ${codeList(study.gained)} | ${codeList(study.lost)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function side(side: DiffSide): string {
  return side.commit ? `${code(side.label)} (${code(side.commit.slice(0, 7))})` : side.label === 'working tree' ? 'working tree' : code(side.label);
}

function totalsTable(diff: CodingDiff): string[] {
  const row = (name: string, count: Count): string => `| ${name} | ${count.before} | ${count.after} | ${signed(count.after - count.before)} |`;
  const { totals } = diff;
  return ['| | Before | After | Change |', '|---|---:|---:|---:|', row('Studies', totals.studies), row('Themes', totals.themes), row('Codes', totals.codes), row('Coded passages', totals.segments)];
}

function studyLines(diff: CodingDiff): string[] {
  const lines: string[] = [];
  for (const study of diff.studies.added) lines.push(`- Added ${code(study.id)} (${code(study.path)})`);
  for (const study of diff.studies.removed) lines.push(`- Removed ${code(study.id)} (${code(study.path)})`);
  for (const { from, to } of diff.studies.renamed) {
    const ids = from.id === to.id ? code(to.id) : `${code(from.id)} → ${code(to.id)}`;
    const paths = from.path === to.path ? '' : ` (${code(from.path)} → ${code(to.path)})`;
    lines.push(`- Renamed ${ids}${paths}`);
  }
  return lines;
}

function codebookRows(changes: CodebookChanges): string[] {
  const rows: string[] = [];
  const row = (change: string, what: string, detail = ''): number => rows.push(`| ${change} | ${what} | ${detail} |`);
  changes.themesAdded.forEach((path) => row('Theme added', themePath(path)));
  changes.themesRemoved.forEach((path) => row('Theme removed', themePath(path)));
  changes.themesRenamed.forEach(({ from, to }) => row('Theme renamed', themePath(from), `→ ${themePath(to)}`));
  changes.codesAdded.forEach((entry) => row('Code added', tag(entry.code), definitionCell(entry.themes, entry.definition)));
  changes.codesRemoved.forEach((entry) => row('Code removed', tag(entry.code), definitionCell(entry.themes, entry.definition)));
  changes.codesRenamed.forEach(({ from, to, segments }) => row('Code renamed', `${tag(from)} → ${tag(to)}`, `${segments} ${plural(segments, 'passage')}`));
  changes.codesMoved.forEach(({ code: name, from, to }) => row('Code moved', tag(name), `${themeList(from)} → ${themeList(to)}`));
  changes.definitionsChanged.forEach(({ code: name, from, to }) => row('Definition changed', tag(name), `~~${cell(from) || '(none)'}~~ → ${cell(to) || '(none)'}`));
  return rows;
}

function codeSection(codes: readonly CodeCodingChange[], options: DiffMarkdownOptions): string[] {
  const max = options.maxPassagesPerCode ?? 30;
  const collapsible = options.collapsible ?? true;
  const out = ['| Code | Passages | Studies | Added | Removed |', '|---|---:|---:|---:|---:|'];
  for (const change of codes) {
    const name = change.renamedFrom ? `${tag(change.code)} (was ${tag(change.renamedFrom)})` : tag(change.code);
    out.push(`| ${name} | ${arrow(change.segments)} | ${arrow(change.studies)} | +${change.added.length} | −${change.removed.length} |`);
  }
  out.push('');
  for (const change of codes) {
    const summary = `${change.added.length} added, ${change.removed.length} removed`;
    const passages = [...passageLines('+', change.added, max, options.passageLink), ...passageLines('−', change.removed, max, options.passageLink)];
    if (collapsible) out.push(`<details><summary><code>#${html(change.code)}</code>: ${summary}</summary>`, '', ...passages, '', '</details>', '');
    else out.push(`**${tag(change.code)}**: ${summary}`, '', ...passages, '');
  }
  return out;
}

function passageLines(sign: string, passages: readonly SegmentRef[], max: number, link: PassageLink | undefined): string[] {
  const lines = passages.slice(0, max).map((passage) => {
    const quote = passage.order === 'first' ? ' (quote)' : '';
    const where = code(`${passage.path}:${passage.line}`);
    return `- **${sign}** ${code(passage.study)} ${link ? markdownLink(where, link(passage.path, passage.line)) : where}${quote}: “${inline(passage.excerpt)}”`;
  });
  if (passages.length > max) lines.push(`- **${sign}** … and ${passages.length - max} more`);
  return lines;
}

function definitionCell(themes: ReadonlyArray<readonly string[]>, definition: string): string {
  const where = themes.length > 0 ? `${themeList(themes)}: ` : '';
  return `${where}${cell(definition)}`;
}

function themeList(themes: ReadonlyArray<readonly string[]>): string {
  return themes.length === 0 ? '(no theme)' : themes.map(themePath).join('; ');
}

function themePath(path: readonly string[]): string {
  return path.map(cell).join(' › ');
}

function arrow(count: Count): string {
  return count.before === count.after ? `${count.after}` : `${count.before} → ${count.after}`;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0';
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function codeList(codes: readonly string[]): string {
  return codes.map(tag).join(', ');
}

function tag(name: string): string {
  return code(`#${name}`);
}

/** Inline code; code names, ids and paths never hold a backtick, but guard anyway. */
function code(text: string): string {
  return text.includes('`') ? `\`\` ${text.replace(/\|/g, '\\|')} \`\`` : `\`${text.replace(/\|/g, '\\|')}\``;
}

/** Text for a table cell: `inline` already escapes pipes and keeps it on one line. */
function cell(text: string): string {
  return inline(text);
}

/** Plain text made inert in Markdown and HTML (excerpts are user text). */
function inline(text: string): string {
  return html(text.replace(/\s+/g, ' ').trim()).replace(/[\\`*_[\]~|]/g, (char) => `\\${char}`);
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
