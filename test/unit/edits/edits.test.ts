import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { addDefinitionEdits, moveCodeEdits, moveThemeEdits } from '../../../src/core/edits/codebookEdits';
import { removeTagEdits, tagAt } from '../../../src/core/edits/removeCode';
import { renameCodeEdits, RenameError } from '../../../src/core/edits/renameCode';
import { applyEdits, editsByPath, type TextEdit } from '../../../src/core/edits/textEdit';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';

const CODEBOOK = '# Workers\nAbout workers.\n\n## Pay\n- #low-pay: Pay below colleagues.\n- #hours: Few hours.\n\n# Recipients\n- #hope: Hope.\n';

function review(files: Record<string, string>, codebook = CODEBOOK): { index: ReviewIndex; texts: Map<string, string> } {
  const index = new ReviewIndex();
  index.setCodebook(parseCodebook('codebook.md', codebook));
  for (const [path, text] of Object.entries(files)) index.setStudy(parseStudy(path, text));
  return { index, texts: new Map([...Object.entries(files), ['codebook.md', codebook]]) };
}

/** Applies edits to every file and returns the new texts. */
function applyAll(texts: Map<string, string>, edits: TextEdit[]): Map<string, string> {
  const result = new Map(texts);
  for (const [path, fileEdits] of editsByPath(edits)) result.set(path, applyEdits(texts.get(path)!, fileEdits));
  return result;
}

describe('rename code', () => {
  const A = '---\nid: a\n---\r\n\r\n> "Paid less." #low-pay\r\n\r\n[pay]{#low-pay #hope} and #low-pay-extra and `#low-pay`.\r\n';
  const B = '\uFEFFWe saw [less pay]{#low-pay coder="jb"}.\n';
  it('renames every tag and the definition, and nothing else (whole files)', () => {
    const { index, texts } = review({ 'studies/a.md': A, 'studies/b.md': B });
    const after = applyAll(texts, renameCodeEdits(index, texts, 'low-pay', 'pay/low'));
    assert.equal(after.get('studies/a.md'), A.replace('#low-pay\r', '#pay/low\r').replace('{#low-pay #hope}', '{#pay/low #hope}'));
    assert.equal(after.get('studies/b.md'), B.replace('#low-pay coder', '#pay/low coder'));
    assert.equal(after.get('codebook.md'), CODEBOOK.replace('#low-pay:', '#pay/low:'));
  });
  it('merges into an existing code, dropping duplicates in one span', () => {
    const { index, texts } = review({ 'studies/a.md': '[x]{#low-pay #hours} and [y]{#low-pay}\n' });
    const after = applyAll(texts, renameCodeEdits(index, texts, 'low-pay', 'hours'));
    assert.equal(after.get('studies/a.md'), '[x]{#hours} and [y]{#hours}\n');
    assert.equal(after.get('codebook.md'), CODEBOOK.replace('- #low-pay: Pay below colleagues.\n', ''));
  });
  it('refuses an invalid new name', () => {
    const { index, texts } = review({});
    assert.throws(() => renameCodeEdits(index, texts, 'hope', '1bad'), RenameError);
  });
  it('does nothing when the name is unchanged', () => {
    const { index, texts } = review({ 'studies/a.md': '#hope' });
    assert.deepEqual(renameCodeEdits(index, texts, 'hope', 'hope'), []);
  });
});

describe('remove code at cursor', () => {
  const edit = (text: string, offset: number): string => {
    const study = parseStudy('s.md', text);
    return applyEdits(text, removeTagEdits(study, text, tagAt(study, offset)!));
  };
  it('unwraps a span whose last code is removed, keeping the passage', () => {
    assert.equal(edit('A [passage]{#hope} here.\n', 14), 'A passage here.\n');
  });
  it('removes one code of several', () => {
    assert.equal(edit('[p]{#a #b}\n', 5), '[p]{#b}\n');
  });
  it('removes a tag line under a quote whole', () => {
    assert.equal(edit('> "Quote."\r\n> #hope\r\nNext\r\n', 14), '> "Quote."\r\nNext\r\n');
  });
  it('removes a block tag and its space', () => {
    assert.equal(edit('Paragraph text #hope\n', 17), 'Paragraph text\n');
  });
});

describe('codebook edits', () => {
  const codebook = parseCodebook('codebook.md', CODEBOOK);
  it('adds a definition after the theme\'s own definitions', () => {
    const after = applyEdits(CODEBOOK, addDefinitionEdits(codebook, CODEBOOK, ['Workers', 'Pay'], 'overtime', 'Unpaid hours.'));
    assert.equal(after, CODEBOOK.replace('- #hours: Few hours.\n', '- #hours: Few hours.\n- #overtime: Unpaid hours.\n'));
  });
  it('adds a first definition under a description with a blank line between', () => {
    const after = applyEdits(CODEBOOK, addDefinitionEdits(codebook, CODEBOOK, ['Workers'], 'identity'));
    assert.equal(after, CODEBOOK.replace('About workers.\n', 'About workers.\n\n- #identity:\n'));
  });
  it('adds an uncategorised definition at the end under a new heading', () => {
    const after = applyEdits(CODEBOOK, addDefinitionEdits(codebook, CODEBOOK, [], 'misc'));
    assert.equal(after, `${CODEBOOK}\n# Uncategorised\n- #misc:\n`);
  });
  it('moves a code to another theme, keeping its line verbatim', () => {
    const after = applyEdits(CODEBOOK, moveCodeEdits(codebook, CODEBOOK, 'hours', ['Workers', 'Pay'], ['Recipients']));
    assert.equal(after, '# Workers\nAbout workers.\n\n## Pay\n- #low-pay: Pay below colleagues.\n\n# Recipients\n- #hope: Hope.\n- #hours: Few hours.\n');
    assert.deepEqual(parseCodebook('codebook.md', after).definitions.find((d) => d.code === 'hours')!.themePath, ['Recipients']);
  });
  it('moves a theme under another, re-levelling its headings', () => {
    const after = applyEdits(CODEBOOK, moveThemeEdits(codebook, CODEBOOK, ['Recipients'], ['Workers', 'Pay']));
    assert.equal(after, '# Workers\nAbout workers.\n\n## Pay\n- #low-pay: Pay below colleagues.\n- #hours: Few hours.\n\n### Recipients\n- #hope: Hope.\n');
  });
  it('refuses to move a theme under its own sub-theme', () => {
    assert.throws(() => moveThemeEdits(codebook, CODEBOOK, ['Workers'], ['Workers', 'Pay']), /under itself/);
  });
});
