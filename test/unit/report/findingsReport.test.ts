/**
 * The GRADE-CERQual tables of the report on the small fixture (test/fixtures/cerqual),
 * written out by hand: the Summary of Qualitative Findings, the Evidence Profile's
 * judgement columns, the contrary data, the sensitivity analysis (Markdown and CSV),
 * and a filtered report that says the judgements were made on the whole review.
 */
import { strict as assert } from 'node:assert';
import { parse } from 'csv-parse/sync';
import { buildReport } from '../../../src/core/report/buildReport';
import type { Review } from '../../../src/core/review';
import { CERQUAL_FIXTURE } from '../cerqual/fixture';
import { load } from './reportFixtures';

/** The lines of a section of the Markdown, from its heading to the next `## `. */
function section(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${title}`);
  assert.ok(start >= 0, `no section ${title}`);
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).filter((line) => line !== '');
}

/** A table's body rows as cells. */
function tableRows(lines: readonly string[]): string[][] {
  return lines.filter((line) => line.startsWith('| ') && !line.startsWith('| -')).slice(1).map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

describe('the GRADE-CERQual tables of the report (hand-computed on the small fixture)', () => {
  let review: Review;
  before(async () => (review = await load(CERQUAL_FIXTURE)));

  it('puts the Summary of Qualitative Findings up front, statements and citations from the coding', () => {
    const markdown = buildReport(review, { formats: ['md'] }).markdown!;
    assert.ok(markdown.indexOf('## Summary of qualitative findings (GRADE-CERQual)') < markdown.indexOf('## Included studies'));
    assert.deepEqual(section(markdown, 'Summary of qualitative findings (GRADE-CERQual)'), [
      '## Summary of qualitative findings (GRADE-CERQual)',
      '| # | Summary of review finding | Studies contributing to the review finding | GRADE-CERQual assessment of confidence | Explanation of GRADE-CERQual assessment |',
      '| - | - | - | - | - |',
      '| 1 | Peer workers met stigma from colleagues at work. | Adams 2001; Brown & Black 2002; Clark 2003 | **Moderate confidence** | minor concerns about methodological limitations and adequacy; three studies from two countries. |',
      '| 2 | Hope gives recipients a reason to go on. | Clark 2003; Davis et al. 2004 | **Low confidence** | two studies. |',
      'The data behind each assessment are in the GRADE-CERQual Evidence Profile below.',
    ]);
  });

  it('gives each finding one Evidence Profile row: concern, explanation and data per component', () => {
    const rows = tableRows(section(buildReport(review).markdown!, 'GRADE-CERQual Evidence Profile'));
    assert.equal(rows.length, 2);
    const [stigma, hope] = rows;
    assert.deepEqual(stigma.slice(0, 3), ['1', '**Stigma**: Peer workers met stigma from colleagues at work.', 'Adams 2001; Brown & Black 2002; Clark 2003']);
    assert.deepEqual(stigma.slice(3, 7).map((cell) => cell.split(' _Data:_ ')[0]), [
      '**Minor concerns** — two of three studies answered other than yes on a CASP item.',
      '**Minor concerns** — one study also describes acceptance.',
      '**Minor concerns** — four segments from three studies, 35 participants.',
      '**No or very minor concerns** — two workers studies and one recipients study.',
    ]);
    assert.equal(stigma[4].split(' _Data:_ ')[1], 'By code: #stigma 3 studies, 4 segments. Marked contrary (#acceptance): 1 segment from 1 study (Adams 2001).');
    assert.equal(stigma[5].split(' _Data:_ ')[1], '3 studies, 4 segments (2 first-order, 50%); 35 participants (3 of 3 studies report a number). Segments per study: 1–2.');
    assert.deepEqual(stigma.slice(7), ['**Moderate confidence**', 'minor concerns about methodological limitations and adequacy; three studies from two countries.']);
    // Hope is judged in the one-paragraph form: its components are not assessed, their data are still there.
    assert.deepEqual(hope.slice(3, 7).map((cell) => cell.split(' _Data:_ ')[0]), ['**Not assessed**', '**Not assessed**', '**Not assessed**', '**Not assessed**']);
    assert.equal(hope[6].split(' _Data:_ ')[1], 'perspective: recipients (2); not represented: workers. country: UK (1), USA (1). setting: community (1); not represented: inpatient.');
  });

  it('quotes the contrary data with citation and link', () => {
    const markdown = buildReport(review).markdown!;
    assert.match(markdown, /### Contrary and disconfirming data\n\n.*\n\n\*\*1\. Stigma\*\* — `#acceptance`\n\n> Some colleagues treated them as equals \(Adams 2001, \[studies\/adams-2001\.md:17\]\(\.\.\/studies\/adams-2001\.md#L17\)\)\n/);
  });

  it('tables the sensitivity analysis: without Brown & Black (analysis no), Clark (findings ?) and Davis (no CASP)', () => {
    assert.deepEqual(section(buildReport(review).markdown!, 'Sensitivity analysis'), [
      '## Sensitivity analysis',
      'Each finding with and without the studies that do not meet the appraisal criteria `casp.analysis=yes; casp.findings=yes` (`cerqual.sensitivity` in qualsynth.yaml). 3 studies do not meet them (1 of them has no CASP answers): Brown & Black 2002; Clark 2003; Davis et al. 2004. Without them, 1 of 2 findings loses all support, 1 rests on one study, 0 keep two or more studies and 0 do not change; 1 of those still supported loses half or more of their segments (1).',
      '| # | Review finding | Studies | Segments | Studies without the weaker studies | Segments without the weaker studies | Studies left out | Still supported |',
      '| - | - | - | - | - | - | - | - |',
      '| 1 | Stigma | 3 | 4 | 1 | 2 | Brown & Black 2002; Clark 2003 | By one study only |',
      '| 2 | Hope | 2 | 2 | 0 | 0 | Clark 2003; Davis et al. 2004 | No |',
    ]);
  });

  it('writes evidence-profile.csv and sensitivity.csv', () => {
    const csv = buildReport(review, { formats: ['csv'] }).csv!;
    const profile = parse(csv['evidence-profile.csv'], { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(
      profile.map((row) => [row.number, row.finding, row.study_ids, row.segments, row.first_order, row.participants, row.methodological_limitations_concern, row.coherence_concern, row.adequacy_concern, row.relevance_concern, row.confidence]),
      [
        ['1', 'Workers › Stigma', 'adams-2001; brown-2002; clark-2003', '4', '2', '35', 'minor', 'minor', 'minor', 'no or very minor', 'moderate'],
        ['2', 'Recipients › Hope', 'clark-2003; davis-2004', '2', '1', '5', '', '', '', '', 'low'],
      ],
    );
    assert.deepEqual(parse(csv['sensitivity.csv']), [
      ['number', 'finding', 'studies', 'segments', 'kept_studies', 'kept_segments', 'left_out', 'status', 'criteria'],
      ['1', 'Workers › Stigma', '3', '4', '1', '2', 'Brown & Black 2002; Clark 2003', 'one study', 'casp.analysis=yes; casp.findings=yes'],
      ['2', 'Recipients › Hope', '2', '2', '0', '0', 'Clark 2003; Davis et al. 2004', 'lost', 'casp.analysis=yes; casp.findings=yes'],
    ]);
  });

  it('under a filter, says the judgement was made on the whole review and shows the filtered evidence beside it', () => {
    const markdown = buildReport(review, { filter: 'perspective=workers' }).markdown!;
    assert.deepEqual(section(markdown, 'Summary of qualitative findings (GRADE-CERQual)').slice(1, 6), [
      '_The assessments were made on the whole review (4 studies); the contributing studies and data beside them are those the filter keeps._',
      '| # | Summary of review finding | Studies contributing to the review finding | GRADE-CERQual assessment of confidence | Explanation of GRADE-CERQual assessment |',
      '| - | - | - | - | - |',
      '| 1 | Peer workers met stigma from colleagues at work. | Adams 2001; Brown & Black 2002 (2 of 3 in the whole review) | **Moderate confidence** (judged on the whole review) | minor concerns about methodological limitations and adequacy; three studies from two countries. |',
      '| 2 | Hope gives recipients a reason to go on. | None under this filter (2 in the whole review) | **Low confidence** (judged on the whole review) | two studies. |',
    ]);
    const [stigma] = tableRows(section(markdown, 'GRADE-CERQual Evidence Profile'));
    assert.equal(stigma[5].split(' _Data:_ ')[1], '2 studies, 3 segments (2 first-order, 67%); 30 participants (2 of 2 studies report a number). Segments per study: 1–2.');
    assert.deepEqual(tableRows(section(markdown, 'Sensitivity analysis')), [
      ['1', 'Stigma', '2', '3', '1', '2', 'Brown & Black 2002', 'By one study only'],
      ['2', 'Hope', '0', '0', '0', '0', '', 'No contributing study'],
    ]);
  });

  it('renders the Summary of Qualitative Findings and the Evidence Profile as HTML tables, a row per finding, under a filter too', () => {
    const htmlSection = (html: string, title: string): string => {
      const start = html.search(new RegExp(`<h2 id="[^"]+">${title.replace(/[()]/g, '\\$&')}</h2>`));
      assert.ok(start >= 0, `no section ${title}`);
      return html.slice(start, html.indexOf('<h2 ', start + 1));
    };
    const cells = (section: string, tag: 'th' | 'td'): string[][] =>
      [...section.matchAll(/<tr>\n([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((cell) => cell[1])).filter((row) => row.length > 0);
    const html = buildReport(review, { formats: ['html'] }).html!;
    const summary = htmlSection(html, 'Summary of qualitative findings (GRADE-CERQual)');
    assert.deepEqual(cells(summary, 'td'), [
      ['1', 'Peer workers met stigma from colleagues at work.', 'Adams 2001; Brown &#x26; Black 2002; Clark 2003', '<strong>Moderate confidence</strong>', 'minor concerns about methodological limitations and adequacy; three studies from two countries.'],
      ['2', 'Hope gives recipients a reason to go on.', 'Clark 2003; Davis et al. 2004', '<strong>Low confidence</strong>', 'two studies.'],
    ]);
    const profile = htmlSection(html, 'GRADE-CERQual Evidence Profile');
    assert.deepEqual(cells(profile, 'th')[0], ['#', 'Summary of review finding', 'Studies contributing', 'Methodological limitations', 'Coherence', 'Adequacy', 'Relevance', 'GRADE-CERQual assessment', 'Explanation of GRADE-CERQual assessment']);
    const rows = cells(profile, 'td');
    assert.deepEqual(rows.map((row) => [row[0], row[7]]), [['1', '<strong>Moderate confidence</strong>'], ['2', '<strong>Low confidence</strong>']]);
    assert.equal(rows[0][5], '<strong>Minor concerns</strong> — four segments from three studies, 35 participants.<br>\n<em>Data:</em> 3 studies, 4 segments (2 first-order, 50%); 35 participants (3 of 3 studies report a number).<br>\nSegments per study: 1–2.');

    const filtered = buildReport(review, { formats: ['html'], filter: 'perspective=workers' }).html!;
    const filteredSummary = htmlSection(filtered, 'Summary of qualitative findings (GRADE-CERQual)');
    assert.match(filteredSummary, /<em>The assessments were made on the whole review \(4 studies\); the contributing studies and data beside them are those the filter keeps\.<\/em>/);
    assert.deepEqual(cells(filteredSummary, 'td').map((row) => [row[2], row[3]]), [
      ['Adams 2001; Brown &#x26; Black 2002 (2 of 3 in the whole review)', '<strong>Moderate confidence</strong> (judged on the whole review)'],
      ['None under this filter (2 in the whole review)', '<strong>Low confidence</strong> (judged on the whole review)'],
    ]);
  });

  it('notes beside the judgement what check says about it', async () => {
    const copy = await load(CERQUAL_FIXTURE);
    const { readFileSync } = await import('node:fs');
    copy.updateCodebookText(readFileSync(`${CERQUAL_FIXTURE}/codebook.md`, 'utf8').replace('CERQual: low — two studies.', 'CERQual: low — five studies.'));
    const rows = tableRows(section(buildReport(copy).markdown!, 'Summary of qualitative findings (GRADE-CERQual)'));
    assert.deepEqual(rows.map((row) => row[4]), [
      'minor concerns about methodological limitations and adequacy; three studies from two countries.',
      'five studies. ⚠ States “five studies”; the data have 2 contributing studies.',
    ]);
  });
});
