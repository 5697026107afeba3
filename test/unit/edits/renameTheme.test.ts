import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { RenameError } from '../../../src/core/edits/renameCode';
import { renameThemeEdits, themeRenameProblem } from '../../../src/core/edits/renameTheme';
import { applyEdits, editsByPath } from '../../../src/core/edits/textEdit';
import { parseMemo } from '../../../src/core/memo/memo';
import { themeEntries } from '../../../src/core/memo/memoThemeEntries';
import { ReviewIndex } from '../../../src/core/reviewIndex';

const CODEBOOK = [
  '---',
  'title: T',
  '---',
  '# Working as a peer',
  'About workers.',
  '',
  '## Pay and hours ##',
  '- #low-pay: Pay below colleagues.',
  '',
  '### Unpaid overtime',
  '- #overtime: Hours nobody pays.',
  '',
  '## Colleagues',
  '- #prejudice: Staff doubt peer workers.',
  '',
  'Receiving support',
  '=================',
  '- #hope: Hope.',
  '',
].join('\n');

const memo = (about: string, body = 'Text about #low-pay.\n'): string => `---\ntitle: M\nabout:\n${about}\n---\n${body}`;

/** The memos of the tests, each in a layout a reviewer (or New Memo…) writes. */
const MEMOS: Record<string, string> = {
  'memos/flow.md': memo('  themes: [Working as a peer > Pay and hours, Working as a peer > Colleagues]  # two themes'),
  'memos/quoted.md': memo('  themes: ["Working as a peer › Pay and hours › Unpaid overtime", \'Working as a peer / Pay and hours\']'),
  'memos/titles.md': memo('  codes: [low-pay]\n  themes: [["Working as a peer", "Pay and hours"]]'),
  'memos/block.md': memo('  themes:\n    # the pay theme\n    - Working as a peer > Pay and hours\n    - - Working as a peer\n      - Pay and hours\n      - Unpaid overtime\n  studies: [jones-2010]'),
  'memos/scalar.md': memo('  themes: Working as a peer > Pay and hours'),
  'memos/other.md': memo('  themes: [Working as a peer > Colleagues, Receiving support]'),
  'memos/codes.md': memo('  codes: [low-pay]', 'Pay and hours, as #low-pay.\n'),
};

function review(memos: Record<string, string> = MEMOS, codebook = CODEBOOK): { index: ReviewIndex; texts: Map<string, string> } {
  const index = new ReviewIndex();
  index.setCodebook(parseCodebook('codebook.md', codebook));
  for (const [path, text] of Object.entries(memos)) index.setMemo(parseMemo(path, text));
  return { index, texts: new Map([['codebook.md', codebook], ...Object.entries(memos)]) };
}

/** Every file after the rename (whole texts), and the memos it could not edit. */
function rename(themePath: string[], title: string, memos = MEMOS, codebook = CODEBOOK): { after: Map<string, string>; skipped: string[] } {
  const { index, texts } = review(memos, codebook);
  const plan = renameThemeEdits(index, texts, themePath, title);
  const after = new Map(texts);
  for (const [path, edits] of editsByPath(plan.edits)) after.set(path, applyEdits(texts.get(path)!, edits));
  return { after, skipped: plan.skipped.map((item) => item.path) };
}

describe('theme rename', () => {
  it('edits the heading text alone (markers and closing sequence kept) and every memo path through it, other files byte for byte', () => {
    const { after, skipped } = rename(['Working as a peer', 'Pay and hours'], 'Pay, hours & "benefits"');
    assert.deepEqual(skipped, []);
    assert.equal(after.get('codebook.md'), CODEBOOK.replace('## Pay and hours ##', '## Pay, hours & "benefits" ##'));
    // A plain scalar in a flow list that now holds a comma is quoted; the comment stays.
    assert.equal(after.get('memos/flow.md'), MEMOS['memos/flow.md'].replace('[Working as a peer > Pay and hours,', `['Working as a peer > Pay, hours & "benefits"',`));
    // The sub-theme's path follows; each quoting style and separator kept.
    assert.equal(after.get('memos/quoted.md'), MEMOS['memos/quoted.md'].replace('› Pay and hours ›', '› Pay, hours & \\"benefits\\" ›').replace("/ Pay and hours'", `/ Pay, hours & "benefits"'`));
    assert.equal(after.get('memos/titles.md'), MEMOS['memos/titles.md'].replace('"Pay and hours"', '"Pay, hours & \\"benefits\\""'));
    // A block list stays a block list: a plain scalar holds the comma there.
    assert.equal(after.get('memos/block.md'), MEMOS['memos/block.md'].replace('- Working as a peer > Pay and hours', '- Working as a peer > Pay, hours & "benefits"').replace('      - Pay and hours', '      - Pay, hours & "benefits"'));
    assert.equal(after.get('memos/scalar.md'), MEMOS['memos/scalar.md'].replace('> Pay and hours', '> Pay, hours & "benefits"'));
    for (const path of ['memos/other.md', 'memos/codes.md']) assert.equal(after.get(path), MEMOS[path], `${path} untouched`);
  });

  it('renaming a top-level theme renames the first title of every path under it', () => {
    const { after } = rename(['Working as a peer'], 'Peer work');
    assert.equal(after.get('codebook.md'), CODEBOOK.replace('# Working as a peer\n', '# Peer work\n'));
    assert.equal(after.get('memos/flow.md'), MEMOS['memos/flow.md'].replaceAll('[Working as a peer >', '[Peer work >').replace(', Working as a peer >', ', Peer work >'));
    assert.equal(after.get('memos/block.md'), MEMOS['memos/block.md'].replace('- Working as a peer >', '- Peer work >').replace('- - Working as a peer', '- - Peer work'));
    assert.equal(after.get('memos/other.md'), MEMOS['memos/other.md'].replace('Working as a peer > Colleagues', 'Peer work > Colleagues'));
    assert.equal(after.get('memos/codes.md'), MEMOS['memos/codes.md']);
  });

  it('renames a setext heading’s text, its underline kept', () => {
    const { after } = rename(['Receiving support'], 'Being supported');
    assert.equal(after.get('codebook.md'), CODEBOOK.replace('Receiving support\n=', 'Being supported\n='));
    assert.equal(after.get('memos/other.md'), MEMOS['memos/other.md'].replace(', Receiving support]', ', Being supported]'));
  });

  it('renames a nested theme in the one memo entry that names it, not its parent’s entries', () => {
    const { after } = rename(['Working as a peer', 'Pay and hours', 'Unpaid overtime'], 'Overtime');
    assert.equal(after.get('memos/quoted.md'), MEMOS['memos/quoted.md'].replace('› Unpaid overtime"', '› Overtime"'));
    assert.equal(after.get('memos/block.md'), MEMOS['memos/block.md'].replace('- Unpaid overtime', '- Overtime'));
    assert.equal(after.get('memos/flow.md'), MEMOS['memos/flow.md']);
  });

  it('renames the theme in relation lines that name it, by title or by path', () => {
    const codebook = '# Stigma\nKind: concept\n\nReciprocal: Peer work > Being written off; Hope — both.\n\n# Peer work\n## Being written off\nKind: concept\n- #x: X.\n\n# Hope\nKind: concept\n\nRefutes: Being written off — no.\n';
    const { after } = rename(['Peer work', 'Being written off'], 'Written off', {}, codebook);
    assert.equal(after.get('codebook.md'), codebook.replace('## Being written off', '## Written off').replace('Peer work > Being written off;', 'Peer work > Written off;').replace('Refutes: Being written off', 'Refutes: Written off'));
    const parent = rename(['Peer work'], 'Working', {}, codebook).after.get('codebook.md');
    assert.equal(parent, codebook.replace('# Peer work', '# Working').replace('Reciprocal: Peer work >', 'Reciprocal: Working >'), 'a parent in a written path; a title alone is left');
    assert.throws(() => rename(['Peer work', 'Being written off'], 'Off; away', {}, codebook), /Reciprocal: or Refutes:/);
  });

  it('refuses an empty title, a path separator, a sibling’s title, a closing #, with a message', () => {
    const { index, texts } = review();
    const refuse = (path: string[], title: string, pattern: RegExp): void => {
      assert.throws(() => renameThemeEdits(index, texts, path, title), (error: Error) => error instanceof RenameError && pattern.test(error.message));
    };
    refuse(['Working as a peer', 'Pay and hours'], '  ', /needs a title/);
    refuse(['Working as a peer', 'Pay and hours'], 'Pay > hours', /“ > ”, “ › ” or “ \/ ”/);
    refuse(['Working as a peer', 'Pay and hours'], 'Pay / hours', /“ > ”, “ › ” or “ \/ ”/);
    refuse(['Working as a peer', 'Pay and hours'], 'Colleagues', /already a theme “Colleagues” under Working as a peer/);
    refuse(['Receiving support'], 'Working as a peer', /already a theme “Working as a peer” at the top level/);
    refuse(['Working as a peer', 'Pay and hours'], 'Pay #', /closing sequence/);
    refuse(['Working as a peer', 'Nothing'], 'X', /There is no theme Working as a peer › Nothing/);
    // A title the codebook would read as something else (a setext line made a list item).
    refuse(['Receiving support'], '- support', /read this title back/);
    assert.equal(themeRenameProblem(index.codebook, ['Working as a peer', 'Pay and hours'], 'Pay/hours'), undefined, 'a slash inside a word is a title');
    const twice = parseCodebook('codebook.md', '# A\n## Pay\n## Pay\n');
    assert.match(themeRenameProblem(twice, ['A', 'Pay'], 'Wages') ?? '', /Two themes are called “Pay” here/);
    assert.deepEqual(renameThemeEdits(index, texts, ['Working as a peer'], ' Working  as a peer ').edits, [], 'the same title is no edit');
  });

  it('leaves a memo whose about: it cannot read safely as it is, and names it', () => {
    const odd = memo('  themes: &anchor [Working as a peer > Pay and hours]');
    const { after, skipped } = rename(['Working as a peer', 'Pay and hours'], 'Pay', { 'memos/odd.md': odd, 'memos/flow.md': MEMOS['memos/flow.md'] });
    assert.deepEqual(skipped, ['memos/odd.md']);
    assert.equal(after.get('memos/odd.md'), odd);
    assert.equal(after.get('memos/flow.md'), MEMOS['memos/flow.md'].replace('> Pay and hours,', '> Pay,'));
  });
});

describe('memo theme entries', () => {
  it('locates each scalar of a flow list, a block list and a list of titles', () => {
    const header = (text: string): string => text.slice(0, text.indexOf('\n---\n') + 5);
    const values = (path: string) => themeEntries(header(MEMOS[path]))?.map((entry) => [entry.form, ...entry.scalars.map((scalar) => `${scalar.style}:${MEMOS[path].slice(scalar.start, scalar.end)}`)]);
    assert.deepEqual(values('memos/flow.md'), [['path', 'plain:Working as a peer > Pay and hours'], ['path', 'plain:Working as a peer > Colleagues']]);
    assert.deepEqual(values('memos/titles.md'), [['titles', 'double:"Working as a peer"', 'double:"Pay and hours"']]);
    assert.deepEqual(values('memos/block.md'), [['path', 'plain:Working as a peer > Pay and hours'], ['titles', 'plain:Working as a peer', 'plain:Pay and hours', 'plain:Unpaid overtime']]);
    assert.equal(themeEntries(header(MEMOS['memos/codes.md'])), undefined);
  });
});
