import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codingStripes } from '../../../src/core/stripes/codingStripes';
import { PALETTE_HEX, UNCATEGORISED_HEX, shade, stripeColours } from '../../../src/core/stripes/stripeColours';
import { parseStudy } from '../../../src/core/study';
import { renderTags, tint } from '../../../src/vscode/preview/markdownItPlugin';

describe('coding stripes: lanes per line', () => {
  const text = [
    'A [first passage]{#a} and [an overlap [inside]{#b}]{#c}.', // line 0: a, b, c (lanes in order of first line, then name)
    '[Second line]{#a}.', // line 1: a
    '', // line 2
    '[x]{#d} and [y]{#e}', // line 3: d, e
    '> "A quote',
    '> over two lines." #b', // lines 4-5: b (block)
  ].join('\n');
  const runs = codingStripes(parseStudy('s.md', text), 4);

  it('gives each line the codes of the passages on it, each code keeping its lane', () => {
    const view = runs.map((run) => [run.startLine, run.endLine, run.lanes.join(',')]);
    assert.deepEqual(view, [
      [0, 0, 'a,b,c'],
      [1, 1, 'a'],
      [3, 3, 'd,e'],
      [4, 5, ',b'],
    ]);
  });
  it('lets codes that never share a line share a lane, and merges runs of identical lines', () => {
    assert.deepEqual(runs.find((run) => run.startLine === 3)?.codes, ['d', 'e']);
    assert.equal(runs.find((run) => run.startLine === 4)?.endLine, 5);
  });
  it('marks codes beyond the last lane as more, and still names them', () => {
    const many = codingStripes(parseStudy('s.md', '[[[[[x]{#a}]{#b}]{#c}]{#d}]{#e}\n'), 4);
    assert.equal(many.length, 1);
    assert.equal(many[0].overflow, true);
    assert.equal(many[0].lanes.length, 4);
    assert.deepEqual([...many[0].codes].sort(), ['a', 'b', 'c', 'd', 'e']);
  });
});

describe('coding stripes: one colour per code within its theme\'s hue', () => {
  it('the first top-level theme has the first palette colour, not the uncategorised grey', () => {
    const colours = stripeColours(['a', 'b'], new Map([['a', 0], ['b', 0]]));
    assert.equal(colours.get('a'), PALETTE_HEX[0]);
    assert.notEqual(colours.get('b'), colours.get('a'));
    assert.notEqual(colours.get('a'), UNCATEGORISED_HEX);
  });
  it('shades a theme\'s codes in its hue, and undefined codes in grey', () => {
    const colours = stripeColours(['x', 'y', 'z', 'u'], new Map<string, number | string>([['x', '#9B2226'], ['y', '#9B2226'], ['z', 1]]));
    assert.equal(colours.get('x'), '#9b2226');
    assert.equal(colours.get('y'), shade('#9B2226', 14));
    assert.equal(colours.get('z'), PALETTE_HEX[1]);
    assert.equal(colours.get('u'), UNCATEGORISED_HEX);
    assert.equal(shade('teal', 14), 'teal');
  });
  it('the palette matches the light defaults of the themable colours in package.json', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    const defaults = PALETTE_HEX.map((_, index) => manifest.contributes.colors.find((colour: { id: string }) => colour.id === `qualsynth.theme${index + 1}Background`).defaults.light.slice(0, 7));
    assert.deepEqual(defaults, [...PALETTE_HEX]);
  });
});

describe('the Markdown preview tints a span as the editor does', () => {
  it('palette colours by class (the first theme is theme 1), codebook colours by style, grey when uncategorised', () => {
    assert.equal(tint(0), 'class="qualsynth-span qualsynth-theme-1"');
    assert.equal(tint(9), 'class="qualsynth-span qualsynth-theme-2"');
    assert.equal(tint('#9B2226'), 'class="qualsynth-span" style="background-color: #9B222640"');
    assert.equal(tint('teal'), 'class="qualsynth-span" style="background-color: teal"');
    assert.equal(tint(undefined), 'class="qualsynth-span qualsynth-uncategorised"');
  });
  it('a span takes its first code\'s colour', () => {
    const html = renderTags('[pay]{#low-pay #hope} and [x]{#other}', undefined, (code) => (code === 'low-pay' ? 0 : undefined));
    assert.equal(html, '<mark class="qualsynth-span qualsynth-theme-1" title="#low-pay #hope">pay</mark><span class="qualsynth-chip">#low-pay</span><span class="qualsynth-chip">#hope</span> and <mark class="qualsynth-span qualsynth-uncategorised" title="#other">x</mark><span class="qualsynth-chip">#other</span>');
  });
  it('the preview stylesheet has a rule for every palette colour, on the editor\'s own themable colour', () => {
    const css = readFileSync(join(__dirname, '../../../media/preview.css'), 'utf8');
    for (let n = 1; n <= 8; n++) assert.match(css, new RegExp(`mark\\.qualsynth-theme-${n} \\{ background-color: var\\(--vscode-qualsynth-theme${n}Background`));
  });
});
