/**
 * The bundles' stand-in for commonmark.js's `entities` (src/core/syntax/commonmarkEntities.ts)
 * against `entities` itself, the package commonmark.js depends on: every named reference
 * either package knows, near misses of each, and every numeric reference commonmark's
 * pattern can pass (decimal up to seven digits, hex up to six), in full below U+10FFFF.
 */
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { characterEntities } from 'character-entities';
import { decodeHTMLStrict } from '../../../src/core/syntax/commonmarkEntities';

const fromCommonmark = createRequire(require.resolve('commonmark'));
const entities: { decodeHTMLStrict(text: string): string } = fromCommonmark('entities');
const entityNames: Record<string, string> = fromCommonmark('entities/lib/maps/entities.json');

/** The references of `references` where the stand-in and `entities` disagree. */
function disagreements(references: Iterable<string>): string[] {
  const found: string[] = [];
  for (const reference of references) if (decodeHTMLStrict(reference) !== entities.decodeHTMLStrict(reference)) found.push(reference);
  return found;
}

function* numericReferences(): Generator<string> {
  for (let codePoint = 0; codePoint <= 0x110000; codePoint++) {
    yield `&#${codePoint};`;
    yield `&#x${codePoint.toString(16)};`;
  }
  for (const codePoint of [0x110001, 0x1fffff, 0xffffff, 9_999_999]) yield* [`&#${codePoint};`, `&#X${codePoint.toString(16).toUpperCase()};`];
  yield* ['&#0000065;', '&#x0041;', '&#X41;', '&#xD800;', '&#57343;'];
}

function* namedReferences(): Generator<string> {
  for (const name of new Set([...Object.keys(entityNames), ...Object.keys(characterEntities)])) {
    yield* [`&${name};`, `&${name}x;`, `&${name.slice(0, -1) || 'q'};`, `&${name.toUpperCase()};`, `&${name}`];
  }
  yield* ['&foo;', '&ThisIsNotDefined;', '&hi?;', '&constructor;', '&toString;', '&__proto__;', '&x;'];
}

describe('commonmark entities stand-in', () => {
  it('decodes every named reference as entities does, and leaves unknown names as they are', () => {
    assert.ok(Object.keys(entityNames).length > 2000, 'entities names were read');
    assert.deepEqual(disagreements(namedReferences()), []);
  });

  it('decodes every numeric reference commonmark can pass as entities does (C1 controls, 0, surrogates, beyond U+10FFFF)', function () {
    this.timeout(60_000);
    assert.equal(decodeHTMLStrict('&#128;'), '€', 'windows-1252 replacement');
    assert.deepEqual(disagreements(numericReferences()), []);
  });
});
