import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';

const CODEBOOK = `---
title: Peer support — codebook
---
# Experiences of peer support workers
Analytical theme: description.

CERQual: moderate — minor concerns about adequacy; thin data from two studies.

Colour: #e91e63

## Discrimination and prejudice from nonpeer staff
- #staff-prejudice: Nonpeer staff doubt peer workers' competence
  or treat them as patients.
- #tokenism: Peer roles created to satisfy policy.

# Experiences of recipients
## Social networks
- #social-network: Recipients describe wider social contacts.
- #staff-prejudice: Also felt by recipients.
`;

describe('codebook', () => {
  const codebook = parseCodebook('codebook.md', CODEBOOK);
  it('reads the title from front matter', () => assert.equal(codebook.title, 'Peer support — codebook'));
  it('makes a theme tree from headings', () => {
    assert.deepEqual(codebook.themes.map((theme) => [theme.title, theme.children.map((child) => child.title)]), [
      ['Experiences of peer support workers', ['Discrimination and prejudice from nonpeer staff']],
      ['Experiences of recipients', ['Social networks']],
    ]);
  });
  it('files definitions under the nearest heading', () => {
    assert.deepEqual(codebook.themes[0].children[0].codes, ['staff-prejudice', 'tokenism']);
    assert.deepEqual(codebook.definitions[0].themePath, ['Experiences of peer support workers', 'Discrimination and prejudice from nonpeer staff']);
  });
  it('joins multi-line definitions', () => {
    assert.equal(codebook.definitions[0].definition, "Nonpeer staff doubt peer workers' competence or treat them as patients.");
  });
  it('allows a code under several themes', () => {
    assert.deepEqual(codebook.definitions.filter((d) => d.code === 'staff-prejudice').map((d) => d.themePath.at(-1)), ['Discrimination and prejudice from nonpeer staff', 'Social networks']);
    assert.deepEqual(codebook.problems, []);
  });
  it('reads CERQual judgements', () => {
    const judgement = codebook.themes[0].cerqual!;
    assert.deepEqual([judgement.confidence, judgement.explanation], ['moderate', 'minor concerns about adequacy; thin data from two studies.']);
    assert.deepEqual(judgement.statedCounts.map((count) => count.text), ['two studies']);
  });
  it('reads a theme colour', () => assert.equal(codebook.themes[0].color, '#e91e63'));
  it('keeps descriptions without CERQual or colour paragraphs', () => assert.equal(codebook.themes[0].description, 'Analytical theme: description.'));
  it('locates the definition tag', () => {
    const range = codebook.definitions[0].range;
    assert.equal(CODEBOOK.slice(range.start, range.end), '#staff-prejudice');
    assert.equal(range.startPosition.line, 11);
  });
  it('gives section ranges up to the next heading of the same depth', () => {
    const section = codebook.themes[0].sectionRange;
    assert.ok(CODEBOOK.slice(section.start, section.end).startsWith('# Experiences of peer support workers'));
    assert.ok(CODEBOOK.slice(section.start, section.end).endsWith('policy.\n\n'));
  });
  it('ignores list items that do not start with a tag', () => {
    const parsed = parseCodebook('codebook.md', '# T\n- a note about #x\n- #y: def');
    assert.deepEqual(parsed.definitions.map((d) => d.code), ['y']);
  });
  it('warns about a code defined before any heading', () => {
    const parsed = parseCodebook('codebook.md', '- #early: def\n# T');
    assert.equal(parsed.problems[0].kind, 'code-before-theme');
    assert.deepEqual(parsed.definitions[0].themePath, []);
  });
  it('warns about a duplicate definition under the same theme', () => {
    const parsed = parseCodebook('codebook.md', '# T\n- #a: one\n- #a: two');
    assert.equal(parsed.problems[0].kind, 'duplicate-definition');
    assert.match(parsed.problems[0].message, /also on line 2/);
  });
  it('warns about an empty heading', () => {
    assert.equal(parseCodebook('codebook.md', '#\n- #a: x').problems[0].kind, 'empty-theme');
  });
  it('reports a CERQual judgement without a known level at the level, and keeps the text', () => {
    const text = '# T\nCERQual: not yet judged';
    const parsed = parseCodebook('codebook.md', text);
    assert.equal(parsed.themes[0].cerqual?.confidence, undefined);
    assert.equal(parsed.themes[0].cerqual?.explanation, 'not yet judged');
    const [problem] = parsed.problems;
    assert.deepEqual([problem.severity, problem.kind, text.slice(problem.range.start, problem.range.end)], ['error', 'cerqual-syntax', 'not yet judged']);
  });
  it('reads a display name in bold beside the tag, and a definition over several lines (hard breaks kept)', () => {
    const text = '# T\n- #vax-type **1. Oltás típusa**: COVID vagy\\\n  \\\n  nem \\*COVID\\*\n- #plain: one\n  line\n- #named **Name with \\*\\* and \\\\**\n- #starts: **bold** is not a name here\n';
    const [typed, plain, named, starts] = parseCodebook('codebook.md', text).definitions;
    assert.deepEqual([typed.code, typed.displayName, typed.definition, typed.plainDefinition], ['vax-type', '1. Oltás típusa', 'COVID vagy nem \\*COVID\\*', 'COVID vagy\n\nnem *COVID*']);
    assert.deepEqual([plain.displayName, plain.definition, plain.plainDefinition], [undefined, 'one line', 'one line']);
    assert.deepEqual([named.displayName, named.definition], ['Name with ** and \\', '']);
    assert.deepEqual([starts.displayName, starts.definition], [undefined, '**bold** is not a name here']);
  });
  it('ignores tags inside fenced code in the codebook', () => {
    assert.deepEqual(parseCodebook('codebook.md', '# T\n```\n- #a: x\n```').definitions, []);
  });
});
