import { strict as assert } from 'node:assert';
import { codingMatrix, matrixCellSegments, type CodingMatrix, type MatrixSpec } from '../../../src/core/analysis';
import { parseFilter } from '../../../src/core/filter';
import { fixtureIndex } from './fixture';

/** The matrix as rows of `label: cells | total`, then the column totals. */
function table(matrix: CodingMatrix): string[] {
  return [
    `| ${matrix.columns.map((column) => `${column.label}${column.studies === undefined ? '' : ` (${column.studies})`}`).join(' | ')}`,
    ...matrix.rows.map((row, number) => `${row.label}: ${matrix.cells[number].join(' ')} | ${matrix.rowTotals[number]}`),
    `total: ${matrix.columnTotals.join(' ')} | ${matrix.total}`,
  ];
}

const byPerspective = (measure: MatrixSpec['measure']): MatrixSpec => ({ rows: 'themes', columns: { kind: 'attribute', attribute: 'perspective' }, measure });

describe('matrix coding', () => {
  const index = fixtureIndex();

  it('counts segments per theme and perspective: a list attribute counts in each of its groups', () => {
    // Roles (pay, boundary, friend): a has 4 segments (the quote block carries pay), b 2.
    // Recovery (hope, stigma): a 2, b 1 (one segment with both codes counts once), c 2.
    assert.deepEqual(table(codingMatrix(index, byPerspective('segments'))), [
      '| recipients (2) | workers (2) | (not given) (1)',
      'Roles: 2 6 0 | 6',
      'Recovery: 3 3 0 | 5',
      'total: 5 8 0 | 10',
    ]);
  });

  it('counts studies', () => {
    assert.deepEqual(table(codingMatrix(index, byPerspective('studies'))), ['| recipients (2) | workers (2) | (not given) (1)', 'Roles: 1 2 0 | 2', 'Recovery: 2 2 0 | 3', 'total: 2 2 0 | 3']);
  });

  it('sums participants, reading the leading number, and counts the studies that give none', () => {
    const matrix = codingMatrix(index, byPerspective('participants'));
    assert.deepEqual(table(matrix), ['| recipients (2) | workers (2) | (not given) (1)', 'Roles: 8 18 0 | 18', 'Recovery: 8 18 0 | 18', 'total: 8 18 0 | 18']);
    assert.equal(matrix.withoutParticipants, 1);
  });

  it('groups attribute values case-insensitively, labelled by their first spelling', () => {
    const matrix = codingMatrix(index, { rows: 'themes', columns: { kind: 'attribute', attribute: 'Country' }, measure: 'studies' });
    assert.deepEqual(table(matrix), ['| UK (2) | USA (1) | (not given) (1)', 'Roles: 1 1 0 | 2', 'Recovery: 2 1 0 | 3', 'total: 2 1 0 | 3']);
  });

  it('groups numbers in ranges', () => {
    const matrix = codingMatrix(index, { rows: 'themes', columns: { kind: 'attribute', attribute: 'year', binWidth: 10 }, measure: 'studies' });
    assert.deepEqual(table(matrix), ['| 2000–2009 (1) | 2010–2019 (2) | 2020–2029 (1)', 'Roles: 1 1 0 | 2', 'Recovery: 1 2 0 | 3', 'total: 1 2 0 | 3']);
  });

  it('takes themes at a level, each with its sub-themes’ codes, and studies as columns', () => {
    const matrix = codingMatrix(index, { rows: 'themes', level: 2, columns: { kind: 'studies' }, measure: 'segments' });
    assert.deepEqual(table(matrix), ['| a (1) | b (1) | c (1) | d (1)', 'Boundaries: 2 1 0 0 | 3', 'total: 2 1 0 0 | 3']);
    assert.deepEqual(matrix.rows[0].codes, ['boundary', 'friend']);
  });

  it('crosses codes with codes in coded passages (the segment unit)', () => {
    const matrix = codingMatrix(index, { rows: 'codes', columns: { kind: 'codes' }, measure: 'segments' });
    assert.deepEqual(table(matrix), [
      '| pay | boundary | friend | hope | stigma | emerging',
      'pay: 3 0 0 1 0 0 | 3',
      'boundary: 0 1 1 0 0 0 | 1',
      'friend: 0 1 2 0 0 0 | 2',
      'hope: 1 0 0 3 1 1 | 3',
      'stigma: 0 0 0 1 2 0 | 2',
      'emerging: 0 0 0 1 0 1 | 1',
      'total: 3 1 2 3 2 1 | 8',
    ]);
  });

  it('applies the filter: only the groups of the kept studies remain', () => {
    const matrix = codingMatrix(index, { ...byPerspective('segments'), filter: parseFilter('perspective=recipients') });
    assert.deepEqual(table(matrix), ['| recipients (2) | workers (1)', 'Roles: 2 2 | 2', 'Recovery: 3 1 | 3', 'total: 5 3 | 5']);
    assert.deepEqual([matrix.studies, matrix.studiesInReview], [2, 4]);
  });

  it('finds the segments behind a cell', () => {
    const texts = (spec: MatrixSpec, row: number, column: number): string[] => matrixCellSegments(index, spec, row, column).map((segment) => `${segment.path.slice(8)}:${segment.text}`);
    assert.deepEqual(texts(byPerspective('segments'), 0, 1), ['a.md:Paid little', 'a.md:a friend who crossed', 'a.md:who crossed', 'a.md:I felt hope.', 'b.md:Pay', 'b.md:Being a friend']);
    assert.deepEqual(texts({ rows: 'codes', columns: { kind: 'codes' }, measure: 'segments' }, 0, 3), ['a.md:I felt hope.']);
    // hope × emerging: the passage of c's block, whose bare tag covers both spans.
    assert.deepEqual(texts({ rows: 'codes', columns: { kind: 'codes' }, measure: 'segments' }, 3, 5), ['c.md:Hope and more hope.', 'c.md:Hope', 'c.md:more hope']);
  });
});
