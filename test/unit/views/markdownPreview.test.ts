/**
 * The Markdown preview plugin on markdown-it (the engine of VS Code's preview) shows the
 * same tags as the index: one chip per tag the scanner finds, none where it finds none
 * (code, link destinations and labels), and a table row coded by a tag in a cell tinted.
 */
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { parseStudy } from '../../../src/core/study';
import { qualsynthMarkdownIt } from '../../../src/vscode/preview/markdownItPlugin';

const render = (text: string): string => qualsynthMarkdownIt(new MarkdownIt({ html: true })).render(text);
const chips = (html: string): string[] => [...html.matchAll(/<span class="qualsynth-chip">#([^<]+)<\/span>/g)].map((match) => match[1]);

describe('Markdown preview plugin', () => {
  const study = [
    '> "They still see me as a client." (peer worker)',
    '> #staff-prejudice',
    '',
    'Peer workers described [being excluded]{#exclusion} from meetings; see [the protocol][osf] and `#not-a-tag`.',
    '',
    '| Study | Finding |',
    '| --- | --- |',
    '| Mowbray 2005 | paid below colleagues #low-pay |',
    '| Moll 2009 | no finding |',
    '',
    '[osf]: https://osf.io/x#methods',
  ].join('\n');

  it('shows a chip for exactly the tags the index finds', () => {
    const index = parseStudy('studies/s.md', study).tags.map((tag) => tag.code);
    assert.deepEqual(chips(render(study)).sort(), [...index].sort());
    assert.deepEqual(index, ['staff-prejudice', 'exclusion', 'low-pay']);
  });

  it('tints the table row a tag in a cell codes, and only that row', () => {
    const html = render(study);
    assert.equal(html.match(/<tr class="qualsynth-coded-row">/g)?.length, 1);
    assert.match(html, /<tr class="qualsynth-coded-row">\s*<td>Mowbray 2005<\/td>/);
  });

  it('reads reference labels with the document\'s definitions, as the index does', () => {
    const text = 'See [the appendix][#app] for details #methods\n\n[#app]: https://osf.io/y';
    assert.deepEqual(chips(render(text)), ['methods']);
    assert.deepEqual(parseStudy('studies/s.md', text).tags.map((tag) => tag.code), ['methods']);
  });
});
