import { strict as assert } from 'node:assert';
import { parseConfig } from '../../../src/core/config';
import { buildReport } from '../../../src/core/report/buildReport';
import { shade } from '../../../src/core/report/heatMapFigure';
import { headingSlug } from '../../../src/core/report/htmlContents';
import { thematicMapMermaid } from '../../../src/core/report/thematicMap';
import { DEMO, load } from './reportFixtures';

describe('report: analysis across studies, figures and contents', function () {
  this.timeout(20_000);

  it('computes every count of the study × theme table from the coding: its totals are the themes’ own', async () => {
    const { model } = buildReport(await load(DEMO), { formats: [] });
    const matrix = model.analysis.studyThemes;
    assert.deepEqual(matrix.columns, model.themes.map((theme) => theme.title));
    model.themes.forEach((theme, column) => {
      assert.equal(matrix.rows.reduce((sum, row) => sum + row.cells[column], 0), theme.segmentCount, theme.title);
      assert.equal(matrix.rows.filter((row) => row.cells[column] > 0).length, theme.studyCount, theme.title);
    });
    assert.equal(model.analysis.byAttribute?.attribute, 'perspective', 'the first list-valued column');
    assert.deepEqual(model.analysis.byAttribute?.matrix.columns.map((column) => `${column.label} ${column.studies}`), ['nonpeer staff 8', 'peer workers 14', 'recipients 12']);
    assert.deepEqual(model.analysis.pairs[0], { a: 'hope', b: 'role-model', count: 9, coefficient: 9 / 16, studies: ['Achterberg et al. 2003', 'Brennan & Ní Fhlannagáin 2011', 'Nakamura & Boateng 2010', 'Osei et al. 2010', 'Tane & McAllister 2010', 'Thornbury et al. 1999', 'Winterbourne et al. 2007'] });
    assert.deepEqual(model.figures.map((figure) => figure.id), ['prisma-flow', 'thematic-map', 'studies-themes', 'themes-by-attribute', 'code-frequencies']);
  });

  it('groups by the project file’s analysis attribute, and reports a wrong value at its line', async () => {
    const review = await load(DEMO);
    const { model } = buildReport({ index: review.index, config: { ...review.config, analysisAttribute: 'country' } }, { formats: [] });
    assert.equal(model.analysis.byAttribute?.attribute, 'country');
    assert.equal(parseConfig('analysis:\n  attribute: design\n').config.analysisAttribute, 'design');
    const wrong = parseConfig('title: x\nanalysis: perspective\n');
    assert.equal(wrong.config.analysisAttribute, undefined);
    assert.deepEqual(wrong.problems.map((problem) => [problem.range.startPosition.line, problem.message.slice(0, 40)]), [[1, '`analysis:` takes a mapping with the stu']]);
  });

  it('shows the thematic map as Mermaid in Markdown and as SVG in HTML, every figure with a title and a text alternative', async () => {
    const { markdown, html } = buildReport(await load(DEMO), { formats: ['md', 'html'] });
    assert.match(markdown!, /## Analysis across studies\n\n### Thematic map\n[\s\S]*```mermaid\nflowchart LR\n {2}n1\["Experiences of peer support workers \(89\)"\]/);
    assert.ok(!markdown!.includes('](thematic-map.svg'), 'no image of the map in Markdown');
    assert.match(markdown!, /!\[Heat map of coded segments by study and theme[^\]]*\]\(studies-themes\.svg "Figure 3\./);
    const svgs = html!.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    assert.equal(svgs.length, 5);
    for (const svg of svgs) {
      assert.match(svg, /^<svg [^>]*role="img"[^>]*aria-label="[^"]+"/);
      assert.match(svg, /<title>[^<]+<\/title><desc>[^<]+<\/desc>/);
    }
    assert.match(html!, /Thematic map\. Experiences of peer support workers \(89 segments\) holds/);
    assert.ok(!/<script/i.test(html!), 'no script');
  });

  it('gives the HTML a table of contents and an id on every section heading', async () => {
    const { html } = buildReport(await load(DEMO), { formats: ['html'] });
    const nav = /<nav aria-label="Contents" class="contents">([\s\S]*?)<\/nav>/.exec(html!)?.[1] ?? '';
    const links = [...nav.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    assert.ok(links.includes('analysis-across-studies') && links.includes('themes-perspective') && links.includes('entreq-checklist'), links.join(' '));
    for (const id of links) assert.ok(html!.includes(`<h2 id="${id}">`) || html!.includes(`<h3 id="${id}">`), id);
    assert.ok(html!.indexOf('<nav') < html!.indexOf('<h2 id="summary-of-qualitative-findings-grade-cerqual">'));
    const taken = new Set<string>();
    assert.deepEqual(['Themes × perspective', 'Themes × perspective', '¿Qué? Ñandú'].map((title) => headingSlug(title, taken)), ['themes-perspective', 'themes-perspective-2', 'qué-ñandú']);
  });

  it('writes Mermaid labels with their quotes and brackets as entities, and shades from white to blue', () => {
    const map = thematicMapMermaid([{ label: 'The "patient" [role]', kind: 'theme', segments: 3, children: [{ label: 'a|b', kind: 'code', segments: 3, children: [] }] }]);
    assert.equal(map, 'flowchart LR\n  n1["The #34;patient#34; #91;role#93; (3)"]\n  n2(["#35;a#124;b (3)"])\n  n1 --> n2');
    assert.deepEqual([shade(0), shade(1), shade(2)], ['#ffffff', '#1d3557', '#1d3557']);
  });
});
