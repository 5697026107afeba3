import { strict as assert } from 'node:assert';
import { buildReport } from '../../../src/core/report/buildReport';
import { DEMO, FIXTURES, load } from './reportFixtures';
import * as path from 'node:path';

describe('report: protocol, ENTREQ and the PRISMA flow diagram', function () {
  this.timeout(20_000);

  it('fills every ENTREQ item of the demo review but the five that need the authors’ account of the analysis', async () => {
    const { model } = buildReport(await load(DEMO));
    const toComplete = model.entreq.filter((item) => item.prompt).map((item) => item.number);
    assert.deepEqual(toComplete, [16, 17, 18, 19, 21]);
    assert.ok(model.entreq.every((item) => item.filled !== ''), 'every item reports something');
    const item = (number: number): string => model.entreq[number - 1].filled;
    assert.match(item(5), /^MEDLINE \(Ovid\) \(1946 to March 2012\); CINAHL/);
    assert.match(item(5), /Last searched 14 March 2012\.$/);
    assert.match(item(9), /^885 records screened after 402 duplicates were removed; 91 full-text reports assessed, 62 excluded \(No qualitative findings: 28;/);
    assert.match(item(9), /27 studies \(32 reports\) included\. See the PRISMA 2020 flow diagram \(Figure 1\)\.$/);
    assert.match(item(12), /^Appraised by Jo Bellweather \(JB\), Priya Raman \(PR\)\. Two reviewers appraised/);
  });

  it('keeps the prompts, naming the keys to fill, for a review without a protocol', async () => {
    const { model } = buildReport(await load(path.join(FIXTURES, 'mini')));
    const prompt = (number: number): string => model.entreq[number - 1].prompt ?? '';
    assert.match(prompt(3), /`protocol\.search\.approach` in qualsynth\.yaml/);
    assert.match(prompt(9), /PRISMA 2020 counts, `protocol\.prisma` in qualsynth\.yaml/);
    assert.ok(!model.figures.some((figure) => figure.id === 'prisma-flow'), 'no flow diagram without PRISMA counts');
    assert.doesNotMatch(buildReport(await load(path.join(FIXTURES, 'mini'))).markdown!, /## Methods/);
  });

  it('draws the flow diagram with every count, in the SVG file beside the Markdown and inline in the HTML', async () => {
    const report = buildReport(await load(DEMO), { formats: ['md', 'html'] });
    const svg = report.files['prisma-flow.svg'];
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    for (const label of ['Databases (n\u00a0=\u00a01,287)', 'MEDLINE (n\u00a0=\u00a0412)', 'Duplicate records removed (n\u00a0=\u00a0402)', 'Records screened (n\u00a0=\u00a0885)', 'Records excluded (n\u00a0=\u00a0791)', 'Reports not retrieved (n\u00a0=\u00a03)', 'Abstract or dissertation only (n\u00a0=\u00a04)', 'Citation searching (n\u00a0=\u00a07)', 'Studies included in review (n\u00a0=\u00a027)', 'Reports of included studies (n\u00a0=\u00a032)']) {
      assert.ok(svg.includes(`${label}</text>`), `the diagram says ${label}`);
    }
    assert.match(report.markdown!, /\n!\[PRISMA 2020 flow diagram\. Identification: 1,287 records from databases .*\]\(prisma-flow\.svg "Figure 1\. PRISMA 2020 flow diagram of the search and selection of studies\."\)\n/);
    const html = report.html!;
    assert.doesNotMatch(html, /<img src="prisma-flow.svg"/, 'the image is replaced by the drawing');
    assert.match(html, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="[^"]+"[^>]*role="img" aria-label="PRISMA 2020 flow diagram"/);
    assert.match(html, /<desc>PRISMA 2020 flow diagram\. Identification: 1,287 records/);
  });

  it('escapes text of the project file in the drawing', async () => {
    const review = await load(DEMO);
    const hostile = { ...review.config.protocol!, prisma: { ...review.config.protocol!.prisma!, reportsExcluded: { total: 62, parts: [{ label: '<script>alert(1)</script> & "x"', count: 62 }] } } };
    const report = buildReport({ index: review.index, config: { ...review.config, protocol: hostile } }, { formats: ['md', 'html'] });
    assert.doesNotMatch(report.files['prisma-flow.svg'], /<script>/);
    assert.match(report.files['prisma-flow.svg'], /&#x3C;script>alert\(1\)&#x3C;\/script> &#x26; "x"/);
    assert.doesNotMatch(report.html!, /<script>alert/);
  });
});
