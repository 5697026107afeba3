import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { importQdpx } from '../../../src/core/refi/importProject';
import { TargetFolderError, writeImportedReview } from '../../../src/node/refi/reviewFolder';
import { attribute, child, parseXmlSafely, textContent, XmlReadError } from '../../../src/core/refi/xml';
import { readZipSafely, UnsafeArchiveError } from '../../../src/core/refi/zipRead';
import { g, project, qdpx, tempDir } from './helpers';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const QDE = project(`<Code guid="${g(1)}" name="a" isCodable="true"/>`, `<TextSource guid="${g(2)}" name="s" plainTextPath="internal://s.txt"/>`);

/** Offset of the first central-directory entry of a zip. */
function centralDirectory(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let position = zip.length - 22; position >= 0; position--) if (view.getUint32(position, true) === 0x06054b50) return view.getUint32(position + 16, true);
  throw new Error('no EOCD');
}

/** Rewrites the uncompressed size an archive's first entry declares (central directory and local header). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const central = centralDirectory(copy);
  view.setUint32(central + 24, size, true);
  view.setUint32(view.getUint32(central + 42, true) + 22, size, true);
  return copy;
}

describe('REFI-QDA safety: archives', () => {
  const refuses = (files: Zippable, pattern: RegExp): void => {
    assert.throws(() => readZipSafely(zipSync(files)), (error: Error) => error instanceof UnsafeArchiveError && pattern.test(error.message));
  };

  it('reads a plain archive', () => {
    const zip = readZipSafely(zipSync({ 'project.qde': bytes('<x/>'), 'sources/a.txt': bytes('hello') }));
    assert.deepEqual(zip.names, ['project.qde', 'sources/a.txt']);
    assert.equal(new TextDecoder().decode(zip.read('sources/a.txt')), 'hello');
    assert.equal(zip.read('missing'), undefined);
  });

  it('refuses an entry that climbs out of the folder (../evil.txt, ..\\evil.txt)', () => {
    refuses({ 'project.qde': bytes('<x/>'), '../evil.txt': bytes('x') }, /outside the target folder/);
    refuses({ 'sources/..\\..\\evil.txt': bytes('x') }, /outside the target folder/);
  });

  it('refuses absolute entry paths (/abs.txt, C:\\abs.txt)', () => {
    refuses({ '/abs.txt': bytes('x') }, /absolute path/);
    refuses({ 'C:\\abs.txt': bytes('x') }, /absolute path/);
  });

  it('refuses symbolic links', () => {
    refuses({ 'sources/link.txt': [bytes('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }] }, /symbolic link/);
  });

  it('refuses an archive whose central directory declares more than 200 MB, before inflating', () => {
    const small = zipSync({ 'sources/huge.txt': bytes('tiny') });
    assert.throws(() => readZipSafely(declareSize(small, 300 * 1024 * 1024)), /declares more than 209715200 bytes/);
  });

  it('stops inflating an entry that holds more than it declares (zip bomb)', () => {
    const bomb = declareSize(zipSync({ 'sources/bomb.txt': new Uint8Array(8 * 1024 * 1024) }), 1000);
    assert.ok(bomb.length < 50_000, `the bomb is small (${bomb.length} bytes)`);
    const zip = readZipSafely(bomb);
    const started = Date.now();
    assert.throws(() => zip.read('sources/bomb.txt'), /declares 1000 bytes but holds more/);
    assert.ok(Date.now() - started < 2000);
  });

  it('caps the number of entries and the total size', () => {
    const files: Zippable = {};
    for (let index = 0; index < 5; index++) files[`sources/${index}.txt`] = bytes('x'.repeat(400));
    assert.throws(() => readZipSafely(zipSync(files), { maxEntries: 4, maxTotalBytes: 1e9 }), /5 entries, more than the 4 allowed/);
    assert.throws(() => readZipSafely(zipSync(files), { maxEntries: 100, maxTotalBytes: 1000 }), /declares more than 1000 bytes/);
  });

  it('refuses what is not a ZIP archive', () => {
    assert.throws(() => readZipSafely(bytes('just text, not a zip')), /Not a ZIP archive/);
  });

  it('the import refuses such archives too', () => {
    const evil = zipSync({ 'project.qde': bytes(QDE), '../evil.txt': bytes('x') });
    assert.throws(() => importQdpx(evil), UnsafeArchiveError);
    const bomb = declareSize(zipSync({ 'sources/s.txt': new Uint8Array(4 * 1024 * 1024), 'project.qde': bytes(QDE) }), 10);
    assert.throws(() => importQdpx(bomb), /declares 10 bytes but holds more/);
  });
});

describe('REFI-QDA safety: XML', () => {
  const XXE = '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"><CodeBook><Codes><Code guid="' + g(1) + '" name="&xxe;" isCodable="true"/></Codes></CodeBook></Project>';

  it('refuses a DOCTYPE with an external entity and never reads the file', () => {
    assert.throws(
      () => parseXmlSafely(XXE, 'Project', 'project.qde'),
      (error: Error) => error instanceof XmlReadError && /DOCTYPE/.test(error.message) && !/root:/.test(error.message),
    );
    assert.throws(() => importQdpx(qdpx(XXE)), XmlReadError);
  });

  it('decodes the predefined entities and character references only', () => {
    const root = parseXmlSafely('<P a="x &amp; y &lt;z&gt; &#233;&#x1F600; &unknown;"><D>1 &lt; 2 <![CDATA[&amp; raw]]></D></P>', 'P', 'test.xml');
    assert.equal(attribute(root, 'a'), 'x & y <z> é😀 &unknown;');
    assert.equal(textContent(child(root, 'D')), '1 < 2 &amp; raw');
  });

  it('refuses malformed XML and the wrong root, with a location', () => {
    assert.throws(() => parseXmlSafely('<Project><Code></Project>', 'Project', 'p.qde'), /p\.qde is not well-formed XML \(line 1/);
    assert.throws(() => parseXmlSafely('<CodeBook/>', 'Project', 'p.qde'), /no <Project> root element/);
  });
});

describe('REFI-QDA safety: the target folder', () => {
  it('never writes into a non-empty folder', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'notes.md'), 'mine');
    await assert.rejects(writeImportedReview(folder, [{ path: 'notes.md', content: 'theirs' }]), TargetFolderError);
    assert.equal(readFileSync(path.join(folder, 'notes.md'), 'utf8'), 'mine');
  });

  it('refuses a file as the target and paths that leave the folder', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'file'), 'x');
    await assert.rejects(writeImportedReview(path.join(folder, 'file'), []), /is not a folder/);
    const fresh = path.join(folder, 'new');
    await assert.rejects(writeImportedReview(fresh, [{ path: '../escaped.md', content: 'x' }]), /outside/);
    assert.equal(existsSync(path.join(folder, 'escaped.md')), false);
  });

  it('writes into a new or empty folder', async () => {
    const folder = path.join(tempDir(), 'review');
    mkdirSync(folder);
    await writeImportedReview(folder, [{ path: 'studies/a.md', content: 'text' }]);
    assert.equal(readFileSync(path.join(folder, 'studies/a.md'), 'utf8'), 'text');
  });
});
