/** `qualsynth report [dir]`: writes the synthesis report (Markdown, HTML, CSV, Word). */
import * as nodePath from 'node:path';
import { compileReport, DEFAULT_REPORT_OPTIONS, escapeForLog, EXCERPT_CONTEXTS, type ExcerptContext, formatProblem, MARKDOWN_FILE, parseFormats, REPORT_FORMATS, type ReportFormat } from '../../core';
import { writeReviewFiles } from '../../node/files/safeWrite';
import { loadManuscriptEngines } from '../../node/loadEngines';
import { CliError, openReview } from '../openReview';
import { choiceOption } from './analysisOptions';
import { filterOption, reviewDir, type CliCommand, type Values } from './types';

export const reportCommand: CliCommand = {
  summary: 'Write the synthesis report (Markdown, HTML, CSV, Word) of a review.',
  usage: `Usage: qualsynth report [dir] [--format md,html,csv] [--out folder] [--filter expr]… [--excerpts N] [--excerpt-context words|sentence|paragraph] [--no-uncategorised] [--timestamp]

  Writes the synthesis report of the review in dir (default: .).
  --format list       formats to write, comma-separated: ${REPORT_FORMATS.join(', ')} or all (default: md)
                      md: synthesis.md (and its figures' .svg) · html: synthesis.html · docx: synthesis.docx (Word)
                      csv: study-code.csv, study-theme.csv, segments.csv, memos.csv, evidence-profile.csv,
                      sensitivity.csv, and for method: meta-ethnography translation.csv, relations.csv
                      references are cited in \`citationStyle:\` of qualsynth.yaml when the studies have bibliographic data
  --out folder        where to write them (default: <dir>/<reportDir>, reportDir from qualsynth.yaml, else reports);
                      a path ending in .md names the Markdown file itself, the other files go beside it
  --filter expr       report only the studies that match, e.g. "perspective=recipients; year>=2005";
                      operators = != > >= < <= ~ (contains) !~, a|b for any of, casp.findings=yes for nested keys,
                      \`key\` / \`!key\` for present / absent; repeat --filter to AND several
  --excerpts N        most excerpts quoted per code, 0 for all (default: ${DEFAULT_REPORT_OPTIONS.excerptLimit})
  --excerpt-context C each excerpt quotes the coded words only (words), their whole sentences with … where
                      cut (sentence, the default), or the whole paragraph; the coded words are emphasised
  --no-uncategorised  leave out codes that are not in the codebook
  --timestamp         add a "Generated" line with today's date (otherwise output is byte-identical run to run)`,
  options: {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    filter: { type: 'string', multiple: true },
    excerpts: { type: 'string' },
    'excerpt-context': { type: 'string' },
    'no-uncategorised': { type: 'boolean' },
    timestamp: { type: 'boolean' },
  },
  async run(values, positionals, out) {
    const dir = reviewDir(positionals);
    const formats = formatsOption(values.format);
    const excerptLimit = excerptsOption(values.excerpts);
    const filter = filterOption(values, 'report');
    const { review, host } = await openReview(dir);
    const { dir: outDir, markdownName } = typeof values.out === 'string' ? outOption(values.out) : { dir: host.absolute(review.config.reportDir), markdownName: MARKDOWN_FILE };
    const posixPath = (path: string): string => path.split(nodePath.sep).join('/') || '.';
    const reportDir = posixPath(nodePath.relative(host.root, outDir));
    const linkBase = posixPath(nodePath.relative(outDir, host.root));
    const { output: report, files, problems } = await compileReport(review, {
      formats,
      reportDir,
      linkBase,
      excerptLimit,
      excerptContext: choiceOption<ExcerptContext>(values, 'excerpt-context', EXCERPT_CONTEXTS, DEFAULT_REPORT_OPTIONS.excerptContext, 'report'),
      filter,
      includeUncategorised: !values['no-uncategorised'],
      timestamp: values.timestamp ? new Date().toISOString().slice(0, 10) : undefined,
    }, loadManuscriptEngines);
    const outputs = Object.entries(files).map(([name, content]) => ({ target: nodePath.join(outDir, name === MARKDOWN_FILE ? markdownName : name), content }));
    await writeReviewFiles(review, host.root, outputs);
    const written = outputs.map(({ target }) => escapeForLog(nodePath.relative(process.cwd(), target) || target));
    const summary = review.index.summary();
    const lines = [
      `Studies:  ${summary.studies}`,
      `Themes:   ${summary.themes}`,
      `Codes:    ${summary.codes}`,
      `Segments: ${summary.segments}`,
      `Problems: ${summary.problems.error} errors, ${summary.problems.warning} warnings, ${summary.problems.info} notes`,
    ];
    if (report.model.filter) lines.push(`Filter:   ${report.model.filter.text} (${report.model.filter.kept} of ${report.model.filter.total} studies)`);
    lines.push(`Report:   ${written[0]}`, ...written.slice(1).map((file) => `          ${file}`));
    if (report.model.references) lines.push(`Citation: ${report.model.references.style}, ${report.model.references.entries.length} references`);
    for (const problem of problems) lines.push(formatProblem(problem));
    out.write(lines.join('\n') + '\n');
    return 0;
  },
};

function formatsOption(value: Values[string]): ReportFormat[] {
  if (typeof value !== 'string') return ['md'];
  try {
    return parseFormats(value);
  } catch (error) {
    throw new CliError(`qualsynth report: --format ${value}: ${(error as Error).message}`);
  }
}

function excerptsOption(value: Values[string]): number {
  if (value === undefined) return DEFAULT_REPORT_OPTIONS.excerptLimit;
  const limit = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || !Number.isSafeInteger(limit)) {
    throw new CliError(`qualsynth report: --excerpts takes a whole number (0 for all), not \`${String(value)}\`.`);
  }
  return limit;
}

/**
 * `--out` names a folder; a path ending in `.md` (the first version's usage) names the
 * Markdown file itself, and the other files go beside it. Other file names are refused.
 */
function outOption(value: string): { dir: string; markdownName: string } {
  if (/\.md$/i.test(value)) return { dir: nodePath.dirname(nodePath.resolve(value)), markdownName: nodePath.basename(value) };
  if (/\.(html?|csv|docx)$/i.test(value)) {
    throw new CliError(`qualsynth report: --out takes a folder, not a file (${value}): the report files are named synthesis.md, synthesis.html and *.csv inside it.`);
  }
  return { dir: nodePath.resolve(value), markdownName: MARKDOWN_FILE };
}
