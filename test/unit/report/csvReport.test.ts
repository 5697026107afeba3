import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildReport } from '../../../src/core/report/buildReport';
import { DEMO, FIXTURES, load } from './reportFixtures';

const MINI = path.join(FIXTURES, 'mini');

/** Parses a CSV file into rows of strings (header first). */
function rows(text: string | undefined): string[][] {
  assert.ok(text !== undefined);
  return parse(text, { relax_column_count: false }) as string[][];
}

describe('report CSV files', () => {
  it('writes study × code segment counts', async () => {
    const { csv } = buildReport(await load(MINI), { formats: ['csv'] });
    const table = rows(csv!['study-code.csv']);
    assert.deepEqual(table[0], ['study_id', 'citation', 'prejudice', 'low-pay', 'hope', 'unused-code', 'mystery']);
    assert.deepEqual(table.slice(1), [
      ['jones-2010', 'Jones & Brown 2010', '0', '1', '2', '0', '2'],
      ['lee-1999', 'Lee et al. 1999', '0', '0', '3', '0', '0'],
      ['smith-2005a', 'Smith 2005a', '2', '2', '0', '0', '0'],
      ['smith-2005b', 'Smith 2005b', '1', '0', '1', '0', '0'],
    ]);
  });

  it('writes study × top-level theme as 0/1', async () => {
    const { csv } = buildReport(await load(MINI), { formats: ['csv'] });
    assert.deepEqual(rows(csv!['study-theme.csv']), [
      ['study_id', 'citation', 'Working as a peer', 'Receiving support'],
      ['jones-2010', 'Jones & Brown 2010', '1', '1'],
      ['lee-1999', 'Lee et al. 1999', '0', '1'],
      ['smith-2005a', 'Smith 2005a', '1', '1'],
      ['smith-2005b', 'Smith 2005b', '1', '1'],
    ]);
  });

  it('writes one segments row per segment and code, with theme paths, order, file, line and text', async () => {
    const { csv } = buildReport(await load(MINI), { formats: ['csv'] });
    const table = rows(csv!['segments.csv']);
    assert.deepEqual(table[0], ['study_id', 'citation', 'code', 'themes', 'order', 'file', 'line', 'text', 'coder', 'memo']);
    assert.equal(table.length, 1 + 14);
    assert.deepEqual(table[1], ['jones-2010', 'Jones & Brown 2010', 'hope', 'Receiving support › Hope', 'first', 'studies/jones-2010.md', '13', '"She showed me there is a way back." (recipient)', '', '']);
    const lowPay = table.find((row) => row[2] === 'low-pay' && row[0] === 'jones-2010');
    assert.equal(lowPay?.[3], 'Working as a peer › Pay; Receiving support › Hope');
    assert.equal(table.filter((row) => row[2] === 'mystery').length, 2);
    assert.equal(table.find((row) => row[2] === 'mystery')?.[3], '');
  });

  it('parses back for the demo review with one row per study and one column per code', async () => {
    const review = await load(DEMO);
    const { csv, model } = buildReport(review, { formats: ['csv'] });
    const codes = review.index.codes().length;
    const studies = review.index.studies().length;
    const studyCode = rows(csv!['study-code.csv']);
    assert.equal(studyCode.length, studies + 1);
    assert.ok(studyCode.every((row) => row.length === codes + 2));
    const studyTheme = rows(csv!['study-theme.csv']);
    assert.equal(studyTheme.length, studies + 1);
    assert.ok(studyTheme.every((row) => row.length === review.index.themes().length + 2));
    assert.ok(studyTheme.slice(1).every((row) => row.slice(2).every((cell) => cell === '0' || cell === '1')));
    const segments = rows(csv!['segments.csv']);
    const expected = review.index.segments().reduce((sum, segment) => sum + segment.codes.length, 0);
    assert.equal(segments.length, expected + 1);
    assert.ok(segments.every((row) => row.length === 10));
    // Every span memo of the demo reaches the CSV, next to its passage.
    const memos = review.index.segments().filter((segment) => segment.attributes.memo).length;
    assert.ok(memos >= 8, `${memos} memos`);
    assert.equal(new Set(segments.slice(1).filter((row) => row[9] !== '').map((row) => `${row[5]}:${row[6]}`)).size, memos);
    // The counts in study-code.csv add up to the rows of segments.csv.
    const total = studyCode.slice(1).reduce((sum, row) => sum + row.slice(2).reduce((s, cell) => s + Number(cell), 0), 0);
    assert.equal(total, expected);
    assert.equal(model.segments.length, expected);
  });

  it('quotes commas, quotes and line breaks so fields survive the round trip', async () => {
    const { csv } = buildReport(await load(DEMO), { formats: ['csv'] });
    const text = csv!['segments.csv'];
    assert.match(text, /""/, 'the demo has quoted speech, doubled inside quoted fields');
    const parsed = rows(text);
    assert.ok(parsed.slice(1).some((row) => row[7].startsWith('"')));
    assert.ok(!text.includes('\r'));
  });
});
