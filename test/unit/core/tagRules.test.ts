import { strict as assert } from 'node:assert';
import { tagCodes, tagTexts } from './helpers';
import { isTag, notTag } from './tagCases';

describe('tag rules', () => {
  describe('is a tag', () => {
    for (const [name, text, expected] of isTag) {
      it(name, () => assert.deepEqual(tagCodes(text), expected));
    }
  });
  describe('is not a tag', () => {
    for (const [name, text] of notTag) {
      it(name, () => assert.deepEqual(tagCodes(text), []));
    }
  });
  describe('ranges', () => {
    it('covers exactly `#name` without the trailing full stop', () => {
      assert.deepEqual(tagTexts('Pay was #low-pay.'), ['#low-pay']);
    });
    it('gives 0-based line and UTF-16 column', () => {
      const text = 'First line\nSecond 😀 #joy';
      const { tags } = require('../../../src/core/study').parseStudy('s.md', text);
      assert.deepEqual(tags[0].range.startPosition, { line: 1, column: 10 });
      assert.equal(text.slice(tags[0].range.start, tags[0].range.end), '#joy');
    });
    it('keeps exact ranges in CRLF files', () => {
      const text = 'One\r\nTwo #a\r\n\r\n[x]{#b}\r\n';
      assert.deepEqual(tagTexts(text), ['#a', '#b']);
    });
    it('normalises names to NFC', () => {
      const decomposed = 'Cafe\u0301';
      assert.deepEqual(tagCodes(`A #${decomposed} tag`), ['Caf\u00e9']);
    });
    it('keeps the source range of a decomposed name', () => {
      const text = 'A #Cafe\u0301 tag';
      assert.deepEqual(tagTexts(text), ['#Cafe\u0301']);
    });
  });
});
