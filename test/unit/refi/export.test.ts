import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CodePointIndex } from '../../../src/core/refi/codePoints';
import { exportCodebookQdc } from '../../../src/core/refi/exportCodebook';
import { exportProjectQdpx, type QdpxExport } from '../../../src/core/refi/exportProject';
import { studyPlainText } from '../../../src/core/refi/plainText';
import { attribute, child, children, parseXmlSafely, textContent, type XmlElement } from '../../../src/core/refi/xml';
import { readZipSafely } from '../../../src/core/refi/zipRead';
import { parseCodebook } from '../../../src/core/codebook';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { demoOrFixture, FIXTURE, openReview, requireSchemas, tempDir, validate } from './helpers';

const decode = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

/** Every `<Code>` below an element, depth first. */
function allCodes(element: XmlElement | undefined): XmlElement[] {
  return children(element, 'Code').flatMap((code) => [code, ...allCodes(code)]);
}

function codeNamed(root: XmlElement, name: string): XmlElement {
  const found = allCodes(child(root, 'Codes') ?? child(child(root, 'CodeBook'), 'Codes')).find((code) => attribute(code, 'name') === name);
  assert.ok(found, `no code named ${name}`);
  return found;
}

describe('REFI-QDA export', function () {
  this.timeout(20_000); // whole-review exports and xmllint runs: seconds on a busy 2-core machine
  let fixture: QdpxExport;
  let project: XmlElement;
  before(async () => {
    fixture = await exportProjectQdpx(await openReview(FIXTURE));
    project = parseXmlSafely(fixture.projectXml, 'Project', 'project.qde');
  });

  it('writes a .qdc that validates against Codebook.xsd (fixture and demo)', async function () {
    requireSchemas(this);
    for (const dir of [FIXTURE, demoOrFixture()]) {
      const result = validate(exportCodebookQdc((await openReview(dir)).index), 'Codebook.xsd');
      assert.ok(result.ok, result.output);
    }
  });

  it('writes a project.qde that validates against Project.xsd (fixture and demo)', async function () {
    requireSchemas(this);
    const demo = await exportProjectQdpx(await openReview(demoOrFixture()));
    for (const xml of [fixture.projectXml, demo.projectXml, decode(readZipSafely(demo.data).read('project.qde'))]) {
      const result = validate(xml, 'Project.xsd');
      assert.ok(result.ok, result.output);
    }
  });

  it('has validation that fails on a deliberately invalid file', async function () {
    requireSchemas(this);
    const qdc = exportCodebookQdc((await openReview(FIXTURE)).index);
    const broken = validate(qdc.replace(/ isCodable="true"/, ''), 'Codebook.xsd');
    assert.equal(broken.ok, false);
    assert.match(broken.output, /isCodable/);
    assert.equal(validate(fixture.projectXml.replace(/startPosition="\d+"/, 'startPosition="early"'), 'Project.xsd').ok, false);
    assert.equal(validate(qdc.replace('color="#AA3300"', 'color="red"'), 'Codebook.xsd').ok, false);
  });

  it('files themes as non-codable parents and codes as codable children with their definitions', async () => {
    const qdc = parseXmlSafely(exportCodebookQdc((await openReview(FIXTURE)).index), 'CodeBook', 'codebook.qdc');
    const theme = codeNamed(qdc, 'Living with uncertainty');
    assert.equal(attribute(theme, 'isCodable'), 'false');
    assert.equal(attribute(theme, 'color'), '#AA3300', '#a30 widened to #RRGGBB');
    assert.match(textContent(child(theme, 'Description')), /Analytical theme about waiting\.\n\nCERQual: moderate — two studies only\./);
    const waiting = codeNamed(qdc, 'waiting');
    assert.equal(attribute(waiting, 'isCodable'), 'true');
    assert.equal(textContent(child(waiting, 'Description')), 'Participants describe waiting for results.');
    assert.ok(children(codeNamed(qdc, 'Waiting'), 'Code').includes(waiting), 'filed under its theme');
    assert.equal(attribute(codeNamed(qdc, 'Coping'), 'color'), '#00AA55');
    for (const loose of ['loose-code', 'undefined-code']) assert.ok(children(child(qdc, 'Codes'), 'Code').some((code) => attribute(code, 'name') === loose), `${loose} at the top`);
  });

  it('files a code under two themes once, and names the other theme in a Set', async () => {
    const qdc = parseXmlSafely(exportCodebookQdc((await openReview(FIXTURE)).index), 'CodeBook', 'codebook.qdc');
    const hopes = allCodes(child(qdc, 'Codes')).filter((code) => attribute(code, 'name') === 'hope');
    assert.equal(hopes.length, 1);
    const sets = children(child(qdc, 'Sets'), 'Set');
    assert.deepEqual(sets.map((set) => attribute(set, 'name')), ['Living with uncertainty / Coping']);
    assert.deepEqual(children(sets[0], 'MemberCode').map((member) => attribute(member, 'guid')), [attribute(hopes[0], 'guid')]);
    assert.equal(children(child(project, 'Sets'), 'Set').length, 1, 'the project has the set too');
  });

  it('zips project.qde and one plain text per study, which is the study without front matter and tags', async () => {
    const zip = readZipSafely(fixture.data);
    const sources = children(child(project, 'Sources'), 'TextSource');
    assert.deepEqual(zip.names, ['project.qde', ...sources.map((source) => `sources/${attribute(source, 'guid')}.txt`)]);
    const emoji = sources.find((source) => attribute(source, 'name') === 'emoji-2020')!;
    assert.equal(attribute(emoji, 'plainTextPath'), `internal://${attribute(emoji, 'guid')}.txt`);
    const text = decode(zip.read(`sources/${attribute(emoji, 'guid')}.txt`));
    assert.equal(text, studyPlainText(readFileSync(path.join(FIXTURE, 'studies/emoji.md'), 'utf8')).text);
    assert.ok(text.startsWith('## Findings 😀\n') && !text.includes('{#') && !text.includes('#waiting') && !text.includes('citation:'));
    assert.match(text, /They wrote #not-a-tag, \[sic\] brackets, C# code and `#inline-code`/);
  });

  it('gives selections in code points of the plain text, emoji and 𝒳 counted once', () => {
    const zip = readZipSafely(fixture.data);
    const emoji = children(child(project, 'Sources'), 'TextSource').find((source) => attribute(source, 'name') === 'emoji-2020')!;
    const text = decode(zip.read(`sources/${attribute(emoji, 'guid')}.txt`));
    const points = [...text];
    const passages = children(emoji, 'PlainTextSelection').map((selection) => points.slice(Number(attribute(selection, 'startPosition')), Number(attribute(selection, 'endPosition'))).join(''));
    assert.deepEqual(passages, ['"I waited 😀 for 𝒳 weeks." (participant)', 'first 😀 span', 'outer inner 𝒳 tail', 'inner 𝒳', 'item one', 'item two']);
    const index = new CodePointIndex(text);
    const first = children(emoji, 'PlainTextSelection')[1];
    assert.equal(text.slice(index.toUtf16(Number(attribute(first, 'startPosition')))).slice(0, 5), 'first');
    assert.notEqual(Number(attribute(first, 'startPosition')), text.indexOf('first'), 'UTF-16 offsets would be wrong here');
  });

  it('codes each selection with one Coding per code, coders as users and memos as notes', () => {
    const users = children(child(project, 'Users'), 'User').map((user) => [attribute(user, 'name'), attribute(user, 'id')]);
    assert.deepEqual(users, [['Jo Bellweather', 'JB'], ['Priya Raman', undefined], ['PR', 'PR']]);
    const emoji = children(child(project, 'Sources'), 'TextSource').find((source) => attribute(source, 'name') === 'emoji-2020')!;
    const first = children(emoji, 'PlainTextSelection')[1];
    const jo = children(child(project, 'Users'), 'User')[0];
    assert.equal(attribute(child(first, 'Coding'), 'creatingUser'), attribute(jo, 'guid'), 'coder="jb" is Jo Bellweather (JB)');
    assert.equal(attribute(child(child(first, 'Coding'), 'CodeRef'), 'targetGUID'), attribute(codeNamed(project, 'hope'), 'guid'));
    const note = children(child(project, 'Notes'), 'Note').find((candidate) => attribute(candidate, 'guid') === attribute(child(first, 'NoteRef'), 'targetGUID'));
    assert.equal(textContent(child(note, 'PlainTextContent')), 'Note with "quotes" and 𝒳');
    const plain = children(child(project, 'Sources'), 'TextSource').find((source) => attribute(source, 'name') === 'plain')!;
    const both = children(plain, 'PlainTextSelection')[0];
    assert.deepEqual(children(both, 'Coding').map((coding) => attribute(child(coding, 'CodeRef'), 'targetGUID')), [attribute(codeNamed(project, 'coping/humour'), 'guid'), attribute(codeNamed(project, 'hope'), 'guid')]);
  });

  it('exports study attributes as typed variables', () => {
    const variables = new Map(children(child(project, 'Variables'), 'Variable').map((variable) => [attribute(variable, 'name'), variable]));
    const type = (name: string): string | undefined => attribute(variables.get(name), 'typeOfVariable');
    assert.equal(type('year'), 'Integer', '2020 and "2019" are whole numbers');
    assert.equal(type('participants'), 'Text', '"about 30" is not');
    assert.equal(type('weight'), 'Float');
    assert.equal(type('funded'), 'Boolean');
    assert.equal(type('casp.aims'), 'Text');
    assert.equal(variables.has('id'), false);
    assert.match(textContent(child(variables.get('perspective'), 'Description')), /joined with "; "/);
    const emoji = children(child(project, 'Sources'), 'TextSource').find((source) => attribute(source, 'name') === 'emoji-2020')!;
    const value = (name: string): string | undefined => {
      const found = children(emoji, 'VariableValue').find((candidate) => attribute(child(candidate, 'VariableRef'), 'targetGUID') === attribute(variables.get(name), 'guid'));
      return found && textContent(child(found, 'IntegerValue') ?? child(found, 'TextValue') ?? child(found, 'FloatValue') ?? child(found, 'BooleanValue'));
    };
    assert.deepEqual([value('year'), value('perspective'), value('weight'), value('funded'), value('casp.ethics')], ['2020', 'recipients; peer workers', '0.5', 'true', 'cant-tell']);
  });

  it('exports an unchanged review to byte-identical files', async () => {
    const review = await openReview(demoOrFixture());
    const [first, second] = [await exportProjectQdpx(review), await exportProjectQdpx(await openReview(demoOrFixture()))];
    assert.ok(Buffer.from(first.data).equals(Buffer.from(second.data)));
    assert.equal(exportCodebookQdc(review.index), exportCodebookQdc(review.index));
  });

  it('keeps GUIDs stable when another study changes', async () => {
    const copy = tempDir();
    cpSync(FIXTURE, copy, { recursive: true });
    const before = parseXmlSafely((await exportProjectQdpx(await openReview(copy))).projectXml, 'Project', 'before');
    writeFileSync(path.join(copy, 'studies/plain.md'), readFileSync(path.join(copy, 'studies/plain.md'), 'utf8').replace('Nothing special', 'Something new'));
    const after = parseXmlSafely((await exportProjectQdpx(await openReview(copy))).projectXml, 'Project', 'after');
    const guidsOf = (root: XmlElement, name: string): string[] => {
      const source = children(child(root, 'Sources'), 'TextSource').find((candidate) => attribute(candidate, 'name') === name)!;
      return [attribute(source, 'guid')!, ...children(source, 'PlainTextSelection').map((selection) => attribute(selection, 'guid')!)];
    };
    assert.deepEqual(allCodes(child(child(after, 'CodeBook'), 'Codes')).map((code) => attribute(code, 'guid')), allCodes(child(child(before, 'CodeBook'), 'Codes')).map((code) => attribute(code, 'guid')));
    assert.deepEqual(guidsOf(after, 'emoji-2020'), guidsOf(before, 'emoji-2020'));
    assert.notDeepEqual(guidsOf(after, 'plain'), guidsOf(before, 'plain'), 'the changed study\'s selections moved');
  });

  it('exports display names as code names, a theme led by its own code as one codable parent, definitions with their line breaks', () => {
    const index = new ReviewIndex();
    index.setCodebook(parseCodebook('codebook.md', '# 1. Oltás típusa\n\n- #vax **1. Oltás típusa**: COVID vagy\\\n  nem COVID\n- #vax/covid **COVID**\n\n## Deeper\n\n- #deep\n\n# Plain theme\n\n- #plain\n'));
    const qdc = parseXmlSafely(exportCodebookQdc(index), 'CodeBook', 'c.qdc');
    const parent = codeNamed(qdc, '1. Oltás típusa');
    assert.equal(attribute(parent, 'isCodable'), 'true');
    assert.equal(textContent(child(parent, 'Description')), 'COVID vagy\nnem COVID');
    assert.deepEqual(children(parent, 'Code').map((item) => [attribute(item, 'name'), attribute(item, 'isCodable')]), [['COVID', 'true'], ['Deeper', 'false']]);
    assert.equal(attribute(codeNamed(qdc, 'Plain theme'), 'isCodable'), 'false', 'a theme whose first code has another name stays a theme');
    assert.deepEqual(allCodes(child(qdc, 'Codes')).map((item) => attribute(item, 'name')), ['1. Oltás típusa', 'COVID', 'Deeper', 'deep', 'Plain theme', 'plain']);
  });

  it('refuses to export an empty codebook as .qdc', () => {
    assert.throws(() => exportCodebookQdc(new ReviewIndex()), /no themes and no codes/);
  });
});
