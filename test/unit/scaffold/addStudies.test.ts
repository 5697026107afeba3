import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseStudy } from '../../../src/core/study';
import { runCli } from '../runCli';

const EXPORTS = path.resolve(__dirname, '../../fixtures/references/exports');
const DEMO = path.resolve(__dirname, '../../../examples/peer-support');

describe('qualsynth add-studies: studies from reference manager exports', function () {
  this.timeout(60_000);
  let review: string;
  beforeEach(() => (review = mkdtempSync(path.join(tmpdir(), 'qualsynth-add-'))));
  afterEach(() => rmSync(review, { recursive: true, force: true }));
  const studies = (): string[] => readdirSync(path.join(review, 'studies')).sort();
  const read = (id: string) => parseStudy(`studies/${id}.md`, readFileSync(path.join(review, 'studies', `${id}.md`), 'utf8'));

  it('Zotero RIS: non-ASCII names, an organisation as author, a record without a year', async () => {
    const run = await runCli('add-studies', path.join(EXPORTS, 'zotero.ris'), review);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(studies(), ['mowbray-1998.md', 'ni-fhlannagain-nd.md', 'ostergaard-2011.md', 'world-health-organization-2021.md']);
    const ostergaard = read('ostergaard-2011');
    assert.deepEqual(ostergaard.problems, []);
    assert.deepEqual(ostergaard.attributes.author, [{ family: 'Østergaard', given: 'Søren' }, { family: 'Müller-Lüdenscheidt', given: 'Jürgen' }, { family: 'Nakamura', given: "Ken'ichi" }]);
    assert.equal(ostergaard.attributes.DOI, '10.3109/08039488.2010.486444', 'the doi.org prefix is dropped');
    assert.equal(ostergaard.year, 2011);
    assert.deepEqual(read('world-health-organization-2021').attributes.author, [{ literal: 'World Health Organization' }]);
    assert.equal(read('ni-fhlannagain-nd').attributes.issued, undefined);
    assert.match(run.out, /^Created 4 studies in studies\/ from 4 records of .*zotero\.ris:\n/);
  });

  it('EndNote RIS (.txt, CRLF, DOI in M3, dates like 2011///, a chapter without a year)', async () => {
    const run = await runCli('add-studies', path.join(EXPORTS, 'endnote.txt'), review);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(studies(), ['davidson-nd.md', 'mowbray-1998.md', 'repper-2011.md']);
    assert.equal(read('mowbray-1998').attributes.DOI, '10.1007/BF02287510');
    assert.equal(read('mowbray-1998').attributes.issued, '1998-11-01');
    assert.equal(read('repper-2011').attributes.issued, 2011);
    assert.equal(read('davidson-nd').attributes.type, 'chapter');
  });

  it('Covidence RIS: a study exported twice (title and year) is skipped', async () => {
    const run = await runCli('add-studies', path.join(EXPORTS, 'covidence.ris'), review);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(studies(), ['repper-2011.md', 'walker-2013.md']);
    assert.match(run.out, /Skipped 1:\n {2}record 3 {2}Walker 2013: Peer Support in Adult Mental Health Services: A Metasynthesis of Qual… — a record with the same title and year is already in record 2 of the file \(studies\/walker-2013\.md\)\n/);
  });

  it('Rayyan BibTeX: a duplicate by DOI (other case), a missing year, Māori names; keys kept', async () => {
    const run = await runCli('add-studies', path.join(EXPORTS, 'rayyan.bib'), review);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(studies(), ['gillard-2016.md', 'te-whariki-nd.md']);
    assert.match(run.out, /record 3 {2}Gillard 2016: .* — DOI 10\.1111\/INM\.12210 is already in record 1 of the file/);
    assert.equal(read('gillard-2016').attributes['citation-key'], 'rayyan-352342119');
    assert.deepEqual(read('te-whariki-nd').attributes.author, [{ family: 'Te Whāriki', given: 'Aroha' }, { family: "O'Connor", given: 'Séamus' }]);
  });

  it('skips what the review already has (DOI, citation key), then Zotero BibTeX: LaTeX accents, a corporate author', async () => {
    await runCli('add-studies', path.join(EXPORTS, 'rayyan.bib'), review);
    const run = await runCli('add-studies', path.join(EXPORTS, 'zotero.bib'), review);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(studies(), ['gillard-2016.md', 'mental-health-commission-of-canada-2013.md', 'sorensen-2019.md', 'te-whariki-nd.md']);
    assert.match(run.out, /record 1 {2}Gillard 2016: .* — DOI 10\.1111\/inm\.12210 is already in studies\/gillard-2016\.md/);
    assert.deepEqual(read('sorensen-2019').attributes.author, [{ family: 'Sørensen', given: 'Kirsten' }, { family: 'Jörgensen', given: 'Lars' }, { family: 'Lindström', given: 'Ebba' }]);
    const again = await runCli('add-studies', path.join(EXPORTS, 'zotero.bib'), review);
    assert.match(again.out, /^Created 0 studies .*\nSkipped 3:\n/);
  });

  it('gives a new study a unique id and leaves every existing file byte-identical', async () => {
    cpSync(DEMO, review, { recursive: true });
    const before = new Map(readdirSync(path.join(review, 'studies')).map((name) => [name, readFileSync(path.join(review, 'studies', name))]));
    writeFileSync(path.join(review, 'refs.ris'), 'TY  - JOUR\nAU  - Abernethy, Carol\nTI  - A second study by Abernethy\nPY  - 2004\nER  - \n');
    const run = await runCli('add-studies', path.join(review, 'refs.ris'), review);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /studies\/abernethy-2004-2\.md/);
    for (const [name, bytes] of before) assert.ok(readFileSync(path.join(review, 'studies', name)).equals(bytes), `${name} unchanged`);
    const check = await runCli('check', review);
    assert.equal(check.code, 0, check.out);
  });

  it('refuses what is not a reference export, with exit code 2; --dry-run writes nothing', async () => {
    writeFileSync(path.join(review, 'notes.txt'), 'Just some notes.\n');
    const bad = await runCli('add-studies', path.join(review, 'notes.txt'), review);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /is not RIS, BibTeX or CSL-JSON/);
    const missing = await runCli('add-studies', path.join(review, 'nope.ris'), review);
    assert.equal(missing.code, 2);
    const dry = await runCli('add-studies', path.join(EXPORTS, 'zotero.ris'), review, '--dry-run');
    assert.match(dry.out, /^Would create 4 studies/);
    assert.throws(() => readdirSync(path.join(review, 'studies')));
  });
});
