/**
 * What other tools really write, and what their readers really need: each finding of
 * issue 18 as a test on a hand-made project that has exactly that trait.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { exportProjectQdpx } from '../../../src/core/refi/exportProject';
import { importQdpx, type ImportResult } from '../../../src/core/refi/importProject';
import { studyPlainText } from '../../../src/core/refi/plainText';
import { writeImportedReview } from '../../../src/node/refi/reviewFolder';
import { attribute, child, children, parseXmlSafely, type XmlElement } from '../../../src/core/refi/xml';
import { readZipSafely } from '../../../src/core/refi/zipRead';
import { crc32 } from '../../../src/core/refi/crc32';
import { runCli } from '../runCli';
import { g, openReview, project, qdpx, tempDir } from './helpers';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const code = (id: number, name: string, inner = '', codable = true): string => `<Code guid="${g(id)}" name="${name}" isCodable="${codable}">${inner}</Code>`;
const selection = (id: number, start: number, end: number, codeId: number): string => `<PlainTextSelection guid="${g(id)}" startPosition="${start}" endPosition="${end}"><Coding guid="${g(id + 500)}"><CodeRef targetGUID="${g(codeId)}"/></Coding></PlainTextSelection>`;
const textSource = (id: number, name: string, text: string, selections = ''): string => `<TextSource guid="${g(id)}" name="${name}"><PlainTextContent>${text}</PlainTextContent>${selections}</TextSource>`;
const study = (result: ImportResult, name: string): string => result.files.find((file) => file.path === `studies/${name}.md`)!.content;

/** A study file's text as the study reads (its plain text) and its coded passages. */
function passages(content: string): string[] {
  const plain = studyPlainText(content);
  return plain.segments.map((segment) => `${segment.codes.join(' ')}: ${plain.text.slice(...plain.plainRange(segment))}`);
}

async function exportOf(dir: string): Promise<{ xml: XmlElement; texts: string[] }> {
  const exported = await exportProjectQdpx(await openReview(dir));
  const zip = readZipSafely(exported.data);
  return { xml: parseXmlSafely(exported.projectXml, 'Project', 'project.qde'), texts: zip.names.filter((name) => name.startsWith('sources/')).map((name) => new TextDecoder().decode(zip.read(name))) };
}

describe('REFI-QDA as other tools write it (issue 18)', () => {
  it('finds sources under NVivo for Windows\' `Sources/` (archive names ignore case), and refuses names that differ only in case', () => {
    const xml = project(code(1, 'a'), `<TextSource guid="${g(2)}" name="s" plainTextPath="internal://s.txt">${selection(3, 0, 5, 1)}</TextSource>`, '', 'NVivo for Windows 12.6');
    const result = importQdpx(zipSync({ 'project.qde': bytes(xml), 'Sources/s.txt': bytes('Hello world') }));
    assert.equal(result.studyCount, 1);
    assert.deepEqual(passages(study(result, 's')), ['a: Hello']);
    const ambiguous = zipSync({ 'project.qde': bytes(xml), 'Sources/s.txt': bytes('one'), 'SOURCES/s.txt': bytes('two') });
    assert.throws(() => importQdpx(ambiguous), /differ only in case; refusing to guess/);
  });

  it('checks the CRC-32 of every entry', () => {
    assert.equal(crc32(bytes('The quick brown fox jumps over the lazy dog')), 0x414fa339);
    // A fixed mtime, and the stored bytes found as a sequence: a lone 0x68 can also be a byte of the
    // header's DOS time, which made this test fail at some hours of the day.
    const archive = zipSync({ 'sources/a.txt': [bytes('hello world'), { level: 0, mtime: new Date('2020-01-01T00:00:00Z') }] });
    const damaged = archive.slice();
    const stored = Buffer.from(archive).indexOf('hello world');
    assert.ok(stored > 0, 'the entry is stored uncompressed');
    damaged[stored] = 0x6a; // "hello" → "jello", sizes unchanged
    assert.equal(new TextDecoder().decode(readZipSafely(archive).read('sources/a.txt')), 'hello world');
    assert.throws(() => readZipSafely(damaged).read('sources/a.txt'), /fails its CRC-32 check/);
  });

  it('reads NVivo for Windows\' UTF-16 offsets as such, detected from the text and the producer, and says so', () => {
    const text = 'Nem tehetik 😡😡 kötelezővé! Csak annak hiszek 🤣 amit én hamisítok.';
    const utf16 = (word: string): [number, number] => [text.indexOf(word), text.indexOf(word) + word.length];
    const points = (word: string): [number, number] => [[...text.slice(0, text.indexOf(word))].length, [...text.slice(0, text.indexOf(word))].length + [...word].length];
    const selections = (at: (word: string) => [number, number]): string => ['kötelezővé', 'hiszek', 'hamisítok'].map((word, index) => selection(10 + index, ...at(word), 1)).join('');
    const nvivo = importQdpx(qdpx(project(code(1, 'a'), textSource(2, 's', text, selections(utf16)), '', 'NVivo for Windows 12.6')));
    assert.deepEqual(passages(study(nvivo, 's')), ['a: kötelezővé', 'a: hiszek', 'a: hamisítok']);
    assert.equal(nvivo.offsets.unit, 'utf16');
    assert.match(nvivo.report, /Selection offsets are read as UTF-16 code units, not the Unicode code points REFI-QDA specifies: the project was made by NVivo for Windows 12\.6, and of the 3 selections in texts with emoji .* 3 start and end at word boundaries read as UTF-16 units, 0 read as code points\./);
    const atlas = importQdpx(qdpx(project(code(1, 'a'), textSource(2, 's', text, selections(points)), '', 'ATLAS.ti 23')));
    assert.deepEqual(passages(study(atlas, 's')), ['a: kötelezővé', 'a: hiszek', 'a: hamisítok']);
    assert.equal(atlas.offsets.unit, 'codePoint');
    const plain = importQdpx(qdpx(project(code(1, 'a'), textSource(2, 's', 'no emoji here', selection(3, 3, 8, 1)), '', 'NVivo for Windows 12.6')));
    assert.equal(plain.offsets.unit, 'codePoint');
    assert.match(plain.report, /no coded text has characters outside the Basic Multilingual Plane/);
  });

  it('lists in import-report.md what it drops: document sets, notes nothing refers to, cases, selection edges trimmed of whitespace', () => {
    const extra = `<Cases><Case guid="${g(40)}" name="Site A"><SourceRef targetGUID="${g(2)}"/></Case></Cases>`;
    const after = `<Notes><Note guid="${g(50)}" name="Loose memo"><PlainTextContent>nobody points here</PlainTextContent></Note></Notes><Sets><Set guid="${g(60)}" name="ICLS 2024"><MemberSource targetGUID="${g(2)}"/></Set></Sets>`;
    const xml = project(code(1, 'a'), textSource(2, 's', 'one two three', selection(3, 3, 8, 1)), extra, 'MAXQDA 24').replace('</Sources>', `</Sources>${after}`);
    const result = importQdpx(qdpx(xml));
    assert.deepEqual(passages(study(result, 's')), ['a: two']);
    assert.match(result.report, /## Selections whose edges were trimmed of whitespace[^\n]*\(1\)\n\n- TextSource "s", "two" \(3–8\)/);
    assert.match(result.report, /Set "ICLS 2024": 1 sources or notes \(document sets are not kept/);
    assert.match(result.report, /Note "Loose memo": nothing in the project refers to it/);
    assert.match(result.report, /1 cases: their variable values were applied/);
  });

  it('never writes a NUL (`&#x0;`) or another control character into a study', () => {
    const result = importQdpx(qdpx(project(code(1, 'a'), textSource(2, 's', 'before&#x0;after&#x1;end', selection(3, 0, 6, 1)), '', 'Taguette 1.4')));
    const content = study(result, 's');
    assert.equal(/[\u0000-\u0008]/.test(content), false);
    assert.match(content, /\[before\]\{#a\}\uFFFDafter\uFFFDend/);
    assert.match(result.report, /1 control characters \(NUL, `&#x0;` and the like\) became U\+FFFD/, '&#x1; (&#x0; is U+FFFD as soon as the XML is read)');
  });

  it('keeps a source\'s leading line breaks, so re-exported offsets are the original ones', async () => {
    const text = '\n\nFirst line\nSecond line';
    const result = importQdpx(qdpx(project(code(1, 'a'), textSource(2, 's', text, selection(3, 2, 7, 1)), '', 'NVivo 14')));
    const dir = path.join(tempDir(), 'r');
    await writeImportedReview(dir, result.files);
    const { xml, texts } = await exportOf(dir);
    assert.deepEqual(texts, [text]);
    const exported = children(child(xml, 'Sources'), 'TextSource')[0];
    assert.deepEqual(children(exported, 'PlainTextSelection').map((item) => `${attribute(item, 'startPosition')}-${attribute(item, 'endPosition')}`), ['2-7']);
  });

  it('reads other tools\' plain text as plain text: nothing in it becomes Markdown, and it exports back unchanged', async () => {
    const text = '1. Hitler said *this*\n# not a heading\n> not a quote\n- not a list, `not code`, snake_case, _edge_ and AT&amp;amp;T\n```\nnot a fence';
    const plainText = text.replace('&amp;amp;', '&amp;');
    const result = importQdpx(qdpx(project(code(1, 'a'), textSource(2, 's', text, selection(3, 0, 21, 1)), '', 'NVivo for Windows 12.6')));
    const content = study(result, 's');
    assert.match(content, /^plain-text: true$/m);
    assert.match(content, /\[1\\\. Hitler said \\\*this\\\*\]\{#a\}\n\\# not a heading\n\\> not a quote\n\\- not a list, \\`not code\\`, snake_case, \\_edge\\_ and AT\\&amp;T\n\\`\\`\\`\nnot a fence/);
    assert.equal(studyPlainText(content).text, plainText);
    assert.deepEqual(passages(content), ['a: 1. Hitler said *this*']);
    const dir = path.join(tempDir(), 'r');
    await writeImportedReview(dir, result.files);
    assert.deepEqual((await exportOf(dir)).texts, [plainText]);
  });

  it('exports a study\'s own escapes as the text reads (`\\$`, `\\"`, `2 \\* 3`), keeping only those a re-import needs, and never doubles them', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'studies'));
    writeFileSync(path.join(dir, 'codebook.md'), '# T\n- #a\n');
    const source = '---\nid: s\n---\n\nIt cost \\$5, "\\"quoted\\"", 2 \\* 3 and \\*not emphasis\\* [\\[sic\\]]{#a}.\n\n> \\# 1 priority\n\n1\\. not a list\n';
    writeFileSync(path.join(dir, 'studies/s.md'), source);
    const { texts } = await exportOf(dir);
    assert.deepEqual(texts, ['It cost $5, ""quoted"", 2 * 3 and \\*not emphasis\\* [sic].\n\n> \\# 1 priority\n\n1\\. not a list\n']);
    const again = path.join(tempDir(), 'again');
    await writeImportedReview(again, importQdpx((await exportProjectQdpx(await openReview(dir))).data).files);
    const reimported = readFileSync(path.join(again, 'studies/s.md'), 'utf8');
    assert.match(reimported, /It cost \$5, ""quoted"", 2 \* 3 and \\\*not emphasis\\\* \[\\\[sic\\\]\]\{#a\}\.\n\n> \\# 1 priority\n\n1\\\. not a list\n$/);
    assert.deepEqual((await exportOf(again)).texts, texts, 'the same plain text again');
  });

  it('credits every Coding and PlainTextSelection to a user (qc requires it; QualCoder reads the selection\'s)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'studies'));
    writeFileSync(path.join(dir, 'codebook.md'), '# T\n- #a\n- #b\n');
    writeFileSync(path.join(dir, 'studies/s.md'), 'One [two]{#a} three [four]{#b coder="PR"}.\n');
    const bare = await exportOf(dir);
    const users = children(child(bare.xml, 'Users'), 'User');
    assert.deepEqual(users.map((user) => attribute(user, 'name')), ['QualSynth', 'PR']);
    assert.equal(attribute(bare.xml, 'creatingUserGUID'), attribute(users[0], 'guid'));
    const selections = children(children(child(bare.xml, 'Sources'), 'TextSource')[0], 'PlainTextSelection');
    assert.deepEqual(selections.map((item) => [attribute(item, 'creatingUser'), attribute(child(item, 'Coding'), 'creatingUser')]), [[attribute(users[0], 'guid'), attribute(users[0], 'guid')], [attribute(users[1], 'guid'), attribute(users[1], 'guid')]]);
    writeFileSync(path.join(dir, 'qualsynth.yaml'), 'reviewers: [Jo Bellweather (JB)]\n');
    const named = await exportOf(dir);
    assert.deepEqual(children(child(named.xml, 'Users'), 'User').map((user) => attribute(user, 'name')), ['Jo Bellweather', 'PR'], 'the first reviewer is the default user');
    const reimported = importQdpx((await exportProjectQdpx(await openReview(dir))).data);
    assert.match(reimported.files.find((file) => file.path === 'qualsynth.yaml')!.content, /reviewers:\n {2}- Jo Bellweather \(JB\)\n {2}- PR\n/);
    assert.match(study(reimported, 's'), /One \[two\]\{#a\} three \[four\]\{#b coder="PR"\}\./, 'the default user\'s codings need no coder=');
  });

  it('meets qc\'s reader (cproctor/qualitative-coding refi_qda/reader.py): project.qde at the root, every user and code named, every coding by a known user of a known code, every text source in sources/', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'studies'));
    writeFileSync(path.join(dir, 'codebook.md'), '# Theme\n- #a **Alpha**: first\n');
    writeFileSync(path.join(dir, 'studies/one.md'), 'Some [coded]{#a} text and [more]{#undefined-code coder="x"}.\n');
    const exported = await exportProjectQdpx(await openReview(dir));
    const zip = readZipSafely(exported.data);
    assert.ok(zip.names.includes('project.qde'));
    const xml = parseXmlSafely(new TextDecoder().decode(zip.read('project.qde')), 'Project', 'project.qde');
    const users = new Set(children(child(xml, 'Users'), 'User').map((user) => { assert.ok(attribute(user, 'name')); return attribute(user, 'guid'); }));
    const allCodes = (element: XmlElement | undefined): XmlElement[] => children(element, 'Code').flatMap((item) => [item, ...allCodes(item)]);
    const codes = new Set(allCodes(child(child(xml, 'CodeBook'), 'Codes')).map((item) => { assert.ok(attribute(item, 'name')); return attribute(item, 'guid'); }));
    for (const source of children(child(xml, 'Sources'), 'TextSource')) {
      assert.ok(attribute(source, 'name'));
      assert.ok(zip.read(`sources/${attribute(source, 'plainTextPath')!.replace('internal://', '')}`));
      for (const item of children(source, 'PlainTextSelection')) {
        assert.ok(users.has(attribute(item, 'creatingUser')));
        for (const coding of children(item, 'Coding')) {
          assert.ok(users.has(attribute(coding, 'creatingUser')), 'Coding@creatingUser names a user');
          assert.ok(codes.has(attribute(child(coding, 'CodeRef'), 'targetGUID')), 'CodeRef names a code');
        }
      }
    }
  });

  it('shows excerpts as the reader sees them in index --json, the report and the CSVs: no escapes, the author\'s spaces kept', async () => {
    const text = 'They said: use [a data repository] for *all* data.\n\n« Pourquoi ? » asked one; another said \\*never\\*.';
    const result = importQdpx(qdpx(project(code(1, 'storage'), textSource(2, 's', text.replace(/&/g, '&amp;'), selection(3, text.indexOf('use'), text.indexOf('data.') + 5, 1) + selection(4, text.indexOf('«'), text.indexOf('»') + 1, 1)), '', 'QualCoder 3.6')));
    const dir = path.join(tempDir(), 'r');
    await writeImportedReview(dir, result.files);
    writeFileSync(path.join(dir, 'codebook.md'), '# Storage\n- #storage\n');
    writeFileSync(path.join(dir, 'studies/own.md'), 'Their \\[sic\\] note: [\\#1 priority, \\*always\\*]{#storage} and "Pourquoi ?" #storage\n');
    const index = await runCli('index', '--json', dir);
    const texts = (JSON.parse(index.out) as { segments: Array<{ text: string }> }).segments.map((segment) => segment.text).sort();
    assert.deepEqual(texts, ['#1 priority, *always*', 'Their [sic] note: #1 priority, *always* and "Pourquoi ?"', 'use [a data repository] for *all* data.', '« Pourquoi ? »']);
    // The coded words alone, so the report quotes exactly the passages above.
    assert.equal((await runCli('report', dir, '--format', 'all', '--excerpts', '0', '--excerpt-context', 'words')).code, 0);
    const csv = readFileSync(path.join(dir, 'reports/segments.csv'), 'utf8');
    for (const excerpt of texts) assert.ok(csv.includes(excerpt.includes('"') ? excerpt.replace(/"/g, '""') : excerpt), `segments.csv: ${excerpt}`);
    const report = readFileSync(path.join(dir, 'reports/synthesis.md'), 'utf8');
    assert.ok(report.includes('- « Pourquoi ? » (s,'), 'the French space before ? is kept');
    assert.ok(readFileSync(path.join(dir, 'reports/synthesis.html'), 'utf8').includes('use [a data repository] for *all* data.'), 'the HTML shows the text as the study reads');
    assert.doesNotMatch(report, /\\\\\[a data/, 'no escape left from the import');
  });
});
