import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { recordJudgementEdits, type RecordedJudgement } from '../../../src/core/edits/cerqualJudgement';
import { applyEdits } from '../../../src/core/edits/textEdit';

const JUDGEMENT: RecordedJudgement = {
  confidence: 'moderate',
  explanation: 'minor concerns about adequacy.',
  components: [
    { component: 'methodological-limitations', concern: 'minor', explanation: 'one of two studies did not report its analysis.' },
    { component: 'coherence', concern: 'no or very minor', explanation: 'no contrary data.' },
    { component: 'adequacy', concern: 'minor', explanation: 'two studies, four segments.' },
    { component: 'relevance', concern: 'no or very minor', explanation: 'both perspectives.' },
  ],
  basis: { studies: ['a-2001', 'b-2002'], segments: 4, fingerprint: '0123abcd' },
};

const BLOCK = [
  'CERQual: moderate — minor concerns about adequacy.',
  '',
  '- Methodological limitations: minor concerns — one of two studies did not report its analysis.',
  '- Coherence: no or very minor concerns — no contrary data.',
  '- Adequacy: minor concerns — two studies, four segments.',
  '- Relevance: no or very minor concerns — both perspectives.',
  '- Judged on: 2 studies (a-2001, b-2002); 4 segments (fingerprint 0123abcd).',
].join('\n');

function record(text: string, path: string[], judgement: RecordedJudgement = JUDGEMENT): string {
  return applyEdits(text, recordJudgementEdits(parseCodebook('codebook.md', text), text, path, judgement));
}

describe('recording a GRADE-CERQual judgement in the codebook', () => {
  it('replaces a one-paragraph judgement with the full one, the rest byte-identical', () => {
    const before = '# A\n\nAbout A.\n\nCERQual: high — old words\nover two lines.\n\n- #a: Code a.\n\n# B\n';
    assert.equal(record(before, ['A']), `# A\n\nAbout A.\n\n${BLOCK}\n\n- #a: Code a.\n\n# B\n`);
  });

  it('inserts a new judgement before the theme’s first code, set apart by blank lines', () => {
    assert.equal(record('# A\nAbout A.\n- #a: Code a.\n', ['A']), `# A\nAbout A.\n\n${BLOCK}\n\n- #a: Code a.\n`);
    assert.equal(record('# A\n\n## B\n\n- #b: x\n', ['A']), `# A\n\n${BLOCK}\n\n## B\n\n- #b: x\n`);
  });

  it('appends to a theme at the end of a file without a final line break', () => {
    assert.equal(record('# A\n\nAbout A.', ['A']), `# A\n\nAbout A.\n\n${BLOCK}\n`);
  });

  it('replaces a full judgement and its Finding: statement in place', () => {
    const before = `# A\n\nFinding: Old statement.\n\nCERQual: low — x\n\n- Coherence: serious concerns — y\n- Judged on: 1 study (a-2001); 1 segment (fingerprint ffffffff).\n\n- #a: Code a.\n`;
    const after = record(before, ['A'], { ...JUDGEMENT, statement: 'New statement.' });
    assert.equal(after, `# A\n\nFinding: New statement.\n\n${BLOCK}\n\n- #a: Code a.\n`);
  });

  it('writes a Finding: paragraph only when the statement differs from the current one', () => {
    const before = '# A\n\nAbout A. More.\n\n- #a: x\n';
    assert.equal(record(before, ['A'], { ...JUDGEMENT, statement: 'About A.' }), `# A\n\nAbout A. More.\n\n${BLOCK}\n\n- #a: x\n`);
    assert.equal(record(before, ['A'], { ...JUDGEMENT, statement: 'A says more.' }), `# A\n\nAbout A. More.\n\nFinding: A says more.\n\n${BLOCK}\n\n- #a: x\n`);
  });

  it('removes scattered old lines without leaving double blank lines or joining paragraphs', () => {
    const before = '# A\n\nCERQual: low — x\n\nAbout A.\n\n- Adequacy: serious — y\n\nMore about A.\n\n- #a: x\n- Relevance: minor — z\n- #b: y\n';
    assert.equal(record(before, ['A']), `# A\n\n${BLOCK}\n\nAbout A.\n\nMore about A.\n\n- #a: x\n- #b: y\n`);
  });

  it('keeps Windows line endings', () => {
    const before = '# A\r\n\r\nCERQual: high — x\r\n\r\n- #a: x\r\n';
    assert.equal(record(before, ['A']), `# A\r\n\r\n${BLOCK.replace(/\n/g, '\r\n')}\r\n\r\n- #a: x\r\n`);
  });

  it('writes what the parser reads back', () => {
    const theme = parseCodebook('codebook.md', record('# A\n\n## B\n\n- #b: x\n', ['A', 'B'], { ...JUDGEMENT, statement: 'B happens.' })).themes[0].children[0];
    assert.equal(theme.finding?.text, 'B happens.');
    assert.equal(theme.cerqual?.confidence, 'moderate');
    assert.deepEqual(theme.cerqual?.components.map((component) => [component.component, component.concern]), JUDGEMENT.components.map((component) => [component.component, component.concern]));
    assert.deepEqual(theme.cerqual?.basis && { ...theme.cerqual.basis, range: undefined }, { ...JUDGEMENT.basis, range: undefined });
    assert.deepEqual(theme.codes, ['b']);
  });

  it('refuses a theme that does not exist', () => {
    assert.throws(() => record('# A\n', ['Nope']), /no theme Nope/);
  });
});
