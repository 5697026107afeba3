import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOCX_FILE } from '../../../src/core/report/buildReport';
import type { Review } from '../../../src/core/review';
import { compileReport } from '../../../src/core/report/compileReport';
import { loadManuscriptEngines } from '../../../src/node/loadEngines';
import { DEMO, load } from './reportFixtures';

/** Each paragraph of a WordprocessingML part: its style and its text. */
function paragraphs(xml: string): Array<{ style: string; text: string }> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
  }));
}

describe('report: Word (.docx)', function () {
  this.timeout(120_000);
  let review: Review;
  let docx: Uint8Array;
  let parts: Record<string, Uint8Array>;
  let body: string;
  before(async () => {
    review = await load(DEMO);
    docx = (await compileReport(review, { formats: ['docx'] }, loadManuscriptEngines)).files[DOCX_FILE] as Uint8Array;
    parts = unzipSync(docx);
    body = strFromU8(parts['word/document.xml']);
  });

  it('has a title page, a table of contents field and the sections in Word heading styles', () => {
    const all = paragraphs(body);
    assert.deepEqual(all[0], { style: 'Title', text: 'Peer support in adult mental health services — a thematic synthesis (demo)' });
    const level1 = all.filter((p) => p.style === 'Heading1').map((p) => p.text);
    assert.deepEqual(level1, ['Contents', 'Summary of qualitative findings (GRADE-CERQual)', 'Methods', 'Included studies', 'Quality appraisal (CASP)', 'Themes', 'Synthesis', 'Analysis across studies', 'GRADE-CERQual Evidence Profile', 'Sensitivity analysis', 'References', 'ENTREQ checklist']);
    assert.deepEqual(all.filter((p) => p.style === 'Heading2').slice(0, 6).map((p) => p.text), ['Synthesis methodology', 'Search', 'Eligibility criteria', 'Selection of studies', 'Quality appraisal', 'Data extraction']);
    assert.ok(all.some((p) => p.style === 'Heading3' && p.text === 'Nonpeer staff discrimination and prejudice'), 'sub-themes one level down');
    assert.match(body, /<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    assert.match(strFromU8(parts['word/settings.xml']), /<w:updateFields\/>/);
    const footers = Object.keys(parts).filter((name) => /^word\/footer\d*\.xml$/.test(name)).map((name) => strFromU8(parts[name]));
    assert.ok(footers.some((xml) => /PAGE/.test(xml) && /NUMPAGES/.test(xml)), 'page numbers: Page X of Y');
  });

  it('writes real tables with a repeated header row', () => {
    const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) => table);
    assert.equal(tables.length, 10, 'Summary of Qualitative Findings, sources, included studies, CASP, studies × themes, themes × perspective, codes applied together, Evidence Profile, sensitivity, ENTREQ');
    const studies = tables.find((table) => table.includes('Abernethy &amp; Moss, 2004'))!;
    const rows = [...studies.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([row]) => row);
    assert.equal(rows.length, 28, 'a header and 27 studies');
    assert.match(rows[0], /<w:tblHeader\/>/);
    assert.deepEqual(paragraphs(rows[0]).map((p) => p.text), ['Study', 'Citation', 'Year', 'Country', 'Setting', 'Design', 'Perspective', 'Participants']);
    assert.match(paragraphs(rows[1]).map((p) => p.text).join(' | '), /^Abernethy & Moss, 2004 \| Abernethy, C\., & Moss, J\. \(2004\)\. Service users’ accounts/);
  });

  it('quotes participants’ words as block quotes with their citations', async () => {
    const quotes = paragraphs(body).filter((p) => p.style === 'Quote');
    const { output } = await compileReport(review, { formats: ['md'] }, loadManuscriptEngines);
    const firstOrder = output.model.themes.flatMap(function codes(theme): number[] {
      return [...theme.codes.map((code) => code.excerpts.filter((excerpt) => excerpt.order === 'first').length), ...theme.children.flatMap(codes)];
    }).reduce((sum, count) => sum + count, 0);
    // The participants' words of the theme sections, and the contrary data of the findings (GRADE-CERQual coherence).
    const contrary = output.model.findings.rows.reduce((sum, row) => sum + row.contrary.length, 0);
    assert.equal(quotes.length, firstOrder + contrary);
    assert.ok(quotes.some((quote) => /^“?"?They still see me as a client.*\((Dunmore|[A-Z][^,]+).*, \d{4}[a-z]?, studies\/[a-z-]+-\d{4}\.md:\d+\)$/.test(quote.text)) || quotes.every((quote) => /, studies\/[a-z0-9-]+\.md:\d+\)$/.test(quote.text)), 'each quote ends with (Author, Year, file:line)');
    assert.match(body, /<w:hyperlink [^>]*r:id="rIdQs\d+"/, 'the file:line is a link');
  });

  it('embeds the PRISMA flow diagram as SVG with a PNG fallback and its text alternative', () => {
    // The PRISMA diagram first, then the four figures of the analysis section, each an SVG and a PNG.
    const media = Object.keys(parts).filter((name) => name.startsWith('word/media/')).sort().slice(0, 2);
    assert.deepEqual(media.map((name) => path.extname(name)), ['.png', '.svg']);
    assert.equal(Object.keys(parts).filter((name) => name.startsWith('word/media/')).length, 10);
    const png = parts[media[0]];
    assert.deepEqual([...png.slice(1, 4)], [0x50, 0x4e, 0x47], 'a PNG');
    assert.match(strFromU8(parts[media[1]]), /Records screened \(n\u00a0=\u00a0885\)/);
    assert.match(body, /<wp:docPr id="1" name="prisma-flow" descr="PRISMA 2020 flow diagram\. Identification: 1,287 records from databases/);
    assert.ok(paragraphs(body).some((p) => p.style === 'Caption' && p.text === 'Figure 1. PRISMA 2020 flow diagram of the search and selection of studies.'));
  });

  it('lists the references in APA style', () => {
    const references = paragraphs(body).filter((p) => p.style === 'Reference');
    assert.equal(references.length, 27);
    assert.equal(references[0].text, 'Abernethy, C., & Moss, J. (2004). Service users’ accounts of peer support in a Scottish community mental health service. Psychiatric Rehabilitation Journal, 28(1), 11–19. https://doi.org/10.5555/qs-demo.2004.001');
  });

  it('is byte-identical when built again, and dated only with a timestamp', async () => {
    const again = (await compileReport(await load(DEMO), { formats: ['docx'] }, loadManuscriptEngines)).files[DOCX_FILE] as Uint8Array;
    assert.ok(Buffer.from(again).equals(Buffer.from(docx)), 'same bytes');
    const core = strFromU8(parts['docProps/core.xml']);
    assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z<\/dcterms:created>/);
    const dated = (await compileReport(review, { formats: ['docx'], timestamp: '2031-02-03' }, loadManuscriptEngines)).files[DOCX_FILE] as Uint8Array;
    assert.match(strFromU8(unzipSync(dated)['docProps/core.xml']), /<dcterms:modified xsi:type="dcterms:W3CDTF">2031-02-03T00:00:00Z<\/dcterms:modified>/);
  });

  describe('opened by LibreOffice', () => {
    const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
    let dir: string;
    before(function () {
      if (soffice.error || soffice.status !== 0) {
        // CI installs libreoffice-writer-nogui (.ci/run): there the test must run.
        if (process.env.CI) throw new Error('soffice (LibreOffice) is missing: .ci/run installs libreoffice-writer-nogui and poppler-utils');
        console.log('      skipped: soffice (LibreOffice) is not installed; apt-get install libreoffice-writer-nogui poppler-utils');
        this.skip();
      }
      dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-docx-'));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('converts to PDF, and the PDF says what the report says', () => {
      const file = path.join(dir, DOCX_FILE);
      writeFileSync(file, docx);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 180_000, stdio: 'pipe' });
      const pdf = path.join(dir, 'synthesis.pdf');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const expected of [
        'Peer support in adult mental health services — a thematic synthesis (demo)',
        'Contents',
        'Selection of studies',
        'Figure 1. PRISMA 2020 flow diagram of the search and selection of studies.',
        'Nonpeer staff discrimination and prejudice',
        'Abernethy, C., & Moss, J. (2004). Service users’ accounts of peer support',
        'ENTREQ checklist',
        'Page 1 of',
      ]) {
        assert.ok(text.includes(expected), `the PDF has "${expected}"`);
      }
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      assert.ok(pages > 10 && pages < 80, `${pages} pages`);
      assert.ok(readFileSync(pdf).length > 50_000);
    });
  });
});
