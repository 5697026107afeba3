import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CodePointIndex } from '../../../src/core/refi/codePoints';
import { GuidRegistry, stableGuid } from '../../../src/core/refi/guid';
import { studyPlainText } from '../../../src/core/refi/plainText';
import { parseStudy } from '../../../src/core/study';
import { CHEAP_RUNS, propertyParameters } from '../property/settings';
import { DEMO, FIXTURE } from './helpers';

const flat = (text: string): string => text.replace(/\s+/g, ' ').replace(/ ([.,;:!?])/g, '$1').trim();

describe('REFI-QDA plain text of a study', () => {
  it('drops front matter, leading blank lines and span syntax, and keeps the rest verbatim', () => {
    const plain = studyPlainText('---\nid: a\n---\n\n## Findings\n\nPeer workers described [being *excluded*]{#staff #role coder="jb"} from meetings.\n');
    assert.equal(plain.text, '## Findings\n\nPeer workers described being *excluded* from meetings.\n');
  });

  it('drops bare tags with one space, and lines of tags alone with their line break', () => {
    const plain = studyPlainText('> "A quote." (worker)\n> #staff-prejudice #tokenism\n\nPay was low #low-pay.\n#tagged free text\n');
    assert.equal(plain.text, '> "A quote." (worker)\n\nPay was low.\nfree text\n');
  });

  it('removes the backslash of tag escapes, but not in code', () => {
    const plain = studyPlainText('They wrote \\#not-a-tag, \\[sic\\] and \\\\ and `\\#code`.\n\n    \\#indented code\n');
    assert.equal(plain.text, 'They wrote #not-a-tag, [sic] and \\ and `\\#code`.\n\n    \\#indented code\n');
  });

  it('maps each segment to its passage, trimmed', () => {
    const source = 'Intro.\n\n[ padded ]{#a} and [outer [inner]{#b}]{#c}\n\n> quote line\n> #d\n';
    const plain = studyPlainText(source);
    const passages = plain.segments.map((segment) => plain.text.slice(...plain.plainRange(segment)));
    assert.deepEqual(passages.sort(), ['inner', 'outer inner', 'padded', 'quote line']);
  });

  it('maps removed source text to the place it was removed from', () => {
    const source = 'ab [cd]{#x} ef';
    const plain = studyPlainText(source);
    assert.equal(plain.text, 'ab cd ef');
    assert.equal(plain.toPlain(source.indexOf('{')), 5);
    assert.equal(plain.toPlain(source.indexOf('e')), 6);
    assert.equal(plain.toPlain(0), 0);
    assert.equal(plain.toPlain(source.length), plain.text.length);
  });

  it('gives every segment of the fixture and demo studies the text the scanner reports', () => {
    const dirs = [path.join(FIXTURE, 'studies'), path.join(DEMO, 'studies')];
    let checked = 0;
    for (const dir of dirs) {
      let files: string[] = [];
      try {
        files = readdirSync(dir).filter((name) => name.endsWith('.md'));
      } catch {
        continue;
      }
      for (const file of files) {
        const source = readFileSync(path.join(dir, file), 'utf8');
        const plain = studyPlainText(source);
        const indexed = parseStudy(file, source).segments;
        plain.segments.forEach((segment, index) => {
          assert.equal(flat(plain.text.slice(...plain.plainRange(segment))), indexed[index].text, `${file}: ${segment.codes.join(' ')}`);
          checked++;
        });
      }
    }
    assert.ok(checked >= 10, `only ${checked} segments checked`);
  });
});

describe('REFI-QDA code point offsets', () => {
  it('is the identity for text without astral characters', () => {
    const index = new CodePointIndex('héllo wörld');
    assert.equal(index.length, 11);
    assert.equal(index.toCodePoint(5), 5);
    assert.equal(index.toUtf16(5), 5);
  });

  it('counts emoji and 𝒳 as one code point each', () => {
    const text = 'a😀b𝒳c';
    const index = new CodePointIndex(text);
    assert.equal(index.length, [...text].length);
    assert.deepEqual([0, 1, 3, 4, 6, 7].map((offset) => index.toCodePoint(offset)), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((point) => index.toUtf16(point)), [0, 1, 3, 4, 6, 7]);
    assert.equal(index.toCodePoint(2), 1, 'inside a surrogate pair counts as the pair');
    assert.equal(index.toUtf16(99), text.length, 'clamped');
  });

  it('round-trips every code point boundary of a mixed string', () => {
    const text = 'x😀😀 𝒳y\n😀';
    const index = new CodePointIndex(text);
    let utf16 = 0;
    for (const [point, char] of [...text].entries()) {
      assert.equal(index.toUtf16(point), utf16);
      assert.equal(index.toCodePoint(utf16), point);
      utf16 += char.length;
    }
  });
});

describe('REFI-QDA stable GUIDs', () => {
  it('derives the same UUID v5 from the same key', () => {
    assert.equal(stableGuid('code:low-pay'), stableGuid('code:low-pay'));
    assert.notEqual(stableGuid('code:low-pay'), stableGuid('code:high-pay'));
    assert.match(stableGuid('study:a'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives the GUIDs earlier releases exported (so tools match codes across exports)', () => {
    // Computed with node:crypto before the core moved to a pure SHA-1.
    assert.equal(stableGuid('code:low-pay'), '2d5c9d61-c4aa-5ff7-87f9-161fd9282fab');
    assert.equal(stableGuid('study:mowbray-2005'), 'c6e79b80-9461-58f6-93e8-8b22bd881a65');
    assert.equal(stableGuid('theme:Experiences of peer support workers'), 'e428793a-d15f-56f1-8af3-b17143748230');
    assert.equal(stableGuid('code:日本/é'), 'a1c56eed-70c2-5de4-8180-5ffa42e2ed69');
    assert.equal(stableGuid('x\ud800y'), '0e9af606-3e1d-587d-93ee-ecb91b6c94ab');
    assert.equal(stableGuid(''), 'a823a7a2-fdc9-586d-ba0b-972609e3f0a8');
  });

  it('agrees with a UUID v5 made with node:crypto on any key', () => {
    const namespace = Buffer.from('6f1c2a4e8d3b4f5a9c7e0b1d2f3a4c5e', 'hex');
    const reference = (key: string): string => {
      const bytes = createHash('sha1').update(namespace).update(key, 'utf8').digest().subarray(0, 16);
      bytes[6] = (bytes[6] & 0x0f) | 0x50;
      bytes[8] = (bytes[8] & 0x3f) | 0x80;
      return bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (key) => stableGuid(key) === reference(key)), propertyParameters('stableGuid', CHEAP_RUNS));
  });

  it('keeps repeated keys unique, in a deterministic order', () => {
    const first = new GuidRegistry();
    const second = new GuidRegistry();
    const a = [first.next('theme:x'), first.next('theme:x'), first.next('theme:y')];
    const b = [second.next('theme:x'), second.next('theme:x'), second.next('theme:y')];
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, 3);
    assert.equal(a[0], stableGuid('theme:x'));
  });
});
