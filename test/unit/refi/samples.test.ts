/**
 * The real exports of other tools in ../shared/refi-qda/samples (README there): every
 * file is imported and checked against its own project or codebook file — sources,
 * codes and codings counted, the exact text of every coded selection (in the offsets
 * its producer counts) found in the imported study, the re-export valid against the
 * schema, and import → export → import giving the same project.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CodePointIndex } from '../../../src/core/refi/codePoints';
import { exportCodebookQdc } from '../../../src/core/refi/exportCodebook';
import { exportProjectQdpx } from '../../../src/core/refi/exportProject';
import { importQdc } from '../../../src/core/refi/importCodebookFile';
import { importQdpx, type ImportResult } from '../../../src/core/refi/importProject';
import { studyPlainText, type StudyPlainText } from '../../../src/core/refi/plainText';
import { writeImportedReview } from '../../../src/node/refi/reviewFolder';
import { attribute, child, children, decodeXml, parseXmlSafely, type XmlElement } from '../../../src/core/refi/xml';
import { readZipSafely, type SafeZip } from '../../../src/core/refi/zipRead';
import type { Review } from '../../../src/core/review';
import { openReview, requireSchemas, SAMPLES_DIR, tempDir, validate } from './helpers';

/** Every `<Code>` below an element, depth first. */
function allCodes(element: XmlElement | undefined): XmlElement[] {
  return children(element, 'Code').flatMap((code) => [code, ...allCodes(code)]);
}

/** Names of codes or sources (a source without one, as qc writes them, by its text file's name). */
const names = (elements: readonly XmlElement[]): string[] => elements.map((element) => attribute(element, 'name') ?? attribute(element, 'plainTextPath')?.replace(/^.*[/:]|\.txt$/g, '') ?? '').sort();

function projectOf(zip: SafeZip): XmlElement {
  const qde = zip.names.find((name) => /\.qde$/i.test(name))!;
  return parseXmlSafely(decodeXml(zip.read(qde)!), 'Project', qde);
}

/** The plain text of a source, read here the simple way (the archive, case-insensitively). */
function sourceText(zip: SafeZip, source: XmlElement): string | undefined {
  const inline = child(source, 'PlainTextContent');
  if (inline) return String(inline['#text'] ?? '');
  const file = attribute(source, 'plainTextPath')?.replace(/^internal:\/\//, '');
  const bytes = file === undefined ? undefined : zip.read(`sources/${file}`) ?? zip.read(file);
  return bytes && new TextDecoder().decode(bytes);
}

async function imported(result: ImportResult): Promise<{ review: Review; dir: string }> {
  const dir = path.join(tempDir(), 'review');
  await writeImportedReview(dir, result.files);
  return { review: await openReview(dir), dir };
}

/** Every coding of a project: its source, its code, and its selection in UTF-16 offsets of the text. */
function codingsOf(project: XmlElement, zip: SafeZip): Array<{ source: string; name: string; code: string; start: number; end: number; text: string }> {
  const utf16 = /NVivo for Windows/i.test(attribute(project, 'origin') ?? '');
  return children(child(project, 'Sources'), 'TextSource').flatMap((source) => {
    const text = sourceText(zip, source) ?? '';
    const points = new CodePointIndex(text);
    const offset = (value: string | undefined): number => (utf16 ? Number(value) : points.toUtf16(Number(value)));
    return children(source, 'PlainTextSelection').flatMap((selection) => {
      const start = offset(attribute(selection, 'startPosition'));
      const end = offset(attribute(selection, 'endPosition'));
      return children(selection, 'Coding').map((coding) => ({ source: attribute(source, 'guid')!, name: attribute(source, 'name') ?? attribute(source, 'plainTextPath')!, code: attribute(child(coding, 'CodeRef'), 'targetGUID')!, start, end, text: text.slice(start, end) }));
    });
  });
}

const samples = existsSync(SAMPLES_DIR) ? readdirSync(SAMPLES_DIR).filter((name) => /\.(qdpx|qdc)$/i.test(name)).sort() : [];

describe('REFI-QDA samples from other tools (../shared/refi-qda/samples)', function () {
  this.timeout(120_000); // two 600 KB NVivo texts with 330 codings
  if (samples.length === 0) {
    it('has the samples folder', function () {
      console.log(`      skipped: no samples at ${SAMPLES_DIR} (a clone without ../shared)`);
      this.skip();
    });
  }

  for (const name of samples.filter((file) => file.endsWith('.qdpx'))) {
    describe(name, () => {
      const data = (): Uint8Array => readFileSync(path.join(SAMPLES_DIR, name));

      it('imports every text source, code and coding, each selection\'s exact text coded with its code', async () => {
        const zip = readZipSafely(data());
        const project = projectOf(zip);
        const result = importQdpx(data(), { fileName: name });
        assert.deepEqual(result.problems, []);
        const { review, dir } = await imported(result);
        const sources = children(child(project, 'Sources'), 'TextSource');
        assert.equal(result.studyCount, sources.length, 'one study per text source');
        const codes = allCodes(child(child(project, 'CodeBook'), 'Codes'));
        const codable = codes.filter((code) => attribute(code, 'isCodable') !== 'false');
        assert.equal(result.codeCount, codable.length, 'one tag per codable code');
        const tagOf = new Map(codes.map((code) => [attribute(code, 'guid')!, review.index.codes().find((item) => item.definitions[0]?.displayName === attribute(code, 'name') || item.name === attribute(code, 'name'))?.name]));
        const codings = codingsOf(project, zip);
        const plainTexts = new Map<string, StudyPlainText>();
        let found = 0;
        for (const coding of codings) {
          const file = result.studyPaths.get(coding.source);
          assert.ok(file, `a study for ${coding.name}`);
          const plain = plainTexts.get(file) ?? plainTexts.set(file, studyPlainText(readFileSync(path.join(dir, file), 'utf8'))).get(file)!;
          assert.equal(plain.text.slice(coding.start, coding.end), coding.text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD'), 'the study\'s text is the source\'s, offset for offset');
          const trimmed = coding.text.trim();
          const start = coding.start + coding.text.indexOf(trimmed);
          const pieces = plain.segments.filter((segment) => segment.codes.includes(tagOf.get(coding.code)!)).map((segment) => plain.plainRange(segment)).filter(([from, to]) => from >= start && to <= start + trimmed.length);
          const covered = (offset: number): boolean => pieces.some(([from, to]) => from <= offset && offset < to);
          const uncovered = [...trimmed].findIndex((char, index) => !/\s/.test(char) && !covered(start + index));
          assert.equal(uncovered, -1, `${coding.name}: "${trimmed.slice(0, 60)}" coded ${tagOf.get(coding.code)}`);
          found++;
        }
        assert.equal(found, codings.length);
        console.log(`      ${name}: ${sources.length} sources, ${codes.length} codes (${codable.length} codable), ${codings.length} codings found exactly; ${result.offsets.unit === 'utf16' ? 'UTF-16 units' : 'code points'}`);
      });

      it('re-exports a project valid against Project.xsd, and import → export → import is the same project', async function () {
        const project = projectOf(readZipSafely(data()));
        const first = importQdpx(data(), { fileName: name });
        const exported = await exportProjectQdpx((await imported(first)).review);
        const again = projectOf(readZipSafely(exported.data));
        assert.deepEqual(names(allCodes(child(child(again, 'CodeBook'), 'Codes'))), names(allCodes(child(child(project, 'CodeBook'), 'Codes'))), 'the same code names');
        assert.equal(allCodes(child(child(again, 'CodeBook'), 'Codes')).filter((code) => attribute(code, 'isCodable') === 'true').length, first.codeCount, 'the same codable codes');
        assert.deepEqual(names(children(child(again, 'Sources'), 'TextSource')), names(children(child(project, 'Sources'), 'TextSource')), 'the same sources');
        const second = importQdpx(exported.data);
        const [a, b] = await Promise.all([imported(first), imported(second)]);
        assert.deepEqual([second.studyCount, second.codeCount, second.themeCount, second.spanCount], [first.studyCount, first.codeCount, first.themeCount, first.spanCount]);
        assert.deepEqual(b.review.index.codes().map((code) => `${code.name} ${code.definitions[0]?.displayName ?? ''}`), a.review.index.codes().map((code) => `${code.name} ${code.definitions[0]?.displayName ?? ''}`));
        assert.deepEqual(b.review.index.allThemes().map((theme) => theme.path.join(' › ')), a.review.index.allThemes().map((theme) => theme.path.join(' › ')));
        for (const file of first.files.filter((item) => item.path.startsWith('studies/'))) {
          assert.equal(second.files.find((item) => item.path === file.path)?.content.split('\n---\n')[1], file.content.split('\n---\n')[1], `${file.path}: the same text and spans`);
        }
        requireSchemas(this);
        const valid = validate(exported.projectXml, 'Project.xsd');
        assert.ok(valid.ok, valid.output);
      });
    });
  }

  for (const name of samples.filter((file) => file.endsWith('.qdc'))) {
    it(`${name}: imports every code, re-exports a valid codebook with the same names, and imports it back the same`, async function () {
      const root = parseXmlSafely(decodeXml(readFileSync(path.join(SAMPLES_DIR, name))), 'CodeBook', name);
      const codes = allCodes(child(root, 'Codes'));
      const first = importQdc(readFileSync(path.join(SAMPLES_DIR, name)), { fileName: name });
      assert.equal(first.codeCount, codes.filter((code) => attribute(code, 'isCodable') !== 'false').length);
      const { review } = await imported({ ...first, studyCount: 0, spanCount: 0, problems: [] } as unknown as ImportResult);
      assert.equal(review.index.problems().filter((problem) => problem.severity === 'error').length, 0);
      const qdc = exportCodebookQdc(review.index);
      const again = parseXmlSafely(qdc, 'CodeBook', 'again.qdc');
      assert.deepEqual(names(allCodes(child(again, 'Codes'))), names(codes), 'the same code names');
      assert.deepEqual(children(child(again, 'Sets'), 'Set').map((set) => attribute(set, 'name')), children(child(root, 'Sets'), 'Set').map((set) => attribute(set, 'name')), 'the same sets');
      const second = importQdc(new TextEncoder().encode(qdc), { fileName: name });
      assert.equal(second.files.find((file) => file.path === 'codebook.md')?.content, first.files.find((file) => file.path === 'codebook.md')?.content);
      if (/<Sets\s*\/>/.test(readFileSync(path.join(SAMPLES_DIR, name), 'utf8'))) assert.match(first.report, /empty `<Sets\/>`.*read as no sets/);
      requireSchemas(this);
      const valid = validate(qdc, 'Codebook.xsd');
      assert.ok(valid.ok, valid.output);
    });
  }
});
