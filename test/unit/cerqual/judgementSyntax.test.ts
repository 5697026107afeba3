import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { findStatedCounts, numberValue } from '../../../src/core/cerqual/statedCounts';
import type { TextSpan } from '../../../src/core/model';

const CODEBOOK = `# Workers

## Prejudice

Peer workers were treated as patients. Also as visitors.

Finding: Nonpeer staff often treated peer workers as patients rather than colleagues,
most visibly by keeping them out of meetings and records.

CERQual: moderate confidence — minor concerns about adequacy and
relevance; six studies from three countries.

- Methodological limitations: minor concerns — two of six studies did not consider the researcher's role.
- Coherence: no or very minor concerns — no contrary data.
- Adequacy: moderate concerns — 18 segments from six studies, 118 participants.
- Relevance: serious — only ten recipient studies.
- Judged on: 2 studies (okafor-2009, garvey-2009); 18 segments (fingerprint 0a1b2c3d).
- #staff-prejudice: Staff doubt competence.

Contrary: #supportive-colleagues and #peer-network

## Pay

Pay was low. More text.

CERQual: low — thin.
`;

const slice = (span: TextSpan): string => CODEBOOK.slice(span.start, span.end);

describe('GRADE-CERQual lines in the codebook', () => {
  const codebook = parseCodebook('codebook.md', CODEBOOK);
  const [prejudice, pay] = codebook.themes[0].children;
  const judgement = prejudice.cerqual!;

  it('reads the finding statement from a Finding: paragraph, lines joined', () => {
    assert.deepEqual([prejudice.finding?.text, prejudice.finding?.source], ['Nonpeer staff often treated peer workers as patients rather than colleagues, most visibly by keeping them out of meetings and records.', 'paragraph']);
    assert.ok(slice(prejudice.finding!.range!).startsWith('Finding:'));
  });

  it('else takes the first sentence of the description as the statement', () => {
    assert.deepEqual([pay.finding?.text, pay.finding?.source], ['Pay was low.', 'description']);
  });

  it('keeps CERQual lines out of the description', () => {
    assert.equal(prejudice.description, 'Peer workers were treated as patients. Also as visitors.');
  });

  it('reads the overall confidence and its explanation over several lines', () => {
    assert.equal(judgement.confidence, 'moderate');
    assert.equal(judgement.explanation, 'minor concerns about adequacy and relevance; six studies from three countries.');
  });

  it('reads the four components with their concerns and explanations', () => {
    assert.deepEqual(
      judgement.components.map((component) => [component.component, component.concern, component.explanation]),
      [
        ['methodological-limitations', 'minor', "two of six studies did not consider the researcher's role."],
        ['coherence', 'no or very minor', 'no contrary data.'],
        ['adequacy', 'moderate', '18 segments from six studies, 118 participants.'],
        ['relevance', 'serious', 'only ten recipient studies.'],
      ],
    );
  });

  it('reads the basis the judgement was recorded on', () => {
    assert.deepEqual([judgement.basis?.studies, judgement.basis?.segments, judgement.basis?.fingerprint], [['garvey-2009', 'okafor-2009'], 18, '0a1b2c3d']);
  });

  it('finds the counts each explanation states, located in the file', () => {
    assert.deepEqual(judgement.statedCounts.map((count) => [count.value, count.noun, slice(count.range)]), [
      [6, 'studies', 'six studies'],
      [3, 'countries', 'three countries'],
    ]);
    const adequacy = judgement.components[2].statedCounts.map((count) => [count.value, count.noun, count.qualifier]);
    assert.deepEqual(adequacy, [[18, 'segments', ''], [6, 'studies', ''], [118, 'participants', '']]);
    assert.deepEqual(judgement.components[3].statedCounts.map((count) => [count.value, count.qualifier]), [[10, 'recipient']]);
    assert.deepEqual(judgement.components[0].statedCounts.map((count) => count.text), ['six studies']);
  });

  it('lists every block of the judgement, whole lines, for re-recording', () => {
    assert.deepEqual(judgement.blocks.map((block) => slice(block).split(':')[0]), ['CERQual', '- Methodological limitations', '- Coherence', '- Adequacy', '- Relevance', '- Judged on']);
  });

  it('reads contrary codes with their locations', () => {
    assert.deepEqual(prejudice.contrary.map((tag) => [tag.code, slice(tag.range)]), [['supportive-colleagues', '#supportive-colleagues'], ['peer-network', '#peer-network']]);
  });

  it('still files code definitions among the component items', () => assert.deepEqual(prejudice.codes, ['staff-prejudice']));

  it('has no problems on valid lines', () => assert.deepEqual(codebook.problems, []));

  it('makes no finding of a theme without a Finding: paragraph or judgement', () => {
    assert.equal(codebook.themes[0].finding, undefined);
    assert.equal(codebook.themes[0].cerqual, undefined);
  });

  it('reports unknown levels as errors located at the level written', () => {
    const text = '# T\n\nCERQual: medium — fine.\n\n- Coherence: some concerns — mixed.\n- Adequacy: — nothing said.\n';
    const parsed = parseCodebook('codebook.md', text);
    assert.deepEqual(
      parsed.problems.map((problem) => [problem.severity, text.slice(problem.range.start, problem.range.end), problem.message.split(':')[0]]),
      [
        ['error', 'medium', '`medium` is not a GRADE-CERQual confidence'],
        ['error', 'some concerns', '`some concerns` is not a GRADE-CERQual coherence concern'],
        ['error', '- Adequacy: — nothing said.'.slice(2), 'No GRADE-CERQual adequacy concern given'],
      ],
    );
    assert.deepEqual(parsed.themes[0].cerqual?.components.map((component) => component.concern), [undefined, undefined]);
  });

  it('warns about a repeated line and an unreadable basis', () => {
    const text = '# T\n\nCERQual: high — a.\n\nCERQual: low — b.\n\n- Judged on: some studies\n';
    const parsed = parseCodebook('codebook.md', text);
    assert.deepEqual(parsed.problems.map((problem) => [problem.severity, problem.range.startPosition.line]), [['warning', 4], ['warning', 6]]);
    assert.match(parsed.problems[0].message, /already has a `CERQual:` paragraph \(line 3\)/);
    assert.equal(parsed.themes[0].cerqual?.confidence, 'high');
  });

  it('accepts level spellings: case, "concern(s)", "confidence", none / no / very minor', () => {
    const parsed = parseCodebook('codebook.md', '# T\nCERQual: Very low confidence: x\n\n- Coherence: None — a\n- Adequacy: Very minor concern. b\n- Relevance: no concerns\n');
    const judgement = parsed.themes[0].cerqual!;
    assert.equal(judgement.confidence, 'very low');
    assert.deepEqual(judgement.components.map((component) => [component.concern, component.explanation]), [['no or very minor', 'a'], ['no or very minor', 'b'], ['no or very minor', '']]);
    assert.deepEqual(parsed.problems, []);
  });
});

describe('stated counts', () => {
  const counts = (text: string) => findStatedCounts(text, 0, text.length, (start, end) => ({ start, end }) as TextSpan).map((count) => `${count.value} ${count.qualifier ? `${count.qualifier} ` : ''}${count.noun}`);
  it('reads numbers in digits and words', () => {
    assert.deepEqual([numberValue('14'), numberValue('Twelve'), numberValue('twenty-one'), numberValue('forty'), numberValue('many')], [14, 12, 21, 40, undefined]);
  });
  it('takes "k of n studies" as n studies, and stops at punctuation and stop words', () => {
    assert.deepEqual(counts('two of six studies; three, mostly small, studies; one study in 4 countries'), ['6 studies', '1 studies', '4 countries']);
  });
  it('keeps up to three qualifier words', () => {
    assert.deepEqual(counts('ten recipient studies and 12 peer support worker studies and 3 very small rural studies'), ['10 recipient studies', '12 peer support worker studies', '3 very small rural studies']);
  });
  it('normalises nouns (passages are segments, quotations quotes)', () => {
    assert.deepEqual(counts('9 passages, 5 quotations, 40 participants, two settings'), ['9 segments', '5 quotes', '40 participants', '2 settings']);
  });
});
