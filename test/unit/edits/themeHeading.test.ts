import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { CodebookEditError } from '../../../src/core/edits/codebookEdits';
import { applyEdits } from '../../../src/core/edits/textEdit';
import { newThemeEdits } from '../../../src/core/edits/themeHeading';

const CODEBOOK = '---\ntitle: T\n---\n# Workers\nAbout workers.\n\n## Pay\n- #low-pay: Pay below colleagues.\n\n## Hours\n- #hours: Few hours.\n\n# Recipients\n- #hope: Hope.\n';

/** The codebook after adding a theme, checked to parse back with the new theme where asked. */
function add(text: string, title: string, parent: string[] = []): string {
  const after = applyEdits(text, newThemeEdits(parseCodebook('codebook.md', text), text, title, parent));
  const parsed = parseCodebook('codebook.md', after);
  const siblings = parent.length === 0 ? parsed.themes : parent.reduce((level, name) => level.find((theme) => theme.title === name)!.children, parsed.themes);
  assert.equal(siblings[siblings.length - 1].title, title.trim().replace(/\s+/g, ' '), 'the new theme is the last sibling');
  return after;
}

describe('new theme heading', () => {
  it('appends a top-level theme after a blank line, leaving the file otherwise unchanged', () => {
    assert.equal(add(CODEBOOK, 'Services'), `${CODEBOOK}\n# Services\n`);
  });

  it('adds a blank line and a newline when the file ends without one', () => {
    assert.equal(add('# A\n- #x: X.', 'B'), '# A\n- #x: X.\n\n# B\n');
  });

  it('starts an empty codebook with the heading alone', () => {
    assert.equal(add('', 'First'), '# First\n');
  });

  it('adds a sub-theme at the end of the parent section, after its last sub-theme, one level deeper', () => {
    const expected = CODEBOOK.replace('- #hours: Few hours.\n\n', '- #hours: Few hours.\n\n## Career\n\n');
    assert.equal(add(CODEBOOK, 'Career', ['Workers']), expected);
  });

  it('adds a sub-theme to the last theme of the file', () => {
    assert.equal(add(CODEBOOK, 'Hope and recovery', ['Recipients']), `${CODEBOOK}\n## Hope and recovery\n`);
  });

  it('adds a sub-sub-theme under a nested theme', () => {
    const expected = CODEBOOK.replace('- #low-pay: Pay below colleagues.\n\n', '- #low-pay: Pay below colleagues.\n\n### Stipends\n\n');
    assert.equal(add(CODEBOOK, 'Stipends', ['Workers', 'Pay']), expected);
  });

  it('keeps CRLF line endings', () => {
    const crlf = CODEBOOK.replace(/\n/g, '\r\n');
    assert.equal(add(crlf, 'Career', ['Workers']), crlf.replace('- #hours: Few hours.\r\n\r\n', '- #hours: Few hours.\r\n\r\n## Career\r\n\r\n'));
  });

  it('trims the title and folds inner whitespace', () => {
    assert.equal(add(CODEBOOK, '  Wider   services '), `${CODEBOOK}\n# Wider services\n`);
  });

  it('refuses an empty, multi-line or duplicate title, a memo path separator, an unknown parent and a seventh level', () => {
    const codebook = parseCodebook('codebook.md', CODEBOOK);
    assert.throws(() => newThemeEdits(codebook, CODEBOOK, '  '), CodebookEditError);
    assert.throws(() => newThemeEdits(codebook, CODEBOOK, 'A\nB'), /one line/);
    for (const title of ['Pay > hours', 'Pay › hours', 'Pay / hours']) assert.throws(() => newThemeEdits(codebook, CODEBOOK, title), /heading path/, title);
    assert.doesNotThrow(() => newThemeEdits(codebook, CODEBOOK, 'Pay/hours and 2>1'));
    assert.throws(() => newThemeEdits(codebook, CODEBOOK, 'Pay', ['Workers']), /already a theme "Pay" under Workers/);
    assert.throws(() => newThemeEdits(codebook, CODEBOOK, 'Workers'), /at the top level/);
    assert.throws(() => newThemeEdits(codebook, CODEBOOK, 'X', ['Nope']), /No theme Nope/);
    const deep = '# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\n';
    assert.throws(() => newThemeEdits(parseCodebook('codebook.md', deep), deep, 'Seven', ['1', '2', '3', '4', '5', '6']), /seventh/);
  });

  it('allows the same title under another parent', () => {
    const after = add(CODEBOOK, 'Pay', ['Recipients']);
    assert.equal(after, `${CODEBOOK}\n## Pay\n`);
  });
});
