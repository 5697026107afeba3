import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { tagTexts } from '../core/helpers';
import { isTag, notTag } from '../core/tagCases';
import { agreesWithScanner, knownDifferences } from './grammarCases';
import { highlightedTags, isQualsynthScope, markdownScopesByCharacter, type MarkdownToken, tokenizeMarkdown } from './tokenizeMarkdown';

const root = path.resolve(__dirname, '../../..');

/** The scopes of the `occurrence`-th token whose text is exactly `text`. */
function scopesOf(tokens: readonly MarkdownToken[], text: string, occurrence = 0): readonly string[] {
  const token = tokens.filter((candidate) => candidate.text === text)[occurrence];
  assert.ok(token, `no token "${text}" (#${occurrence}) in ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes;
}

/** Every Markdown file of a review: its codebook and its studies. */
function reviewMarkdownFiles(review: string): string[] {
  const studies = path.join(review, 'studies');
  return [path.join(review, 'codebook.md'), ...readdirSync(studies).filter((name) => name.endsWith('.md')).map((name) => path.join(studies, name))];
}

function qualsynthTokens(tokens: readonly MarkdownToken[]): MarkdownToken[] {
  return tokens.filter((token) => token.scopes.some(isQualsynthScope));
}

describe('highlighting grammar', () => {
  describe('is a tag (the scanner\'s cases)', () => {
    for (const [name, text, expected] of isTag) {
      it(name, async () => {
        assert.deepEqual(highlightedTags(await tokenizeMarkdown(text)), expected.map((code) => `#${code}`));
      });
    }
  });

  describe('is not a tag (the scanner\'s cases)', () => {
    for (const [name, text] of notTag) {
      it(name, async () => assert.deepEqual(qualsynthTokens(await tokenizeMarkdown(text)), []));
    }
  });

  describe('agrees with the scanner', () => {
    for (const [name, text] of agreesWithScanner) {
      it(name, async () => assert.deepEqual(highlightedTags(await tokenizeMarkdown(text)), tagTexts(text)));
    }
  });

  describe('agrees with the scanner on whole reviews', () => {
    for (const review of ['examples/peer-support', 'test/fixtures/review-basic']) {
      it(`highlights exactly the indexed tags in every file of ${review}`, async () => {
        const files = reviewMarkdownFiles(path.join(root, review));
        let tags = 0;
        for (const file of files) {
          const text = readFileSync(file, 'utf8');
          assert.deepEqual(highlightedTags(await tokenizeMarkdown(text)), tagTexts(text), file);
          tags += tagTexts(text).length;
        }
        assert.ok(tags > 0, `${review} holds no tag to compare`);
      });
    }
  });

  describe('known differences from the scanner (TextMate is line-based)', () => {
    for (const { name, text, scanner, grammar, reason } of knownDifferences) {
      it(`${name}: ${reason}`, async () => {
        assert.deepEqual(tagTexts(text), scanner, 'the scanner');
        assert.deepEqual(highlightedTags(await tokenizeMarkdown(text)), grammar, 'the grammar');
      });
    }
  });

  describe('span tags', () => {
    it('scopes the brackets, the braces and every code name', async () => {
      const tokens = await tokenizeMarkdown('They felt [left out of meetings]{#staff-prejudice #role-ambiguity} often.');
      assert.ok(scopesOf(tokens, '[').includes('punctuation.section.span.begin.qualsynth'));
      assert.ok(scopesOf(tokens, ']').includes('punctuation.section.span.end.qualsynth'));
      assert.ok(scopesOf(tokens, '{').includes('punctuation.definition.attributes.begin.qualsynth'));
      assert.ok(scopesOf(tokens, '}').includes('punctuation.definition.attributes.end.qualsynth'));
      assert.deepEqual(highlightedTags(tokens), ['#staff-prejudice', '#role-ambiguity']);
    });
    it('puts the whole span, and only the span, in meta.span', async () => {
      const tokens = await tokenizeMarkdown('They felt [left out]{#a} often.');
      const inSpan = tokens.filter((token) => token.scopes.includes('meta.span.qualsynth')).map((token) => token.text);
      assert.equal(inSpan.join(''), '[left out]{#a}');
    });
    it('scopes key="value" attributes', async () => {
      const tokens = await tokenizeMarkdown('[pay]{#low-pay coder="jb" memo="check \\"rate\\""}');
      assert.ok(scopesOf(tokens, 'coder').includes('entity.other.attribute-name.qualsynth'));
      assert.ok(scopesOf(tokens, 'memo').includes('entity.other.attribute-name.qualsynth'));
      assert.ok(scopesOf(tokens, '=').includes('punctuation.separator.key-value.qualsynth'));
      assert.ok(scopesOf(tokens, 'jb').includes('string.quoted.double.qualsynth'));
      assert.ok(scopesOf(tokens, '"').includes('punctuation.definition.string.begin.qualsynth'));
      assert.ok(scopesOf(tokens, '\\"').includes('constant.character.escape.qualsynth'));
      assert.deepEqual(highlightedTags(tokens), ['#low-pay']);
    });
    it('scopes single-quoted and bare attribute values', async () => {
      const tokens = await tokenizeMarkdown("[pay]{#low-pay coder='jb' round=2}");
      assert.ok(scopesOf(tokens, 'jb').includes('string.quoted.single.qualsynth'));
      assert.ok(scopesOf(tokens, '2').includes('string.unquoted.qualsynth'));
      assert.ok(scopesOf(tokens, 'round').includes('entity.other.attribute-name.qualsynth'));
    });
    it('nests spans on one line', async () => {
      const tokens = await tokenizeMarkdown('[outer [inner]{#a} more]{#b}');
      assert.ok(scopesOf(tokens, '[', 1).includes('punctuation.section.span.begin.qualsynth'));
      assert.equal(scopesOf(tokens, 'inner').filter((scope) => scope === 'meta.span.qualsynth').length, 2);
      assert.deepEqual(highlightedTags(tokens), ['#a', '#b']);
    });
    it('wins over a reference link for a one-word passage', async () => {
      const tokens = await tokenizeMarkdown('[pay]{#low-pay}');
      assert.ok(scopesOf(tokens, '[').includes('punctuation.section.span.begin.qualsynth'));
      assert.ok(!scopesOf(tokens, 'pay').some((scope) => scope.startsWith('meta.link')));
    });
    it('keeps Markdown inside the passage: links, emphasis, code', async () => {
      const tokens = await tokenizeMarkdown('[see **the** [site](https://x.org/#a) and `#x` now]{#b}');
      assert.ok(scopesOf(tokens, 'the').includes('markup.bold.markdown'));
      assert.ok(scopesOf(tokens, 'https://x.org/#a').includes('markup.underline.link.markdown'));
      assert.ok(scopesOf(tokens, '#x').includes('markup.inline.raw.string.markdown'));
      assert.deepEqual(highlightedTags(tokens), ['#b']);
    });
    it('scopes a bare tag inside the passage', async () => {
      assert.deepEqual(highlightedTags(await tokenizeMarkdown('[a passage #extra here]{#main}')), ['#extra', '#main']);
    });
    it('codes an image alt text span', async () => {
      const tokens = await tokenizeMarkdown('![x]{#a}');
      assert.ok(scopesOf(tokens, '[').includes('punctuation.section.span.begin.qualsynth'));
    });
    it('leaves a link before a span a link', async () => {
      const tokens = await tokenizeMarkdown('[text](https://x.org) and [x]{#a}');
      assert.ok(scopesOf(tokens, 'text').includes('string.other.link.title.markdown'));
      assert.ok(!scopesOf(tokens, 'text').some(isQualsynthScope));
      assert.deepEqual(highlightedTags(tokens), ['#a']);
    });
    it('leaves Pandoc attribute groups without a code alone', async () => {
      assert.deepEqual(qualsynthTokens(await tokenizeMarkdown('[small caps]{.smallcaps} text')), []);
    });
    it('across lines, scopes the closing `]{…}` but not the `[` (line-based limit)', async () => {
      const tokens = await tokenizeMarkdown('Workers described [being excluded from team\nmeetings and case discussions]{#exclusion}.');
      assert.ok(!scopesOf(tokens, 'Workers described [being excluded from team').some(isQualsynthScope));
      assert.ok(scopesOf(tokens, ']').includes('punctuation.section.span.end.qualsynth'));
      assert.deepEqual(highlightedTags(tokens), ['#exclusion']);
    });
  });

  describe('leaves Markdown alone', () => {
    const plainTexts = [...isTag, ...notTag, ...agreesWithScanner]
      .map((testCase) => testCase[1])
      .filter((text) => !/\]\{|\[[^\]\s]*#/.test(text));
    it(`adds scopes without changing Markdown's, in ${plainTexts.length} texts without spans`, async () => {
      for (const text of plainTexts) {
        const withQualsynth = markdownScopesByCharacter(await tokenizeMarkdown(text));
        const markdownOnly = markdownScopesByCharacter(await tokenizeMarkdown(text, { inject: false }));
        assert.deepEqual(withQualsynth, markdownOnly, JSON.stringify(text));
      }
    });
    it('keeps a tag at the start of a line inside its paragraph', async () => {
      const tokens = await tokenizeMarkdown('#low-pay was common.');
      assert.ok(scopesOf(tokens, ' was common.').includes('meta.paragraph.markdown'));
      assert.ok(scopesOf(tokens, 'low-pay').includes('meta.paragraph.markdown'));
    });
  });

  describe('package.json', () => {
    it('contributes the grammar, injected into Markdown', () => {
      const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
      const entry = manifest.contributes.grammars.find((grammar: { scopeName: string }) => grammar.scopeName === 'qualsynth.injection');
      assert.deepEqual(entry?.injectTo, ['text.html.markdown']);
      const grammar = JSON.parse(readFileSync(path.join(root, entry.path), 'utf8'));
      assert.equal(grammar.scopeName, 'qualsynth.injection');
    });
  });
});
