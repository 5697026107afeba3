import { strict as assert } from 'node:assert';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { buildReport, DOCX_FILE } from '../../../src/core/report/buildReport';
import { compileReport } from '../../../src/core/report/compileReport';
import { loadManuscriptEngines } from '../../../src/node/loadEngines';
import { FIXTURES, load, rewrittenCopy, section } from './reportFixtures';

const META = path.join(FIXTURES, 'meta-ethnography');

/** The table row of item `number` in the eMERGe section. */
function row(markdown: string, number: number): string {
  const found = section(markdown, '## eMERGe reporting items').split('\n').find((line) => line.includes(` | ${number} | `));
  assert.ok(found, `no row ${number}`);
  return found;
}

/** The fixture with a protocol in qualsynth.yaml and a CERQual-judged finding in the codebook. */
function judgedCopy(): string {
  const dir = rewrittenCopy(META, { crlf: false });
  appendFileSync(path.join(dir, 'qualsynth.yaml'), PROTOCOL);
  const codebook = path.join(dir, 'codebook.md');
  writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('# Pay as worth\n\nKind: concept\n', '# Pay as worth\n\nKind: concept\n\nFinding: Low pay told peer workers what the service thought they were worth.\n\nCERQual: low — serious concerns about adequacy: two studies.\n'));
  return dir;
}

describe('report: eMERGe reporting items (meta-ethnography)', () => {
  it('prints the 19 items of the fixture, whole, after the ENTREQ checklist', async () => {
    const { markdown, model } = buildReport(await load(META));
    assert.equal(section(markdown!, '## eMERGe reporting items'), EXPECTED);
    assert.equal(model.emerge?.length, 19);
    // The tally the README gives for this fixture.
    assert.deepEqual(model.emerge!.filter((item) => item.filled).map((item) => item.number), [3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18]);
    assert.deepEqual(model.emerge!.filter((item) => !item.prompt).map((item) => item.number), [3, 10]);
    assert.ok(markdown!.indexOf('## ENTREQ checklist') < markdown!.indexOf('## eMERGe reporting items'));
  });

  it('fills the search, selection and extraction items from the protocol and the summary of findings from the CERQual judgements', async () => {
    const dir = judgedCopy();
    try {
      const { markdown } = buildReport(await load(dir));
      assert.equal(row(markdown!, 4), '| | 4 | Rationale for using meta-ethnography | Meta-ethnography. Chosen to build a line of argument from studies of different settings. | [Synthesis methodology](#synthesis-methodology) |');
      assert.equal(row(markdown!, 5), '| 2. Deciding what is relevant | 5 | Search strategy | Iterative, purposive search for conceptually rich studies. "peer support" AND qualitative. Limits: English language. | [Search](#search) |');
      assert.equal(row(markdown!, 6), '| | 6 | Search processes | MEDLINE (1946 to 2020). Last searched 1 March 2020. _To complete:_ who ran the searches. | [Search](#search) |');
      assert.equal(row(markdown!, 7), '| | 7 | Selecting primary studies | Included: qualitative studies of peer support. Two reviewers screened every record. | [Eligibility criteria](#eligibility-criteria); [Selection of studies](#selection-of-studies) |');
      assert.equal(row(markdown!, 9), '| 3. Reading included studies | 9 | Reading and data extraction approach | Findings and discussion sections, read in order of publication. 13 coded segments (8 participant quotations, 5 author interpretations). _To complete:_ how the studies were read (e.g. repeatedly, in order of publication or from an index study) and how their concepts, metaphors and themes were identified. | [Data extraction](#data-extraction); [Themes](#themes) |');
      assert.equal(row(markdown!, 17), '| 7. Expressing the synthesis | 17 | Summary of findings | 1 review finding in the Summary of Qualitative Findings, 1 of them with a GRADE-CERQual assessment: 1 low confidence. _To complete:_ the main interpretive findings of the translation and synthesis, compared with the existing literature. | [Summary of qualitative findings (GRADE-CERQual)](#summary-of-qualitative-findings-grade-cerqual); [GRADE-CERQual Evidence Profile](#grade-cerqual-evidence-profile) |');
      assert.match(row(markdown!, 18), /\| \[Quality appraisal \(CASP\)\]\(#quality-appraisal-casp\); \[Sensitivity analysis\]\(#sensitivity-analysis\) \|$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts a line-of-argument memo’s concepts in the synthesis, not among the translations', async () => {
    const dir = rewrittenCopy(META, { crlf: false });
    const memo = ['---', 'title: Worth, doubted and restored', 'relation: line-of-argument', 'about:', '  themes: [Hope from a peer, Being written off, Pay as worth]', '---', 'One line of argument.', ''].join('\n');
    writeFileSync(path.join(dir, 'memos', 'a-line.md'), memo);
    try {
      const { markdown } = buildReport(await load(dir));
      const fixture = buildReport(await load(META)).markdown!;
      for (const number of [12, 13, 14]) assert.equal(row(markdown!, number), row(fixture, number), `item ${number} unchanged`);
      assert.equal(row(markdown!, 15), '| 6. Synthesizing translations | 15 | Synthesis process | The synthesis is written in 2 review-level memos (`about: review` or `relation: line-of-argument`), apart from the coding. 1 `relation: line-of-argument` memo draws 3 concepts into it: Being written off; Pay as worth; Hope from a peer. _To complete:_ how the translations were synthesised into overarching concepts (e.g. a line of argument, or a reciprocal or refutational synthesis), and how alternative interpretations were considered. | [Line of argument](#line-of-argument) |');
      assert.match(row(markdown!, 16), /Review-level memos: “Worth, doubted and restored”; “Line of argument” \(Ann Reviewer\)\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links only to sections the HTML report has, by their ids', async () => {
    for (const dir of [META, judgedCopy()]) {
      const { html } = buildReport(await load(dir), { formats: ['html'] });
      const table = html!.slice(html!.indexOf('<h2 id="emerge-reporting-items">'));
      assert.ok(table.length < html!.length, 'the section is in the HTML');
      assert.equal((table.match(/<tr>/g) ?? []).length, 20, 'a header and 19 items');
      const links = [...table.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
      assert.ok(links.length >= 12, `${links.length} links`);
      for (const id of links) assert.match(html!, new RegExp(`<h[23] id="${id}"`), `#${id} is a section`);
      if (dir !== META) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is in the Word report, its links pointing to bookmarks on the headings, byte-identical when built again', async function () {
    this.timeout(120_000);
    const review = await load(META);
    const build = async (): Promise<Uint8Array> => (await compileReport(review, { formats: ['docx'] }, loadManuscriptEngines)).files[DOCX_FILE] as Uint8Array;
    const docx = await build();
    const body = strFromU8(unzipSync(docx)['word/document.xml']);
    assert.match(body, /<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>)[\s\S])*<w:t[^>]*>eMERGe reporting items<\/w:t>/);
    const anchors = [...body.matchAll(/<w:hyperlink [^>]*w:anchor="(_Qs_[^"]+)"/g)].map((match) => match[1]);
    const bookmarks = [...body.matchAll(/<w:bookmarkStart w:name="([^"]+)" w:id="(\d+)"\/>/g)];
    assert.ok(anchors.length >= 12, `${anchors.length} internal links`);
    assert.deepEqual([...new Set(anchors)].sort(), bookmarks.map((match) => match[1]).sort(), 'every link has its bookmark, every bookmark a link');
    assert.deepEqual(bookmarks.map((match) => match[2]), bookmarks.map((_, index) => String(index + 1)), 'bookmark ids numbered in order');
    assert.ok(Buffer.from(await build()).equals(Buffer.from(docx)), 'same bytes');
  });

  it('is left out for any other method', async () => {
    const review = await load(META);
    const { markdown, html, model } = buildReport({ index: review.index, config: { ...review.config, method: 'thematic-synthesis' } }, { formats: ['md', 'html'] });
    assert.equal(model.emerge, undefined);
    assert.doesNotMatch(markdown!, /eMERGe/);
    assert.doesNotMatch(html!, /eMERGe/);
  });
});

const PROTOCOL = `protocol:
  methodRationale: Chosen to build a line of argument from studies of different settings.
  search:
    approach: Iterative, purposive search for conceptually rich studies.
    sources:
      - name: MEDLINE
        dates: 1946 to 2020
    lastSearched: 1 March 2020
    strategy: '"peer support" AND qualitative'
    limits: English language.
  criteria:
    inclusion:
      - qualitative studies of peer support
  screening: Two reviewers screened every record.
  extraction: Findings and discussion sections, read in order of publication.
`;

const EXPECTED = [
  "## eMERGe reporting items",
  "",
  "The eMERGe meta-ethnography reporting guidance (France et al. 2019): 19 items in seven phases. Items marked _To complete:_ need the authors’ own account; the last column links to the sections of this report that show the item.",
  "",
  "| Phase | No. | Item | Reported in this review | In this report |",
  "| - | - | - | - | - |",
  "| 1. Selecting meta-ethnography and getting started | 1 | Rationale and context for the meta-ethnography | _To complete:_ the gap in research or knowledge the meta-ethnography fills, and its wider context. | — |",
  "| | 2 | Aim(s) | _To complete:_ the aim(s) of the meta-ethnography. | — |",
  "| | 3 | Focus of the meta-ethnography | Review question: How do peer workers and recipients experience peer support? | — |",
  "| | 4 | Rationale for using meta-ethnography | Meta-ethnography. _To complete:_ the rationale for choosing this methodology (`protocol.methodRationale` in qualsynth.yaml). | — |",
  "| 2. Deciding what is relevant | 5 | Search strategy | _To complete:_ whether the search was pre-planned and comprehensive or iterative (`protocol.search.approach` in qualsynth.yaml). The search terms (`protocol.search.strategy` in qualsynth.yaml). | — |",
  "| | 6 | Search processes | _To complete:_ the databases and other sources searched, and when (`protocol.search.sources` in qualsynth.yaml and `lastSearched`). Who ran the searches. | — |",
  "| | 7 | Selecting primary studies | _To complete:_ the inclusion and exclusion criteria (`protocol.criteria.inclusion` in qualsynth.yaml and `exclusion`). How studies were screened and selected, and by whom (`protocol.screening` in qualsynth.yaml). | — |",
  "| | 8 | Outcome of study selection | 4 studies included. _To complete:_ the number of records screened and the reasons for exclusion (the PRISMA 2020 counts, `protocol.prisma` in qualsynth.yaml). | [Included studies](#included-studies) |",
  "| 3. Reading included studies | 9 | Reading and data extraction approach | Findings were coded in place in one Markdown file per study: 13 coded segments (8 participant quotations, 5 author interpretations). _To complete:_ which sections of the primary studies were analysed (`protocol.extraction` in qualsynth.yaml). How the studies were read (e.g. repeatedly, in order of publication or from an index study) and how their concepts, metaphors and themes were identified. | [Themes](#themes) |",
  "| | 10 | Presenting characteristics of included studies | 4 included studies, tabled under Included studies; year: 1999–2010; country: USA (2), Canada (1), UK (1); design: interviews (2), ethnography (1), focus groups (1); perspective: recipients (3), peer workers (2); participants: 50 in total (8–20 per study). CASP appraisal: 2 of 4 studies appraised, 1 met every criterion. | [Included studies](#included-studies); [Quality appraisal (CASP)](#quality-appraisal-casp) |",
  "| 4. Determining how studies are related | 11 | Process for determining how studies are related | The studies were related through 3 concepts, the themes the codebook marks `Kind: concept`: Being written off; Pay as worth; Hope from a peer. The translation table sets out each study’s own terms for each concept, linked to the passage. _To complete:_ which aspects of the studies were compared (e.g. their concepts, metaphors and themes, and their contexts) and how the studies were juxtaposed. | [Translation of concepts](#translation-of-concepts) |",
  "| | 12 | Outcome of relating studies | Each concept is expressed by 2–3 of 4 studies; 3 of the 4 express more than one concept. Relations between concepts: 2 reciprocal, 1 refutational (2 stated in the codebook, 1 by memo). _To complete:_ how the studies relate to one another, in words (e.g. mostly reciprocal, or standing against one another on some concepts). | [Translation of concepts](#translation-of-concepts); [Relations between concepts](#relations-between-concepts) |",
  "| 5. Translating studies into one another | 13 | Process of translating studies | Each translation is recorded where it was made: `Reciprocal:` and `Refutes:` lines under the concepts in codebook.md (2) and `relation:` memos (1), each with its basis and a link to it, and with the studies that express both concepts. _To complete:_ how the reciprocal and refutational translations were made (e.g. in order of publication, or from an index study), how the context and meaning of the concepts were kept within and across studies, and how alternative interpretations were considered. | [Relations between concepts](#relations-between-concepts) |",
  "| | 14 | Outcome of translation | Translation table of 3 concepts × 4 studies: 7 of 12 cells hold the study’s own terms. Reciprocal: Being written off – Pay as worth (1 study expressing both); Pay as worth – Hope from a peer (1 study expressing both). Refutational: Being written off – Hope from a peer (1 study expressing both). _To complete:_ the interpretive findings of the translation: what each reciprocal and refutational translation shows, in the reviewers’ words. | [Translation of concepts](#translation-of-concepts); [Relations between concepts](#relations-between-concepts) |",
  "| 6. Synthesizing translations | 15 | Synthesis process | The synthesis is written in 1 review-level memo (`about: review` or `relation: line-of-argument`), apart from the coding. _To complete:_ how the translations were synthesised into overarching concepts (e.g. a line of argument, or a reciprocal or refutational synthesis), and how alternative interpretations were considered. | [Line of argument](#line-of-argument) |",
  "| | 16 | Outcome of synthesis process | Review-level memos: “Line of argument” (Ann Reviewer). _To complete:_ the new interpretation, model or theory the synthesis arrives at, as the paper states it (check it against the memos). | [Line of argument](#line-of-argument) |",
  "| 7. Expressing the synthesis | 17 | Summary of findings | _To complete:_ the main interpretive findings of the translation and synthesis, compared with the existing literature. Mark the review findings (a `Finding:` paragraph or a `CERQual:` judgement under a theme of the codebook) to table them with their confidence. | [Summary of qualitative findings (GRADE-CERQual)](#summary-of-qualitative-findings-grade-cerqual) |",
  "| | 18 | Strengths, limitations and reflexivity | 2 of 4 studies appraised; 1 met every criterion; criteria most often not met or unclear: Findings (1), Relationship (1). See the quality appraisal table. _To complete:_ whether any study was excluded or weighted because of its appraisal, and why (`protocol.appraisal.use` in qualsynth.yaml). The strengths and limitations of the synthesis (how the included studies and the conduct of the meta-ethnography shaped its findings) and reflexivity (the review team’s influence on the findings). | [Quality appraisal (CASP)](#quality-appraisal-casp) |",
  "| | 19 | Recommendations and conclusions | _To complete:_ the implications of the synthesis for policy, practice and research, and its conclusions. | — |",
  "",
].join('\n');
