/**
 * The GRADE-CERQual sections of the Markdown (and so HTML) report, from the findings
 * model: the Summary of Qualitative Findings up front, and the Evidence Profile, the
 * contrary data and the sensitivity analysis near the end — the layout of the
 * Cochrane EPOC QES template.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { concernWords, confidenceWords } from '../cerqual/levelWords';
import { blockquote, emphasis, heading, inlineCode, lineBreak, link, paragraph, prose, strong, table, text } from './mdast';
import type { ReportComponent, ReportFinding, ReportFindings } from './findingsModel';
import type { SensitivityStatus } from './sensitivity';
import { plural } from './wording';

const HOW_TO_MARK = 'No review findings yet: a theme becomes a finding with a `Finding:` paragraph (its summary statement) or a `CERQual:` judgement in the codebook.';

/** The Summary of Qualitative Findings (SoQF) table. */
export function summaryOfFindingsSection(findings: ReportFindings): RootContent[] {
  const out: RootContent[] = [heading(2, text('Summary of qualitative findings (GRADE-CERQual)'))];
  if (findings.rows.length === 0) return [...out, paragraph(...prose(HOW_TO_MARK))];
  out.push(...filterNote(findings));
  out.push(
    table(
      ['#', 'Summary of review finding', 'Studies contributing to the review finding', 'GRADE-CERQual assessment of confidence', 'Explanation of GRADE-CERQual assessment'],
      findings.rows.map((row) => [String(row.number), row.statement, studiesCell(row, findings), confidenceCell(row, findings), explanationCell(row)]),
    ),
    paragraph(text('The data behind each assessment are in the GRADE-CERQual Evidence Profile below.')),
  );
  return out;
}

/** The Evidence Profile, the contrary data and the sensitivity analysis. */
export function evidenceProfileSections(findings: ReportFindings): RootContent[] {
  if (findings.rows.length === 0) return [];
  return [
    heading(2, text('GRADE-CERQual Evidence Profile')),
    paragraph(text('Each component: the concern and its explanation from the codebook, then the data computed from the coding. Levels of concern: no or very minor, minor, moderate, serious.')),
    ...filterNote(findings),
    table(
      ['#', 'Summary of review finding', 'Studies contributing', 'Methodological limitations', 'Coherence', 'Adequacy', 'Relevance', 'GRADE-CERQual assessment', 'Explanation of GRADE-CERQual assessment'],
      findings.rows.map((row) => [String(row.number), findingCell(row), studiesCell(row, findings), ...row.components.map(componentCell), confidenceCell(row, findings), explanationCell(row)]),
    ),
    ...contrarySection(findings.rows),
    ...sensitivitySection(findings),
  ];
}

function filterNote(findings: ReportFindings): RootContent[] {
  if (!findings.judgedOnWholeReview) return [];
  return [paragraph(emphasis(`The assessments were made on the whole review (${plural(findings.judgedOnWholeReview.studies, 'study', 'studies')}); the contributing studies and data beside them are those the filter keeps.`))];
}

/** The theme's title, then its statement (unless the statement is the title). */
function findingCell(row: ReportFinding): PhrasingContent[] {
  return row.statement === row.title ? [strong(row.title)] : [strong(row.title), text(`: ${row.statement}`)];
}

function studiesCell(row: ReportFinding, findings: ReportFindings): string {
  const whole = findings.judgedOnWholeReview ? ` (${row.studies.length} of ${row.reviewStudyCount} in the whole review)` : '';
  if (row.studies.length === 0) return findings.judgedOnWholeReview ? `None under this filter (${row.reviewStudyCount} in the whole review)` : 'None';
  return `${row.studies.join('; ')}${whole}`;
}

function confidenceCell(row: ReportFinding, findings: ReportFindings): PhrasingContent[] {
  if (!row.confidence) return [text('Not assessed')];
  const level = confidenceWords(row.confidence);
  return findings.judgedOnWholeReview ? [strong(level), text(' (judged on the whole review)')] : [strong(level)];
}

function explanationCell(row: ReportFinding): PhrasingContent[] {
  const notes = row.notes.map((note) => `⚠ ${note}`);
  return [text([row.explanation, ...notes].filter(Boolean).join(' '))];
}

function componentCell(component: ReportComponent): PhrasingContent[] {
  const out: PhrasingContent[] = [strong(concernWords(component.concern))];
  if (component.explanation) out.push(text(` — ${component.explanation}`));
  // One data sentence a line in HTML; in Markdown the breaks are spaces.
  out.push(lineBreak(), emphasis('Data:'), text(' '));
  component.data.forEach((line, index) => out.push(...(index > 0 ? [lineBreak()] : []), text(line)));
  return out;
}

function contrarySection(rows: readonly ReportFinding[]): RootContent[] {
  const withData = rows.filter((row) => row.contrary.length > 0);
  if (withData.length === 0) return [];
  const out: RootContent[] = [heading(3, text('Contrary and disconfirming data')), paragraph(...prose('Segments coded with the codes each finding marks as contrary (`Contrary:` in the codebook), for the coherence judgement.'))];
  for (const row of withData) {
    out.push(paragraph(strong(`${row.number}. ${row.title}`), text(' — '), ...codeList(row.contrary.flatMap((excerpt) => excerpt.codes))));
    for (const excerpt of row.contrary) out.push(blockquote(text(`${excerpt.text} (${excerpt.citation}, `), link(excerpt.link, excerpt.location), text(')')));
  }
  return out;
}

function codeList(codes: readonly string[]): PhrasingContent[] {
  return [...new Set(codes)].flatMap((code, index) => [...(index > 0 ? [text(', ')] : []), inlineCode(`#${code}`)]);
}

const STATUS_WORDS: Readonly<Record<SensitivityStatus, string>> = {
  unchanged: 'Yes (no weaker study contributes)',
  supported: 'Yes',
  'one study': 'By one study only',
  lost: 'No',
  'no evidence': 'No contributing study',
};

function sensitivitySection(findings: ReportFindings): RootContent[] {
  const { criteria, weaker, unappraised, counts, halved } = findings.sensitivity;
  const total = findings.rows.length;
  const unanswered = unappraised > 0 ? ` (${unappraised} of them ${unappraised === 1 ? 'has' : 'have'} no CASP answers)` : '';
  const who = weaker.length > 0 ? `${plural(weaker.length, 'study does', 'studies do')} not meet them${unanswered}: ${weaker.join('; ')}.` : 'Every reported study meets them.';
  const none = counts['no evidence'] > 0 ? ` (${counts['no evidence']} ${counts['no evidence'] === 1 ? 'has' : 'have'} no contributing study)` : '';
  const outcome = `Without them, ${counts.lost} of ${plural(total, 'finding')}${none} ${counts.lost === 1 ? 'loses' : 'lose'} all support, ${counts['one study']} ${counts['one study'] === 1 ? 'rests' : 'rest'} on one study, ${counts.supported} keep two or more studies and ${counts.unchanged} do not change${halved.length > 0 ? `; ${halved.length} of those still supported ${halved.length === 1 ? 'loses' : 'lose'} half or more of their segments (${halved.join(', ')})` : ''}.`;
  return [
    heading(2, text('Sensitivity analysis')),
    paragraph(text('Each finding with and without the studies that do not meet the appraisal criteria '), inlineCode(criteria), text(' ('), inlineCode('cerqual.sensitivity'), text(` in qualsynth.yaml). ${who} ${outcome}`)),
    table(
      ['#', 'Review finding', 'Studies', 'Segments', 'Studies without the weaker studies', 'Segments without the weaker studies', 'Studies left out', 'Still supported'],
      findings.rows.map((row) => {
        const s = row.sensitivity;
        return [String(row.number), row.title, String(s.studies), String(s.segments), String(s.keptStudies), String(s.keptSegments), s.leftOut.join('; '), STATUS_WORDS[s.status]];
      }),
    ),
  ];
}
