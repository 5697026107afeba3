import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { Heading, Nodes, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseFilter } from '../../../src/core/filter';
import { buildReport } from '../../../src/core/report/buildReport';
import { buildReportModel, type ReportCode, type ReportModel } from '../../../src/core/report/reportModel';
import type { Review } from '../../../src/core/review';
import { FIXTURES, load } from './reportFixtures';

const MINI = path.join(FIXTURES, 'mini');

/** The 21 ENTREQ items (Tong et al. 2012), in order. */
const ENTREQ_ITEMS = [
  'Aim', 'Synthesis methodology', 'Approach to searching', 'Inclusion criteria', 'Data sources', 'Electronic search strategy', 'Study screening methods',
  'Study characteristics', 'Study selection results', 'Rationale for appraisal', 'Appraisal items', 'Appraisal process', 'Appraisal results', 'Data extraction',
  'Software', 'Number of reviewers', 'Coding', 'Study comparison', 'Derivation of themes', 'Quotations', 'Synthesis output',
];

function allCodes(model: ReportModel): ReportCode[] {
  const fromThemes = (themes: ReportModel['themes']): ReportCode[] => themes.flatMap((theme) => [...theme.codes, ...fromThemes(theme.children)]);
  return [...fromThemes(model.themes), ...model.uncategorised];
}

function code(model: ReportModel, name: string): ReportCode {
  const found = allCodes(model).find((candidate) => candidate.name === name);
  assert.ok(found, `no section for #${name}`);
  return found;
}

function parseMarkdown(markdown: string): Nodes[] {
  const walk = (node: Nodes): Nodes[] => [node, ...('children' in node ? (node.children as Nodes[]).flatMap(walk) : [])];
  return walk(unified().use(remarkParse).use(remarkGfm).parse(markdown));
}

const plainText = (node: Nodes): string => ('value' in node ? node.value : 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '');

describe('report model', () => {
  let review: Review;
  before(async () => {
    review = await load(MINI);
  });

  it('takes title, question, method and reviewers from qualsynth.yaml', () => {
    const model = buildReportModel(review);
    assert.equal(model.title, 'Mini review for report tests');
    assert.equal(model.question, 'How do peer workers and recipients experience peer support?');
    assert.equal(model.method, 'meta-ethnography');
    assert.deepEqual(model.reviewers, ['Ann Reviewer', 'Ben Reviewer']);
  });

  it('counts studies, codes, themes and first-/second-order segments', () => {
    assert.deepEqual(buildReportModel(review).counts, {
      studies: 4, codes: 5, appliedCodes: 4, uncategorised: 1, themes: 5, segments: 13, firstOrder: 8, secondOrder: 5,
      themeKinds: { descriptive: 0, analytical: 0, concept: 0, unmarked: 5 }, segmentsWithCoder: 3, memos: 0,
    });
  });

  it('lists studies in citation order with unique Author Year labels and the configured columns', () => {
    const model = buildReportModel(review);
    assert.deepEqual(model.studies.map((study) => study.citation), ['Jones & Brown 2010', 'Lee et al. 1999', 'Smith 2005a', 'Smith 2005b']);
    assert.deepEqual(model.columns, ['citation', 'year', 'country', 'design', 'perspective', 'participants']);
    assert.deepEqual(model.studies[3].cells, ['Smith K. Recipients and workers in a rural service. 2005.', '2005', 'UK', 'focus groups', 'recipients; peer workers', '8']);
  });

  it('tables CASP answers as ✓/✗/? for the appraised studies and the answered questions only', () => {
    const appraisal = buildReportModel(review).appraisal;
    assert.ok(appraisal);
    assert.deepEqual(appraisal.columns, ['Aims', 'Methodology', 'Relationship', 'Findings']);
    assert.deepEqual(appraisal.rows.map((row) => [row.citation, ...row.cells]), [
      ['Smith 2005a', '✓', '✓', '✗', '?'],
      ['Smith 2005b', '✓', '✓', '✓', '✓'],
    ]);
  });

  it('builds theme sections in codebook order with the definition filed under each theme', () => {
    const model = buildReportModel(review);
    assert.deepEqual(model.themes.map((theme) => [theme.title, theme.children.map((child) => child.title)]), [
      ['Working as a peer', ['Prejudice', 'Pay']],
      ['Receiving support', ['Hope']],
    ]);
    assert.equal(model.themes[0].children[1].codes[0].definition, 'Pay below that of colleagues.');
    assert.equal(model.themes[1].children[0].codes[1].definition, 'Recipients notice that peer workers are poorly paid.');
    assert.deepEqual([model.themes[0].studyCount, model.themes[0].segmentCount], [3, 6]);
    assert.deepEqual(model.themes[0].description, ["Peer workers' own accounts."]);
  });

  it('counts and quotes each code, first-order apart from second-order, with citation and relative link', () => {
    const prejudice = code(buildReportModel(review, { excerptLimit: 0, excerptContext: 'words' }), 'prejudice');
    assert.deepEqual([prejudice.segmentCount, prejudice.studyCount, prejudice.firstOrder, prejudice.secondOrder, prejudice.omitted], [3, 2, 1, 2, 0]);
    assert.deepEqual(prejudice.excerpts, [
      { text: '"They still see me as a patient." (peer worker)', order: 'first', citation: 'Smith 2005a', link: '../studies/smith-2005a.md#L18', location: 'studies/smith-2005a.md:18' },
      { text: 'being left out of handover', order: 'second', citation: 'Smith 2005a', link: '../studies/smith-2005a.md#L24', location: 'studies/smith-2005a.md:24' },
      { text: 'a shared sense of being written off', order: 'second', citation: 'Smith 2005b', link: '../studies/smith-2005b.md#L21', location: 'studies/smith-2005b.md:21' },
    ]);
    // By default the excerpt reaches the whole sentence; the text, link and line stay the coded passage's.
    const inSentence = code(buildReportModel(review, { excerptLimit: 0 }), 'prejudice').excerpts[1];
    assert.deepEqual([inSentence.text, inSentence.link, inSentence.context], ['being left out of handover', '../studies/smith-2005a.md#L24', { lead: 'Workers described ', coded: 'being left out of handover', trail: ' and pay that did not cover rent.', cutBefore: false, cutAfter: false }]);
  });

  it('spreads the excerpt limit across studies before taking a second passage from one', () => {
    const hope = code(buildReportModel(review, { excerptLimit: 3 }), 'hope');
    assert.deepEqual(hope.excerpts.map((excerpt) => excerpt.citation), ['Jones & Brown 2010', 'Lee et al. 1999', 'Smith 2005b']);
    assert.equal(hope.omitted, 3);
    assert.equal(code(buildReportModel(review, { excerptLimit: 0 }), 'hope').excerpts.length, 6);
  });

  it('makes links relative to the report folder, or to linkBase when the folder is outside the review', () => {
    assert.equal(code(buildReportModel(review, { reportDir: 'out/deep' }), 'hope').excerpts[0].link, '../../studies/jones-2010.md#L13');
    assert.equal(code(buildReportModel(review, { reportDir: '.' }), 'hope').excerpts[0].link, 'studies/jones-2010.md#L13');
    assert.equal(code(buildReportModel(review, { reportDir: '../x', linkBase: '../mini' }), 'hope').excerpts[0].link, '../mini/studies/jones-2010.md#L13');
    assert.throws(() => buildReportModel(review, { reportDir: '../x' }), /outside the review: pass linkBase/);
  });

  it('reports uncategorised codes, or leaves them out everywhere', () => {
    const withThem = buildReportModel(review);
    assert.deepEqual(withThem.uncategorised.map((entry) => entry.name), ['mystery']);
    const without = buildReportModel(review, { includeUncategorised: false });
    assert.deepEqual(without.uncategorised, []);
    assert.equal(without.counts.codes, 4);
    assert.equal(without.counts.segments, 12, 'the passage coded only #mystery is no longer a reported segment');
    assert.ok(!without.codeMatrix.columns.includes('mystery'));
    assert.ok(!without.segments.some((row) => row.code === 'mystery'));
  });

  it('restricts every count, table and excerpt to the filtered studies', () => {
    const model = buildReportModel(review, { filter: 'perspective=recipients', excerptLimit: 0 });
    const kept = ['Jones & Brown 2010', 'Lee et al. 1999', 'Smith 2005b'];
    assert.deepEqual(model.filter, { text: 'perspective=recipients', kept: 3, total: 4 });
    assert.deepEqual(model.studies.map((study) => study.citation), kept);
    assert.equal(model.counts.studies, 3);
    assert.equal(model.counts.segments, 9);
    assert.deepEqual(model.appraisal?.rows.map((row) => row.citation), ['Smith 2005b']);
    assert.deepEqual(model.themeMatrix.rows.map((row) => row.citation), kept);
    assert.deepEqual(model.codeMatrix.rows.map((row) => row.citation), kept);
    assert.ok(model.segments.every((row) => kept.includes(row.citation)));
    assert.ok(allCodes(model).every((entry) => entry.excerpts.every((excerpt) => kept.includes(excerpt.citation))));
    assert.deepEqual(model.findings.rows.find((row) => row.title === 'Prejudice')?.studies, ['Smith 2005b']);
    assert.equal(code(model, 'prejudice').segmentCount, 1);
    assert.match(model.entreq[7].filled, /^3 of 4 included studies \(filter `perspective=recipients`\)/);
  });

  it('accepts a parsed filter and renders a report even when it keeps no study', () => {
    const { model, markdown } = buildReport(review, { filter: parseFilter('country=Atlantis') });
    assert.equal(model.counts.studies, 0);
    assert.match(markdown!, /\*\*Filter:\*\* `country=Atlantis` — 0 of 4 studies/);
  });

  it('summarises the themes judged with GRADE-CERQual as findings, sub-themes and unjudged themes apart', () => {
    const rows = buildReportModel(review).findings.rows;
    assert.deepEqual(
      rows.map((row) => [row.number, row.path.join(' › '), row.statement, row.studies, row.confidence, row.explanation]),
      [
        [1, 'Working as a peer › Prejudice', 'Prejudice', ['Smith 2005a', 'Smith 2005b'], 'moderate', 'two studies; minor concerns about adequacy.'],
        [2, 'Receiving support › Hope', "Recipients' accounts of hope.", ['Jones & Brown 2010', 'Lee et al. 1999', 'Smith 2005a', 'Smith 2005b'], 'high', 'consistent across studies.'],
      ],
    );
  });

  describe('ENTREQ', () => {
    it('has the 21 items in order, numbered 1 to 21', () => {
      const items = buildReportModel(review).entreq;
      assert.deepEqual(items.map((item) => item.name), ENTREQ_ITEMS);
      assert.deepEqual(items.map((item) => item.number), ENTREQ_ITEMS.map((_, index) => index + 1));
    });

    it('fills what the files say and prompts for the rest', () => {
      const items = buildReportModel(review, { softwareVersion: '9.8.7' }).entreq;
      const item = (name: string) => items.find((entry) => entry.name === name)!;
      assert.equal(item('Software').filled, 'QualSynth 9.8.7.');
      assert.equal(item('Software').prompt, undefined);
      assert.match(item('Number of reviewers').filled, /^2 reviewers: Ann Reviewer, Ben Reviewer; 3 of 13 coded segments name a coder \(`coder=`\): 2 distinct coders recorded \(ann, ben\)\.$/);
      assert.match(item('Study characteristics').filled, /year: 1999–2010; country: USA \(2\), Canada \(1\), UK \(1\);.*participants: 50 in total \(8–20 per study\)/);
      assert.match(item('Appraisal results').filled, /^2 of 4 studies appraised; 1 met every criterion/);
      assert.match(item('Coding').filled, /^5 codes \(4 applied\) on 13 segments in 4 studies/);
      assert.match(item('Synthesis output').filled, /GRADE-CERQual confidence assessed for 2 of 2 findings/);
      for (const name of ['Approach to searching', 'Inclusion criteria', 'Data sources', 'Electronic search strategy', 'Study screening methods', 'Rationale for appraisal', 'Appraisal process']) {
        assert.equal(item(name).filled, '', name);
        assert.ok(item(name).prompt, name);
      }
    });

    it('renders as a 21-row table with marked prompts', () => {
      const { markdown } = buildReport(review);
      const nodes = parseMarkdown(markdown!);
      const headingIndex = nodes.findIndex((node) => node.type === 'heading' && plainText(node) === 'ENTREQ checklist');
      const table = nodes.slice(headingIndex).find((node): node is Table => node.type === 'table')!;
      assert.equal(table.children.length, 1 + 21);
      assert.deepEqual(table.children.slice(1).map((row) => plainText(row.children[1])), ENTREQ_ITEMS);
      assert.match(markdown!, /\| 3 \| Approach to searching \| _To complete:_ whether the search/);
    });
  });

  it('renders the sections in the order of DESIGN.md §3, the SoQF up front as the EPOC template has it', () => {
    const { markdown } = buildReport(review);
    const headings = parseMarkdown(markdown!).filter((node): node is Heading => node.type === 'heading' && node.depth <= 2);
    assert.deepEqual(headings.map(plainText), [
      'Mini review for report tests',
      'Summary of qualitative findings (GRADE-CERQual)',
      'Included studies',
      'Quality appraisal (CASP)',
      'Themes',
      // The mini review is a meta-ethnography (its codes are the concepts).
      'Translation of concepts',
      'Uncategorised codes',
      'Analysis across studies',
      'GRADE-CERQual Evidence Profile',
      'Sensitivity analysis',
      'ENTREQ checklist',
      'eMERGe reporting items',
    ]);
    assert.match(markdown!, /\n4 studies · 5 themes · 5 codes \(4 applied\) · 13 coded segments \(8 first-order, 5 second-order\)\.\n/);
    assert.match(markdown!, /\*\*Participants’ words \(first order\):\*\*\n\n> "They still see me as a patient\." \(peer worker\) \(Smith 2005a, \[studies\/smith-2005a\.md:18\]\(\.\.\/studies\/smith-2005a\.md#L18\)\)/);
    assert.match(markdown!, /\*\*Authors’ interpretations \(second order\):\*\*\n\n- Workers described _being left out of handover_ and pay that did not cover rent\. \(Smith 2005a, /);
  });
});
