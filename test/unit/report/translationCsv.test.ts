import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildReport } from '../../../src/core/report/buildReport';
import { CSV_FILES, csvFiles } from '../../../src/core/report/csvReport';
import { runCli } from '../runCli';
import { FIXTURES, load, rewrittenCopy } from './reportFixtures';

const META = path.join(FIXTURES, 'meta-ethnography');

/** A rendered CSV file's records, header first. */
function records(text: string | undefined): string[][] {
  assert.ok(text !== undefined, 'the file is rendered');
  return parse(text) as string[][];
}

describe('report CSV: meta-ethnography translation and relations', () => {
  const copies: string[] = [];
  after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A copy of the fixture with extra files written into it. */
  function copyWith(files: Record<string, string>): string {
    const copy = rewrittenCopy(META, { crlf: false });
    copies.push(copy);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(copy, name), text);
    return copy;
  }

  it('writes translation.csv of the fixture, whole: every concept × study cell, terms in full with file and lines', async () => {
    const { csv } = buildReport(await load(META), { formats: ['csv'] });
    assert.equal(csv!['translation.csv'], TRANSLATION_CSV);
  });

  it('writes relations.csv of the fixture, whole: codebook lines, then memos, each with file:line', async () => {
    const { csv } = buildReport(await load(META), { formats: ['csv'] });
    assert.equal(csv!['relations.csv'], RELATIONS_CSV);
  });

  it('writes the translation files after every report’s, for meta-ethnography only', async () => {
    const review = await load(META);
    const meta = buildReport(review, { formats: ['csv'] });
    assert.deepEqual(Object.keys(meta.files), [...CSV_FILES, 'translation.csv', 'relations.csv']);
    assert.deepEqual(csvFiles(meta.model), Object.keys(meta.files));
    for (const method of ['thematic-synthesis', 'framework', undefined]) {
      const other = buildReport({ index: review.index, config: { ...review.config, method } }, { formats: ['csv'] });
      assert.deepEqual(Object.keys(other.files), [...CSV_FILES], `method ${method}`);
      assert.deepEqual(csvFiles(other.model), [...CSV_FILES]);
      // The files every report writes are the same whatever the method.
      for (const name of CSV_FILES) assert.equal(other.files[name], meta.files[name], name);
    }
  });

  it('adds a line-of-argument memo’s concepts as rows, first concept to each other, among the memos by path', async () => {
    const line = ['---', 'title: Worth, doubted and restored', 'relation: line-of-argument', 'about:', '  themes: [Hope from a peer, Being written off, Pay as worth, Hope from a peer]', '---', 'One line of argument.', ''].join('\n');
    const { csv, markdown } = buildReport(await load(copyWith({ 'memos/a-line.md': line })), { formats: ['csv', 'md'] });
    assert.deepEqual(records(csv!['relations.csv']).slice(1), [
      ['Being written off', 'Pay as worth', 'reciprocal', 'codebook.md:8', "both read the service's view of peer workers' worth.", ''],
      ['Being written off', 'Hope from a peer', 'refutational', 'codebook.md:10', 'recipients see the recovery staff doubt.', ''],
      ['Hope from a peer', 'Being written off', 'line-of-argument', 'memos/a-line.md:3', '', 'Worth, doubted and restored'],
      ['Hope from a peer', 'Pay as worth', 'line-of-argument', 'memos/a-line.md:3', '', 'Worth, doubted and restored'],
      ['Pay as worth', 'Hope from a peer', 'reciprocal', 'memos/pay-and-hope.md:5', '', 'Pay and hope as one reading of worth'],
    ]);
    // The Markdown's relations table still relates no line-of-argument pair.
    assert.match(markdown!, /\n3 relations, 2 stated in the codebook and 1 by memo;/);
    assert.doesNotMatch(markdown!, /\| line-of-argument \|/);
  });

  it('keeps a passage that crosses lines whole, on one line, and quotes commas and quotes', async () => {
    const study = ['---', 'citation: "Ng P. Later voices. 2012."', 'authors: [Ng P]', 'year: 2012', '---', '', 'They spoke of [pay, "a token",', 'and of being  written off]{#prejudice #low-pay}.', ''].join('\n');
    const { csv } = buildReport(await load(copyWith({ 'studies/ng-2012.md': study })), { formats: ['csv'] });
    const rows = records(csv!['translation.csv']).filter((row) => row[2] === 'ng-2012');
    assert.deepEqual(rows, [
      ['Being written off', 'theme', 'ng-2012', 'Ng 2012', '1', 'pay, "a token", and of being written off', 'studies/ng-2012.md', '7'],
      ['Pay as worth', 'theme', 'ng-2012', 'Ng 2012', '1', 'pay, "a token", and of being written off', 'studies/ng-2012.md', '7'],
      ['Hope from a peer', 'theme', 'ng-2012', 'Ng 2012', '0', '', 'studies/ng-2012.md', ''],
    ]);
  });

  it('qualsynth report --format csv writes them beside the other CSV files, as built', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'qualsynth-translation-csv-'));
    copies.push(out);
    const result = await runCli('report', META, '--format', 'csv', '--out', out);
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(readdirSync(out).sort(), [...CSV_FILES, 'translation.csv', 'relations.csv'].sort());
    assert.match(result.out, /sensitivity\.csv\n +\S+translation\.csv\n +\S+relations\.csv\n$/);
    assert.equal(readFileSync(path.join(out, 'translation.csv'), 'utf8'), TRANSLATION_CSV);
    assert.equal(readFileSync(path.join(out, 'relations.csv'), 'utf8'), RELATIONS_CSV);
  });

  it('follows --filter, as the Markdown section does', async () => {
    const { csv } = buildReport(await load(META), { formats: ['csv'], filter: 'year>=2005' });
    const studies = records(csv!['translation.csv']).slice(1).map((row) => row[2]);
    assert.deepEqual([...new Set(studies)], ['smith-2005a', 'smith-2005b', 'jones-2010']);
  });
});

const TRANSLATION_CSV = `concept,concept_kind,study_id,citation,segments,terms,file,lines
Being written off,theme,lee-1999,Lee et al. 1999,0,,studies/lee-1999.md,
Being written off,theme,smith-2005a,Smith 2005a,2,"being left out of handover
""They still see me as a patient."" (peer worker)",studies/smith-2005a.md,24; 18
Being written off,theme,smith-2005b,Smith 2005b,1,a shared sense of being written off,studies/smith-2005b.md,21
Being written off,theme,jones-2010,Jones & Brown 2010,0,,studies/jones-2010.md,
Pay as worth,theme,lee-1999,Lee et al. 1999,0,,studies/lee-1999.md,
Pay as worth,theme,smith-2005a,Smith 2005a,2,"pay that did not cover rent
""I'm paid less than the cleaner."" (peer worker)",studies/smith-2005a.md,25; 21
Pay as worth,theme,smith-2005b,Smith 2005b,0,,studies/smith-2005b.md,
Pay as worth,theme,jones-2010,Jones & Brown 2010,1,were surprised the worker was paid so little,studies/jones-2010.md,20
Hope from a peer,theme,lee-1999,Lee et al. 1999,3,"""Someone who has been there."" (recipient)
""Another one who has been there."" (recipient)
""A third voice of hope."" (recipient)",studies/lee-1999.md,13; 16; 19
Hope from a peer,theme,smith-2005a,Smith 2005a,0,,studies/smith-2005a.md,
Hope from a peer,theme,smith-2005b,Smith 2005b,1,"""Seeing him well made me think I could be."" (recipient)",studies/smith-2005b.md,18
Hope from a peer,theme,jones-2010,Jones & Brown 2010,2,"linked hope to the worker's own story
""She showed me there is a way back."" (recipient)",studies/jones-2010.md,19; 13
`;

const RELATIONS_CSV = `concept_a,concept_b,relation,source,basis,memo_title
Being written off,Pay as worth,reciprocal,codebook.md:8,both read the service's view of peer workers' worth.,
Being written off,Hope from a peer,refutational,codebook.md:10,recipients see the recovery staff doubt.,
Pay as worth,Hope from a peer,reciprocal,memos/pay-and-hope.md:5,,Pay and hope as one reading of worth
`;
