import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadReferences } from '../../../src/core/references/loadReferences';
import { plainText, runsFromHtml } from '../../../src/core/references/richText';
import { buildReport } from '../../../src/core/report/buildReport';
import type { Review } from '../../../src/core/review';
import { loadManuscriptEngines } from '../../../src/node/loadEngines';
import { load } from '../report/reportFixtures';

const FIXTURE = path.resolve(__dirname, '../../fixtures/references/review');

/** The report of a review in a citation style. */
async function styled(review: Review, citationStyle: string) {
  const config = { ...review.config, citationStyle };
  const references = await loadReferences({ host: review.host, index: review.index, config }, loadManuscriptEngines);
  return { references, report: buildReport({ index: review.index, config }, { references, formats: ['md', 'html'] }) };
}

describe('references in a citation style', function () {
  this.timeout(30_000);
  let review: Review;
  before(async () => (review = await load(FIXTURE)));

  // Checked by hand against the APA Publication Manual, 7th edition (10.1 journal
  // article, 10.2 book, 10.4 report by a group author; 2005a/2005b by title; n.d.).
  const APA = [
    'Davidson, L. (n.d.). Peer support among persons with severe mental illnesses. Oxford University Press.',
    'Mowbray, C. T., Moxley, D. P., & Collins, M. E. (2005a). Consumers as mental health providers: First-person accounts of benefits and limitations. The Journal of Behavioral Health Services & Research, 25(4), 397–411. https://doi.org/10.1007/BF02287510',
    'Mowbray, C. T., Moxley, D. P., & Collins, M. E. (2005b). Peer employment and the recovery of consumer providers. Psychiatric Rehabilitation Journal, 28(3), 205–212.',
    'Ní Fhlannagáin, M., & Smith, J. A. (2015). Sharing lived experience: peer workers in acute inpatient care. International Journal of Mental Health Nursing, 24(3), 211–219. https://doi.org/10.1111/inm.12120',
    'Østergaard, S., Müller-Lüdenscheidt, J., & O’Hagan, M. (2011). Peer support in Østfold: a qualitative study. Nordic Journal of Psychiatry, 65, 22–30. https://doi.org/10.3109/08039488.2010.486444',
    'World Health Organization. (2010). User empowerment in mental health: a statement by the WHO Regional Office for Europe. WHO Regional Office for Europe.',
  ];
  // Checked by hand against Citing Medicine, 2nd edition (NLM): numbered in order of
  // first citation, Vancouver names, year;volume(issue):pages with elided page ranges.
  const VANCOUVER = [
    '1. Davidson L. Peer support among persons with severe mental illnesses. New York: Oxford University Press.',
    '2. Mowbray CT, Moxley DP, Collins ME. Consumers as mental health providers: First-person accounts of benefits and limitations. The Journal of Behavioral Health Services & Research. 2005;25(4):397–411. doi:10.1007/BF02287510',
    '3. Mowbray CT, Moxley DP, Collins ME. Peer employment and the recovery of consumer providers. Psychiatric Rehabilitation Journal. 2005;28(3):205–12.',
    '4. Ní Fhlannagáin M, Smith JA. Sharing lived experience: peer workers in acute inpatient care. International Journal of Mental Health Nursing. 2015 Jun;24(3):211–9. doi:10.1111/inm.12120',
    '5. World Health Organization. User empowerment in mental health: a statement by the WHO Regional Office for Europe. Copenhagen: WHO Regional Office for Europe; 2010.',
    '6. Østergaard S, Müller-Lüdenscheidt J, O’Hagan M. Peer support in Østfold: a qualitative study. Nordic Journal of Psychiatry. 2011;65:22–30. doi:10.3109/08039488.2010.486444',
  ];

  it('formats the reference list in APA 7th edition', async () => {
    const { report } = await styled(review, 'apa');
    assert.equal(report.model.references?.style, 'APA Style 7th edition');
    assert.deepEqual(report.model.references?.entries.map((entry) => plainText(entry.runs)), APA);
  });

  it('formats the reference list in Vancouver (NLM citation-sequence)', async () => {
    const { report } = await styled(review, 'vancouver');
    assert.equal(report.model.references?.numeric, true);
    assert.deepEqual(report.model.references?.entries.map((entry) => plainText(entry.runs)), VANCOUVER);
  });

  it('cites the studies in the style in every table and excerpt', async () => {
    const apa = (await styled(review, 'apa')).report;
    assert.deepEqual(apa.model.studies.map((study) => study.citation), ['Davidson, n.d.', 'Free Text 2003', 'Mowbray et al., 2005a', 'Mowbray et al., 2005b', 'Ní Fhlannagáin & Smith, 2015', 'World Health Organization, 2010', 'missing-2001', 'Østergaard et al., 2011']);
    assert.match(apa.markdown!, /\(Mowbray et al\., 2005a, \[studies\/mowbray-2005a\.md:9\]\(\.\.\/studies\/mowbray-2005a\.md#L9\)\)/);
    const vancouver = (await styled(review, 'vancouver')).report;
    assert.deepEqual(vancouver.model.studies.map((study) => study.citation).slice(0, 3), ['Davidson [1]', 'Free Text 2003', 'Mowbray et al. 2005a [2]']);
    assert.deepEqual(vancouver.model.segments.find((row) => row.study === 'who-2010')?.citation, 'World Health Organization 2010 [5]');
  });

  it('prints the list in Markdown and HTML with the journal and volume in italics and DOIs as links', async () => {
    const { report } = await styled(review, 'apa');
    assert.match(report.markdown!, /\n## References\n\n_Included studies, in APA Style 7th edition\._\n\nDavidson, L\. \(n\.d\.\)\. _Peer support among persons with severe mental illnesses_\. Oxford University Press\.\n/);
    assert.match(report.markdown!, /_Nordic Journal of Psychiatry_, _65_, 22–30\. <https:\/\/doi\.org\/10\.3109\/08039488\.2010\.486444>/);
    assert.match(report.html!, /<em>Nordic Journal of Psychiatry<\/em>, <em>65<\/em>, 22–30\. <a href="https:\/\/doi\.org\/10\.3109\/08039488\.2010\.486444">/);
    assert.match(report.markdown!, /_To complete:_ no bibliographic data for Free Text 2003; missing-2001/);
  });

  it('locates a citation key that is not in the bibliography', async () => {
    const { references } = await styled(review, 'apa');
    assert.deepEqual(references?.problems.map((p) => `${p.path}:${p.range.startPosition.line + 1}: ${p.severity}`), ['studies/missing-2001.md:3: warning']);
    assert.match(references!.problems[0].message, /`citation-key: nosuchkey2001` is not in the bibliography library\.bib/);
  });

  describe('in a copy of the review', () => {
    let copy: string;
    beforeEach(() => {
      copy = mkdtempSync(path.join(tmpdir(), 'qualsynth-references-'));
      cpSync(FIXTURE, copy, { recursive: true });
    });
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it('accepts any .csl file of the review', async () => {
      const harvard = (await loadManuscriptEngines()).bundledStyle('harvard1');
      writeFileSync(path.join(copy, 'harvard.csl'), harvard);
      const { references, report } = await styled(await load(copy), 'harvard.csl');
      assert.deepEqual(references?.problems.length, 1, 'only the missing key');
      assert.equal(report.model.references?.style, 'Cite Them Right 12th edition (author-date/Harvard)');
      assert.equal(plainText(report.model.references!.entries[1].runs).slice(0, 50), 'Mowbray, C.T., Moxley, D.P. and Collins, M.E. (200');
    });

    it('falls back to APA, with a located problem, for a broken .csl file', async () => {
      writeFileSync(path.join(copy, 'qualsynth.yaml'), 'title: T\nbibliography: library.bib\ncitationStyle: broken.csl\n');
      writeFileSync(path.join(copy, 'broken.csl'), '<html>not a style</html>');
      const again = await load(copy);
      const { references, report } = await styled(again, 'broken.csl');
      assert.equal(report.model.references?.style, 'APA Style 7th edition');
      const problem = references!.problems.find((p) => p.path === 'qualsynth.yaml')!;
      assert.equal(problem.range.startPosition.line, 2);
      assert.match(problem.message, /`citationStyle: broken\.csl` cannot be used \(not a CSL style/);
    });

    it('locates a missing bibliography file at its key in qualsynth.yaml', async () => {
      writeFileSync(path.join(copy, 'qualsynth.yaml'), 'title: T\n\nbibliography: gone.bib\n');
      const again = await load(copy);
      const references = await loadReferences(again, loadManuscriptEngines);
      const problem = references!.problems.find((p) => p.path === 'qualsynth.yaml')!;
      assert.equal(problem.range.startPosition.line, 2);
      assert.match(problem.message, /`bibliography: gone\.bib` does not exist/);
    });
  });

  it('reads the same records from BibTeX, RIS and CSL-JSON', async () => {
    const engines = await loadManuscriptEngines();
    const bib = engines.parseBibliography(readFileSync(path.join(FIXTURE, 'library.bib'), 'utf8'), 'bibtex').items.find((item) => item.id === 'ohagan2011')!;
    const ris = engines.parseBibliography('TY  - JOUR\nAU  - Østergaard, Søren\nAU  - Müller-Lüdenscheidt, Jürgen\nAU  - O\'Hagan, Mary\nTI  - Peer support in Østfold: a qualitative study\nT2  - Nordic Journal of Psychiatry\nPY  - 2011\nVL  - 65\nSP  - 22\nEP  - 30\nDO  - https://doi.org/10.3109/08039488.2010.486444\nER  - \n', 'ris').items[0];
    const json = engines.parseBibliography(JSON.stringify([{ ...bib, id: 'x' }]), 'csl-json').items[0];
    for (const item of [ris, json]) {
      assert.deepEqual([item.title, item.author, item.issued, item['container-title'], item.volume, item.page, item.DOI], [bib.title, bib.author, bib.issued, bib['container-title'], bib.volume, bib.page, bib.DOI]);
    }
  });

  it('reads citeproc HTML into styled runs', () => {
    const runs = runsFromHtml('<div class="csl-entry">A. (2005). T. <i>J &#38; K</i>, <i>25</i>(4). https://doi.org/10.1/x</div>');
    assert.deepEqual(runs, [{ text: 'A. (2005). T. ' }, { text: 'J & K', italic: true }, { text: ', ' }, { text: '25', italic: true }, { text: '(4). ' }, { text: 'https://doi.org/10.1/x', link: 'https://doi.org/10.1/x' }]);
  });
});
