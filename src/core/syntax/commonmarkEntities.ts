/**
 * What commonmark.js needs of the `entities` package — `decodeHTMLStrict` of one whole
 * reference (`&amp;`, `&#233;`, `&#xE9;`), the only call it makes — answered from
 * `character-entities`, which the bundles already hold for micromark. `entities` 3 brought
 * its own 114 KB of tables into each of the three bundles (the .vsix had outgrown its
 * 3 MiB budget); esbuild.mjs points commonmark's import here. A unit test holds this to
 * `entities` itself on every name and every numeric reference commonmark can pass.
 */
import { characterEntities } from 'character-entities';

/** HTML's replacements of numeric references to 0 and to C1 controls (as windows-1252 reads them). */
const REPLACED_CODE_POINTS = new Map<number, number>([
  [0x00, 0xfffd], [0x80, 0x20ac], [0x82, 0x201a], [0x83, 0x0192], [0x84, 0x201e], [0x85, 0x2026], [0x86, 0x2020],
  [0x87, 0x2021], [0x88, 0x02c6], [0x89, 0x2030], [0x8a, 0x0160], [0x8b, 0x2039], [0x8c, 0x0152], [0x8e, 0x017d],
  [0x91, 0x2018], [0x92, 0x2019], [0x93, 0x201c], [0x94, 0x201d], [0x95, 0x2022], [0x96, 0x2013], [0x97, 0x2014],
  [0x98, 0x02dc], [0x99, 0x2122], [0x9a, 0x0161], [0x9b, 0x203a], [0x9c, 0x0153], [0x9e, 0x017e], [0x9f, 0x0178],
]);

const NUMERIC = /^&#([xX][0-9a-fA-F]+|[0-9]+);$/;
const NAMED = /^&([A-Za-z][A-Za-z0-9]*);$/;

/** The text of one character reference, as `entities`' decodeHTMLStrict gives it; anything else unchanged. */
export function decodeHTMLStrict(reference: string): string {
  const numeric = NUMERIC.exec(reference);
  if (numeric) {
    const digits = numeric[1];
    return decodeCodePoint(digits[0] === 'x' || digits[0] === 'X' ? parseInt(digits.slice(1), 16) : parseInt(digits, 10));
  }
  const name = NAMED.exec(reference)?.[1];
  return name !== undefined && Object.hasOwn(characterEntities, name) ? characterEntities[name] : reference;
}

function decodeCodePoint(codePoint: number): string {
  if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return '\uFFFD';
  return String.fromCodePoint(REPLACED_CODE_POINTS.get(codePoint) ?? codePoint);
}
