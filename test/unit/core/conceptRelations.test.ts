import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { conceptRelations, conceptsOf } from '../../../src/core/metaEthnography/concepts';

const CODEBOOK = [
  '# Being seen as a patient', '', 'Kind: concept', '',
  'Reciprocal: Being written off — both describe colleagues who see the diagnosis first.', '',
  'Refutes: Working as an equal', '',
  '- #staff-prejudice: Staff treat peer workers as patients.', '',
  '## Being written off', '', 'Kind: concept', '', '- #written-off: Recovery doubted.', '',
  '# Recipients', '',
  'Reciprocal: Working as an equal; Being seen as a patient -- shared by two studies.', '',
  '## Working as an equal', '', 'Kind: concept', '', '- #equal: Treated as a colleague.', '',
].join('\n');

/** The problems of a codebook as `line: message` (1-based lines), for whole-list comparisons. */
function problems(text: string): string[] {
  return parseCodebook('codebook.md', text).problems.map((problem) => `${problem.range.startPosition.line + 1}:${problem.range.startPosition.column} ${problem.kind} ${problem.message}`);
}

describe('meta-ethnography: concepts and relation lines', () => {
  it('reads the themes marked `Kind: concept` as the concepts, each with its and its sub-themes’ codes', () => {
    const concepts = conceptsOf(parseCodebook('codebook.md', CODEBOOK));
    assert.deepEqual(concepts.map((concept) => [concept.key, concept.codes]), [
      ['Being seen as a patient', ['staff-prejudice', 'written-off']],
      ['Being seen as a patient › Being written off', ['written-off']],
      ['Recipients › Working as an equal', ['equal']],
    ]);
  });

  it('takes every code as a concept when no theme is marked `Kind: concept`', () => {
    const concepts = conceptsOf(parseCodebook('codebook.md', '# A\n\n- #one: One.\n- #two: Two.\n\n# B\n\n- #one: Again.\n'));
    assert.deepEqual(concepts.map((concept) => [concept.key, concept.source, concept.codes]), [['#one', 'code', ['one']], ['#two', 'code', ['two']]]);
  });

  it('resolves the relation lines: from the concept theme, or from the first concept named; the basis after the dash', () => {
    const codebook = parseCodebook('codebook.md', CODEBOOK);
    assert.deepEqual(problems(CODEBOOK), []);
    const { relations } = conceptRelations(codebook);
    assert.deepEqual(relations.map((relation) => [relation.from.label, relation.kind, relation.to.label, relation.basis, relation.range.startPosition.line + 1]), [
      ['Being seen as a patient', 'reciprocal', 'Being written off', 'both describe colleagues who see the diagnosis first.', 5],
      ['Being seen as a patient', 'refutational', 'Working as an equal', '', 7],
      ['Working as an equal', 'reciprocal', 'Being seen as a patient', 'shared by two studies.', 19],
    ]);
    // Relation lines are not description paragraphs.
    assert.equal(codebook.themes[0].description, '');
  });

  it('names codes as `#code` when the codes are the concepts', () => {
    const text = '# A\n\nReciprocal: #one; #two — the same words.\n\n- #one: One.\n- #two: Two.\n';
    const { relations, problems: found } = conceptRelations(parseCodebook('codebook.md', text));
    assert.deepEqual(found, []);
    assert.deepEqual(relations.map((relation) => `${relation.from.key} ${relation.kind} ${relation.to.key}`), ['#one reciprocal #two']);
  });

  it('reports unknown, ambiguous, missing and self targets where they are written', () => {
    const text = [
      '# Patient', '', 'Kind: concept', '', 'Reciprocal: Patiently; #staff-prejudice — typo and a code', '', 'Refutes: Patient', '', 'Refutes:', '',
      '# Other', '', 'Reciprocal: Patient', '',
      '# X', '', '## Same', '', 'Kind: concept', '', '# Y', '', '## Same', '', 'Kind: concept', '',
      '# Z', '', 'Kind: concept', '', 'Reciprocal: Same', '',
    ].join('\n');
    assert.deepEqual(problems(text), [
      '5:12 concept-relation “Patiently” is not a concept of the codebook: name a theme marked `Kind: concept` by its title or heading path (Patient; Same; Same; Z).',
      '5:23 concept-relation `#staff-prejudice` is not a concept of the codebook: name a theme marked `Kind: concept` by its title or heading path (Patient; Same; Same; Z).',
      '7:0 concept-relation This `Refutes:` line relates “Patient” to itself: name another concept.',
      '9:0 concept-relation This `Refutes:` line names no concept: write `Refutes: <concept> — basis`, the concept by its theme title or as `#code`.',
      '13:0 concept-relation This `Reciprocal:` line relates “Other”, which is not a concept, to one concept: mark the theme `Kind: concept`, or name both concepts (`Reciprocal: #a; #b — basis`).',
      '31:12 concept-relation “Same” names 2 concepts (X › Same; Y › Same): write its heading path, e.g. `X > Same`.',
    ]);
    assert.deepEqual(conceptRelations(parseCodebook('codebook.md', text.replace('Reciprocal: Same', 'Reciprocal: Y > Same'))).problems.filter((problem) => problem.range.startPosition.line === 30), []);
  });
});
