import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { importQdpx, type ImportResult } from '../../../src/core/refi/importProject';
import { importQdpxFile } from '../../../src/node/refi/reviewFolder';
import { studyPlainText } from '../../../src/core/refi/plainText';
import { attribute, child, children, parseXmlSafely } from '../../../src/core/refi/xml';
import { readZipSafely } from '../../../src/core/refi/zipRead';
import type { Review } from '../../../src/core/review';
import { parseStudy } from '../../../src/core/study';
import { g, openReview, project, qdpx, requireSample, tempDir } from './helpers';

/** Imports into a temporary folder and loads the new review. */
async function importInto(data: Uint8Array): Promise<{ result: ImportResult; review: Review; file: (name: string) => string }> {
  const dir = path.join(tempDir(), 'review');
  const file = path.join(tempDir(), 'in.qdpx');
  writeFileSync(file, data);
  const result = await importQdpxFile(file, dir);
  return { result, review: await openReview(dir), file: (name) => readFileSync(path.join(dir, name), 'utf8') };
}

const source = (name: string, text: string, selections: string, extra = ''): string =>
  `<TextSource guid="${g(900 + name.length)}" name="${name}"><PlainTextContent>${text}</PlainTextContent>${selections}${extra}</TextSource>`;
const selection = (id: number, start: number, end: number, ...codes: number[]): string =>
  `<PlainTextSelection guid="${g(id)}" startPosition="${start}" endPosition="${end}">${codes.map((code, index) => `<Coding guid="${g(id * 10 + index)}"><CodeRef targetGUID="${g(code)}"/></Coding>`).join('')}</PlainTextSelection>`;
const code = (id: number, name: string, inner = '', codable = true): string => `<Code guid="${g(id)}" name="${name}" isCodable="${codable}">${inner}</Code>`;

/** Codes and their passages in a study file, as `code: passage` lines sorted. */
function codedPassages(content: string): string[] {
  const plain = studyPlainText(content);
  return plain.segments.flatMap((segment) => segment.codes.map((name) => `${name}: ${plain.text.slice(...plain.plainRange(segment))}`)).sort();
}

describe('REFI-QDA import', () => {
  it('imports the qc sample (demo.qdpx): every coded selection on the same text', async function () {
    const sample = requireSample(this, 'demo.qdpx');
    const data = readFileSync(sample);
    const { result, review, file } = await importInto(data);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(review.index.studies().map((study) => study.id), ['admin-1', 'board_2017']);
    assert.equal(result.codeCount, 262);
    assert.equal(review.index.problems().filter((problem) => problem.severity === 'error').length, 0);
    const zip = readZipSafely(data);
    const qde = parseXmlSafely(new TextDecoder().decode(zip.read('project.qde')), 'Project', 'project.qde');
    const board = children(child(qde, 'Sources'), 'TextSource').find((candidate) => attribute(candidate, 'plainTextPath') === 'board_2017.txt')!;
    const points = [...new TextDecoder().decode(zip.read('sources/board_2017.txt'))];
    const tagOf = new Map<string, string>();
    const walk = (codes: ReturnType<typeof children>, prefix: string[]): void => codes.forEach((item) => {
      const levels = [...prefix, attribute(item, 'name')!];
      tagOf.set(attribute(item, 'guid')!, levels.join('/'));
      walk(children(item, 'Code'), levels);
    });
    walk(children(child(child(qde, 'CodeBook'), 'Codes'), 'Code'), []);
    const expected = children(board, 'PlainTextSelection').flatMap((item) => {
      const text = points.slice(Number(attribute(item, 'startPosition')), Number(attribute(item, 'endPosition'))).join('').trim();
      return children(item, 'Coding').map((coding) => `${tagOf.get(attribute(child(coding, 'CodeRef'), 'targetGUID')!)}: ${text}`);
    });
    assert.equal(expected.length >= 158, true);
    assert.deepEqual(codedPassages(file('studies/board_2017.md')), expected.sort());
  });

  it('imports the NVivo sample (nvivo.qdpx): users, code tree, sources from internal:// text', async function () {
    const sample = requireSample(this, 'nvivo.qdpx');
    const { result, review, file } = await importInto(readFileSync(sample));
    assert.deepEqual(result.problems, []);
    assert.equal(result.studyCount, 2);
    assert.deepEqual(review.config.reviewers, ['chrisp (CP)', 'cp (C)']);
    assert.equal(review.index.codes().length, 262);
    const tags = review.index.codes().map((item) => item.name);
    assert.ok(tags.includes('rq1_definition/competencies/programming') && tags.includes('rq1_definition/framings/cs_as_programming/programming'), 'same names under different parents stay apart');
    assert.equal(review.index.problems().filter((problem) => problem.severity !== 'info').length, 0);
    assert.match(file('codebook.md'), /^# rq1_definition\n\n- #rq1_definition\n/m);
    assert.match(file('import-report.md'), /its plain text is empty, so studies\/[\w-]+\.md has no text \(the rich text internal:\/\/[\w-]+\.docx is not read\)/);
  });

  it('accepts any single .qde name (ATLAS.ti names it after the project), and only one', () => {
    const xml = project(code(1, 'a'), source('s', 'text', selection(5, 0, 4, 1)));
    assert.equal(importQdpx(qdpx(xml, {}, 'My Project.qde')).studyCount, 1);
    assert.throws(() => importQdpx(zipSync({ 'a.qde': new TextEncoder().encode(xml), 'b.qde': new TextEncoder().encode(xml) })), /several \.qde files/);
    assert.throws(() => importQdpx(zipSync({ 'readme.txt': new Uint8Array(1) })), /no \.qde project file/);
  });

  it('places selections by code points, emoji and 𝒳 counted once', async () => {
    const text = 'I 😀 love 𝒳 maths 😀!';
    const { file, result } = await importInto(qdpx(project(code(1, 'x') + code(2, 'y'), source('emoji', text, selection(5, 4, 10, 1) + selection(6, 11, 19, 2)))));
    assert.deepEqual(result.problems, []);
    assert.match(file('studies/emoji.md'), /I 😀 \[love 𝒳\]\{#x\} \[maths 😀!\]\{#y\}/);
  });

  it('nests selections, and splits overlapping ones into nesting pieces with a note', async () => {
    const text = 'alpha beta gamma delta';
    const xml = project(code(1, 'a') + code(2, 'b') + code(3, 'c'), source('overlap', text, selection(5, 0, 16, 1) + selection(6, 6, 22, 2) + selection(7, 6, 10, 3)));
    const { file, result } = await importInto(qdpx(xml));
    assert.deepEqual(result.problems, []);
    assert.match(file('studies/overlap.md'), /\[alpha \[\[beta\]\{#c\} gamma\]\{#b\}\]\{#a\} \[delta\]\{#b\}/);
    assert.deepEqual(codedPassages(file('studies/overlap.md')), ['a: alpha beta gamma', 'b: beta gamma', 'b: delta', 'c: beta']);
    assert.match(file('import-report.md'), /## Selections split where they overlap another without nesting[^\n]*\(1\)\n\n- TextSource "overlap", "beta gamma delta" \(6–22\)/);
  });

  it('splits an overlap inside a blockquote without taking in the quote marker', () => {
    const xml = project(code(1, 'a') + code(2, 'b'), source('quote', '&gt; aa bb\n&gt; cc dd', selection(5, 2, 7, 1) + selection(6, 5, 15, 2)));
    const content = importQdpx(qdpx(xml)).files.find((file) => file.path === 'studies/quote.md')!.content;
    assert.match(content, /\n> \[aa \[bb\]\{#b\}\]\{#a\}\n> \[cc dd\]\{#b\}$/);
  });

  it('splits a selection at paragraph breaks and turns whole-block selections into block tags', async () => {
    const text = 'one two\n\nthree four\n\n> a quoted paragraph';
    const xml = project(code(1, 'x') + code(2, 'q'), source('blocks', text, selection(5, 4, 14, 1) + selection(6, 21, 41, 2)));
    const { file } = await importInto(qdpx(xml));
    assert.match(file('studies/blocks.md'), /one \[two\]\{#x\}\n\n\[three\]\{#x\} four\n\n> a quoted paragraph #q/);
    assert.match(file('import-report.md'), /split at paragraph breaks/);
    const study = parseStudy('studies/blocks.md', file('studies/blocks.md'));
    assert.deepEqual(study.segments.map((segment) => `${segment.kind} ${segment.order} ${segment.codes.join()}`), ['span second x', 'span second x', 'block first q']);
  });

  it('escapes imported text so it cannot become tag syntax', async () => {
    const text = 'Use #hashtag, [brackets]{#not} and a \\ back &lt;b&gt;html&lt;/b&gt; `code #x` C# [end';
    const plainText = 'Use #hashtag, [brackets]{#not} and a \\ back <b>html</b> `code #x` C# [end';
    const xml = project(code(1, 'real'), source('escape', text, selection(5, 14, 30, 1)));
    const { file, review } = await importInto(qdpx(xml));
    const content = file('studies/escape.md');
    assert.match(content, /Use \\#hashtag, \[\\\[brackets\\\]\{\\#not\}\]\{#real\} and a \\\\ back \\<b>html\\<\/b> `code #x` C# \\\[end/);
    assert.deepEqual(review.index.codes().filter((item) => item.segmentCount > 0).map((item) => item.name), ['real']);
    assert.equal(studyPlainText(content).text, plainText);
  });

  it('names tags validly and uniquely: kebab-case, a letter first, parent/child under codable parents', async () => {
    const codes = code(1, 'Living with uncertainty', code(2, 'Waiting for results') + code(3, 'Parent code', code(4, '2nd opinion')), false) + code(5, 'Other theme', code(6, 'Waiting for results'), false) + code(7, 'keep_me');
    const { file, review } = await importInto(qdpx(project(codes, source('s', 'text', selection(9, 0, 4, 4)))));
    assert.deepEqual(review.index.codes().map((item) => item.name), ['keep_me', 'waiting-for-results', 'parent-code', 'parent-code/code-2nd-opinion', 'waiting-for-results-2']);
    assert.deepEqual(review.index.allThemes().map((theme) => theme.path.join(' > ')), ['Living with uncertainty', 'Living with uncertainty > Parent code', 'Other theme']);
    assert.match(file('import-report.md'), /Other theme › Waiting for results → `#waiting-for-results-2`/);
  });

  it('writes variables (and case variables) as front matter', async () => {
    const variables = '<Variables><Variable guid="' + g(60) + '" name="year" typeOfVariable="Integer"/><Variable guid="' + g(61) + '" name="perspective" typeOfVariable="Text"><Description>List: values are joined with "; ".</Description></Variable><Variable guid="' + g(62) + '" name="casp.aims" typeOfVariable="Text"/><Variable guid="' + g(63) + '" name="funded" typeOfVariable="Boolean"/><Variable guid="' + g(64) + '" name="site" typeOfVariable="Text"/></Variables>';
    const value = (variable: number, element: string, text: string): string => `<VariableValue><VariableRef targetGUID="${g(variable)}"/><${element}>${text}</${element}></VariableValue>`;
    const cases = `<Cases><Case guid="${g(70)}" name="Site A">${value(64, 'TextValue', 'Leeds')}<SourceRef targetGUID="${g(901)}"/></Case></Cases>`;
    const xml = project(code(1, 'a'), source('s', 'text', '', value(60, 'IntegerValue', '2004') + value(61, 'TextValue', 'recipients; peer workers') + value(62, 'TextValue', 'yes') + value(63, 'BooleanValue', 'true')), variables + cases);
    const { review } = await importInto(qdpx(xml));
    assert.deepEqual(review.index.studies()[0].attributes, { site: 'Leeds', year: 2004, perspective: ['recipients', 'peer workers'], casp: { aims: 'yes' }, funded: true });
  });

  it('reads PDF representations, and skips sources without plain text with a note', async () => {
    const sources = `<TextSource guid="${g(40)}" name="only-docx" richTextPath="internal://${g(40)}.docx"/>` +
      `<TextSource guid="${g(41)}" name="outside" plainTextPath="absolute:///etc/passwd"/>` +
      `<PictureSource guid="${g(42)}" name="photo" path="internal://p.png"/>` +
      `<PDFSource guid="${g(43)}" name="paper"><PDFSelection guid="${g(44)}" page="1" firstX="0" firstY="0" secondX="9" secondY="9"/><Representation guid="${g(45)}" plainTextPath="internal://${g(45)}.txt">${selection(46, 0, 5, 1)}</Representation></PDFSource>`;
    const { result, review, file } = await importInto(qdpx(project(code(1, 'a'), sources), { [`${g(45)}.txt`]: 'Hello from the PDF' }));
    assert.deepEqual(review.index.studies().map((study) => study.id), ['paper']);
    assert.deepEqual(codedPassages(file('studies/paper.md')), ['a: Hello']);
    const report = result.report;
    assert.match(report, /TextSource "only-docx": it has no plain text/);
    assert.match(report, /TextSource "outside": its text is a file outside the archive \(absolute:\/\/\/etc\/passwd\), which is not read/);
    assert.match(report, /PictureSource "photo": only text sources become studies/);
    assert.match(report, /PDFSource "paper": 1 area selections/);
  });

  it('carries memos and coders into span attributes, escaped', async () => {
    const users = `<Users><User guid="${g(80)}" name="Jo" id="JB"/><User guid="${g(81)}" name="Sam"/></Users>`;
    const notes = `<Notes><Note guid="${g(82)}" name="memo"><PlainTextContent>Said "twice" {really} \\ here</PlainTextContent></Note></Notes>`;
    const coded = `<PlainTextSelection guid="${g(83)}" startPosition="0" endPosition="5"><Coding guid="${g(84)}" creatingUser="${g(80)}"><CodeRef targetGUID="${g(1)}"/></Coding><Coding guid="${g(85)}" creatingUser="${g(81)}"><CodeRef targetGUID="${g(2)}"/></Coding><NoteRef targetGUID="${g(82)}"/></PlainTextSelection>`;
    const xml = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">${users}<CodeBook><Codes>${code(1, 'a')}${code(2, 'b')}</Codes></CodeBook><Sources>${source('s', 'words here', coded)}</Sources>${notes}</Project>`;
    const { file, review } = await importInto(qdpx(xml));
    assert.match(file('studies/s.md'), /\[\[words\]\{#b coder="Sam"\}\]\{#a coder="JB" memo="Said \\"twice\\" \(really\) \\\\ here"\}/);
    const segments = review.index.studies()[0].segments;
    assert.deepEqual(segments.map((segment) => segment.attributes), [{ coder: 'JB', memo: 'Said "twice" (really) \\ here' }, { coder: 'Sam' }]);
    assert.deepEqual(review.config.reviewers, ['Jo (JB)', 'Sam']);
  });

  it('keeps descriptions and colours of code groups, and makes other sets into themes', async () => {
    const codes = `<Code guid="${g(1)}" name="Theme" isCodable="false" color="#12ab34"><Description>About the theme.\n\n# not a heading</Description>${code(2, 'leaf', '<Description>A leaf\n code.</Description>')}</Code>` + code(3, 'other');
    const sets = `<Sets><Set guid="${g(50)}" name="CERQual finding 1"><MemberCode targetGUID="${g(2)}"/><MemberCode targetGUID="${g(3)}"/></Set></Sets>`;
    const { file, review } = await importInto(qdpx(project(codes, source('s', 'text', ''), '').replace('</Sources>', `</Sources>${sets}`)));
    assert.equal(file('codebook.md').split('---\n')[2], '\n- #other\n\n# Theme\n\nAbout the theme.\n\n\\# not a heading\n\nColour: #12AB34\n\n- #leaf: A leaf\\\n  code.\n\n# CERQual finding 1\n\n- #leaf\n- #other\n');
    assert.deepEqual(review.index.getCode('leaf')?.themes, [['Theme'], ['CERQual finding 1']]);
    assert.equal(review.index.getCode('leaf')?.definitions[0].plainDefinition, 'A leaf\ncode.', 'the line break is a hard break, kept');
    assert.equal(review.index.themes()[0].color, '#12AB34');
  });
});
