/**
 * Memo files ⇄ REFI-QDA notes: the export writes each memo as a `<Note>` attached to its
 * codes, themes, studies and the project; the import turns notes on codes, themes,
 * sources and the project into memo files, and a round trip keeps every memo.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync, unzipSync } from 'fflate';
import type { Memo } from '../../../src/core/memo/memo';
import { parseMemo } from '../../../src/core/memo/memo';
import { exportProjectQdpx } from '../../../src/core/refi/exportProject';
import { importQdpx } from '../../../src/core/refi/importProject';
import { attribute, child, children, parseXmlSafely, textContent, type XmlElement } from '../../../src/core/refi/xml';
import { writeImportedReview } from '../../../src/node/refi/reviewFolder';
import { DEMO, g, openReview, qdpx, requireSchemas, SAMPLES_DIR, tempDir, validate } from './helpers';

/** What a memo says, as compared across a round trip (`about:` names in any order: REFI-QDA has none). */
function memoView(memo: Memo): string {
  return JSON.stringify({
    title: memo.title,
    author: memo.author,
    date: memo.date,
    codes: memo.about.codes.map((target) => target.value).sort(),
    themes: memo.about.themes.map((target) => target.value.join(' > ')).sort(),
    studies: memo.about.studies.map((target) => target.value).sort(),
    review: memo.about.review,
    body: memo.body,
  });
}

/** Every element below `element` (itself included) with the GUIDs of its `NoteRef`s. */
function noteHolders(element: XmlElement, name = 'Project'): Array<{ name: string; label: string; notes: string[] }> {
  const own = children(element, 'NoteRef').map((ref) => attribute(ref, 'targetGUID')!);
  const below = Object.entries(element).flatMap(([key, value]) => (Array.isArray(value) && !key.startsWith('#') && key !== 'NoteRef' ? value.flatMap((item) => noteHolders(item, key)) : []));
  return [{ name, label: attribute(element, 'name') ?? '', notes: own }, ...below];
}

describe('REFI-QDA notes ⇄ memo files', function () {
  this.timeout(30_000); // whole-review exports and xmllint runs on a busy 2-core machine

  before(function () {
    if (!existsSync(path.join(DEMO, 'memos'))) this.skip();
  });

  it('exports each of the demo memos as a Note attached to its codes, themes, studies and the project, valid against Project.xsd', async function () {
    const review = await openReview(DEMO);
    const exported = await exportProjectQdpx(review);
    assert.deepEqual(exported.warnings, []);
    const project = parseXmlSafely(exported.projectXml, 'Project', 'project.qde');
    const notes = children(child(project, 'Notes'), 'Note');
    const holders = noteHolders(project);
    const users = new Map(children(child(project, 'Users'), 'User').map((user) => [attribute(user, 'guid'), attribute(user, 'id')]));
    for (const memo of review.index.memos()) {
      const note = notes.find((candidate) => attribute(candidate, 'name') === memo.title);
      assert.ok(note, `${memo.path}: a note named after its title`);
      const guid = attribute(note, 'guid')!;
      assert.equal(textContent(child(note, 'PlainTextContent')), memo.body, `${memo.path}: the Markdown body`);
      assert.equal(users.get(attribute(note, 'creatingUser')), memo.author, `${memo.path}: the author is the user`);
      assert.equal(attribute(note, 'creationDateTime'), `${memo.date}T00:00:00Z`);
      const on = holders.filter((holder) => holder.notes.includes(guid));
      assert.equal(on.some((holder) => holder.name === 'Project'), memo.about.review, `${memo.path}: on the project only when about the review`);
      for (const study of memo.about.studies) assert.ok(on.some((holder) => holder.name === 'TextSource' && holder.label === study.value), `${memo.path}: on source ${study.value}`);
      for (const theme of memo.about.themes) assert.ok(on.some((holder) => holder.name === 'Code' && holder.label === theme.value[theme.value.length - 1]), `${memo.path}: on theme ${theme.value.join(' > ')}`);
      const codeNames = new Map(review.index.codes().map((code) => [code.name, code.definitions[0]?.displayName ?? code.name]));
      for (const code of memo.about.codes) assert.ok(on.some((holder) => holder.name === 'Code' && holder.label === codeNames.get(code.value)), `${memo.path}: on code ${code.value}`);
    }
    requireSchemas(this);
    const result = validate(exported.projectXml, 'Project.xsd');
    assert.ok(result.ok, result.output);
  });

  it('round trip: every demo memo comes back with its title, about, author, date and body', async () => {
    const review = await openReview(DEMO);
    const imported = importQdpx((await exportProjectQdpx(review)).data);
    assert.equal(imported.memoCount, review.index.memos().length);
    assert.match(imported.report, /- Memos \(memo files from notes on codes, themes, sources and the project\): 8\n/);
    const target = path.join(tempDir(), 'imported');
    await writeImportedReview(target, imported.files);
    const copy = await openReview(target);
    assert.deepEqual(copy.index.memos().map(memoView).sort(), review.index.memos().map(memoView).sort());
    assert.deepEqual(copy.index.problems().filter((problem) => problem.path.startsWith('memos/')), [], 'every memo target exists in the imported review');
    // Span memos stay span memos: the coder disagreement's `memo=` is on its passage, not a memo file.
    assert.match(imported.files.find((file) => file.path === 'studies/kowalczyk-2008.md')!.content, /memo="/);
  });

  it('imports notes on codes, themes, sources and the project as memo files; lists what cannot be carried', () => {
    const users = `<Users><User guid="${g(90)}" name="Ana Ruiz" id="AR"/><User guid="${g(91)}" name="Ben"/></Users>`;
    const codes = `<Code guid="${g(1)}" name="Coping" isCodable="false"><NoteRef targetGUID="${g(50)}"/><Code guid="${g(2)}" name="humour" isCodable="true"><NoteRef targetGUID="${g(51)}"/></Code></Code>`;
    const selection = `<PlainTextSelection guid="${g(20)}" startPosition="0" endPosition="5"><Coding guid="${g(21)}" creatingUser="${g(90)}"><CodeRef targetGUID="${g(2)}"/></Coding><NoteRef targetGUID="${g(53)}"/><NoteRef targetGUID="${g(59)}"/></PlainTextSelection>`;
    const source = `<TextSource guid="${g(10)}" name="Interview 1" plainTextPath="internal://${g(10)}.txt">${selection}<NoteRef targetGUID="${g(52)}"/></TextSource>`;
    const note = (n: number, name: string, text: string, extra = ''): string => `<Note guid="${g(n)}" name="${name}" creatingUser="${g(90)}" creationDateTime="2021-03-04T10:22:11Z"${extra}><PlainTextContent>${text}</PlainTextContent></Note>`;
    const notes = [
      note(50, 'On coping', '# not a heading\n\n#1 priority *here*'),
      note(51, 'On humour', 'Jokes.'),
      note(52, 'Interview memo', 'Tired participant.'),
      note(53, 'Passage note', 'short annotation'),
      note(54, 'Project journal', 'We met.'),
      note(55, 'In a set', 'Set member.'),
      note(56, 'Loose', 'Floating.'),
      `<Note guid="${g(57)}" name="PDF only" richTextPath="internal://x.pdf"/>`,
      note(58, 'On humour', 'Second note, same title.'),
      note(59, 'Long passage note', 'First paragraph.\n\nSecond paragraph.'),
    ].join('');
    const xml = `<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="MAXQDA 24" creatingUserGUID="${g(90)}">${users}<CodeBook><Codes>${codes.replace(`<NoteRef targetGUID="${g(51)}"/>`, `<NoteRef targetGUID="${g(51)}"/><NoteRef targetGUID="${g(58)}"/>`)}</Codes></CodeBook><Sources>${source}</Sources><Notes>${notes}</Notes><Sets><Set guid="${g(60)}" name="Journal"><MemberNote targetGUID="${g(55)}"/><MemberNote targetGUID="${g(57)}"/></Set></Sets><NoteRef targetGUID="${g(54)}"/></Project>`;
    const result = importQdpx(qdpx(xml, { [`${g(10)}.txt`]: 'Words said here.' }));
    const memos = new Map(result.files.filter((file) => file.path.startsWith('memos/')).map((file) => [file.path, parseMemo(file.path, file.content)]));
    assert.deepEqual([...memos.keys()], ['memos/on-coping.md', 'memos/on-humour.md', 'memos/interview-memo.md', 'memos/project-journal.md', 'memos/in-a-set.md', 'memos/loose.md', 'memos/on-humour-2.md', 'memos/long-passage-note.md']);
    const view = (file: string): string => memoView(memos.get(file)!);
    // Several paragraphs do not fit a one-line memo=: a memo about the passage's study and codes.
    assert.equal(view('memos/long-passage-note.md'), JSON.stringify({ title: 'Long passage note', author: 'AR', date: '2021-03-04', codes: ['humour'], themes: [], studies: ['Interview 1'], review: false, body: 'First paragraph.\n\nSecond paragraph.' }));
    assert.equal(view('memos/on-coping.md'), JSON.stringify({ title: 'On coping', author: 'AR', date: '2021-03-04', codes: [], themes: ['Coping'], studies: [], review: false, body: '\\# not a heading\n\n#1 priority \\*here\\*' }));
    assert.equal(view('memos/on-humour.md'), JSON.stringify({ title: 'On humour', author: 'AR', date: '2021-03-04', codes: ['humour'], themes: [], studies: [], review: false, body: 'Jokes.' }));
    assert.deepEqual(memos.get('memos/interview-memo.md')!.about.studies.map((target) => target.value), ['Interview 1']);
    assert.equal(memos.get('memos/project-journal.md')!.about.review, true);
    assert.match(result.files.find((file) => file.path === 'memos/project-journal.md')!.content, /\nabout: review\n/);
    for (const loose of ['memos/in-a-set.md', 'memos/loose.md']) assert.match(memos.get(loose)!.problems[0].message, /does not say what it is about/);
    // A note on a passage alone stays the span's memo=; the study no longer gets `notes:`.
    const study = result.files.find((file) => file.path === 'studies/Interview-1.md')!.content;
    assert.match(study, /\{#humour memo="short annotation"\}/);
    assert.doesNotMatch(study, /^notes:/m);
    assert.match(result.report, /## Notes kept as memos that do not say what they are about \(2\)\n\n- Note "In a set": it is on Set "Journal", which the review does not keep; its text is in memos\/in-a-set\.md without `about:`/);
    assert.match(result.report, /- Note "Loose": nothing in the project refers to it; its text is in memos\/loose\.md/);
    assert.match(result.report, /- Note "PDF only" \(on Set "Journal"\): it has no plain text/);
  });

  it('imports notes on the real samples\' codes, sources and project (the samples carry none of their own)', function () {
    const file = path.join(SAMPLES_DIR, 'nvivo12win.qdpx');
    if (!existsSync(file)) {
      console.log(`      skipped: sample ${file} is not there (a clone without ../shared)`);
      this.skip();
    }
    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    const qde = Object.keys(entries).find((name) => name.endsWith('.qde'))!;
    let xml = new TextDecoder().decode(entries[qde]);
    // Checked on 2026-12-02: no sample in ../shared/refi-qda/samples has a <Note> (README there).
    for (const sample of readdirSync(SAMPLES_DIR).filter((name) => name.endsWith('.qdpx'))) {
      const zip = unzipSync(new Uint8Array(readFileSync(path.join(SAMPLES_DIR, sample))));
      for (const [name, bytes] of Object.entries(zip)) if (name.endsWith('.qde')) assert.doesNotMatch(new TextDecoder().decode(bytes), /<Note[\s>]/, `${sample} has notes now: test them here`);
    }
    const project = parseXmlSafely(xml, 'Project', qde);
    const deepCode = (function deepest(code: XmlElement, depth: number): { code: XmlElement; depth: number } {
      return children(code, 'Code').map((item) => deepest(item, depth + 1)).reduce((best, item) => (item.depth > best.depth ? item : best), { code, depth });
    })(child(project, 'CodeBook')!.Codes![0] as XmlElement, 0).code;
    const codeGuid = attribute(deepCode, 'guid')!;
    const sourceGuid = attribute(children(child(project, 'Sources'), 'TextSource')[0], 'guid')!;
    const ref = `<NoteRef targetGUID="${g(70)}"/>`;
    const withRef = (element: string, guid: string) => (text: string): string =>
      text.replace(new RegExp(`(<${element} [^>]*guid="${guid}"[^>]*?)(/?)>`), (_match, head: string, selfClosing: string) => (selfClosing ? `${head}>${ref}</${element}>` : `${head}>${ref}`));
    xml = [withRef('Code', codeGuid), withRef('TextSource', sourceGuid)].reduce((text, add) => add(text), xml)
      .replace('</Project>', `${ref}</Project>`)
      .replace(/(<\/Sources>)/, `$1<Notes><Note guid="${g(70)}" name="Emlékeztető 😀"><PlainTextContent>Jegyzet a kódról.</PlainTextContent></Note></Notes>`);
    entries[qde] = new TextEncoder().encode(xml);
    const result = importQdpx(zipSync(entries));
    const memo = result.files.find((item) => item.path.startsWith('memos/'));
    assert.ok(memo, 'a memo file');
    const parsed = parseMemo(memo.path, memo.content);
    assert.equal(parsed.title, 'Emlékeztető 😀');
    assert.equal(parsed.about.review, true);
    assert.equal(parsed.about.studies.length, 1, memo.content);
    assert.equal(parsed.about.codes.length, 1, `about names the deep code: ${memo.content}`);
    // The names in about: are the imported review's own: it loads with no memo problem.
    return (async () => {
      const target = path.join(tempDir(), 'imported');
      await writeImportedReview(target, result.files);
      const review = await openReview(target);
      assert.deepEqual(review.index.problems().filter((problem) => problem.path.startsWith('memos/')), []);
      assert.ok(review.index.getCode(parsed.about.codes[0].value));
    })();
  });
});
