/**
 * The front-matter fast path (src/core/yaml/simpleMapping.ts) against js-yaml: wherever it
 * takes a block, it reads what js-yaml's safe schema reads (deep equal, same key order),
 * on every Markdown file of the repository's examples and fixtures, on generated
 * benchmark studies (all of which it must take: they are the shape it exists for), and
 * on random blocks built from YAML's pitfalls (yes/null/dates/octal/comments/quotes …).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import fc from 'fast-check';
import { frontMatterBodyStart } from '../../../src/core/frontMatter';
import { parseSafeYaml } from '../../../src/core/yaml/safeYaml';
import { readSimpleMapping } from '../../../src/core/yaml/simpleMapping';
import { generateReview } from '../../bench/reviewGenerator';
import { CHEAP_RUNS, propertyParameters } from '../property/settings';

/** The YAML text readFrontMatter hands the parser: after the opening `---`, up to the closing one. */
function yamlOf(text: string): string | undefined {
  const bodyStart = frontMatterBodyStart(text);
  if (bodyStart === 0) return undefined;
  const afterOpening = text.slice(3, bodyStart);
  return afterOpening.slice(0, afterOpening.indexOf('\n---'));
}

/** True when the fast path took the YAML; throws when it read it otherwise than js-yaml. */
function agrees(yaml: string): boolean {
  const fast = readSimpleMapping(yaml);
  if (fast === undefined) return false;
  let reference: unknown;
  try {
    reference = parseSafeYaml(yaml, 'front matter');
  } catch (error) {
    assert.fail(`js-yaml refuses what the fast path took: ${JSON.stringify(yaml)} (${(error as Error).message})`);
  }
  assert.deepStrictEqual(fast, reference, JSON.stringify(yaml));
  assert.deepStrictEqual(Object.keys(fast), Object.keys(reference as object), JSON.stringify(yaml));
  return true;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = nodePath.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.(md|markdown)$/i.test(name) ? [path] : [];
  });
}

const ROOT = nodePath.resolve(__dirname, '../../..');

describe('front-matter fast path = js-yaml (differential)', () => {
  it('agrees on every Markdown file of the examples and fixtures', () => {
    const files = [...markdownFiles(nodePath.join(ROOT, 'examples')), ...markdownFiles(nodePath.join(ROOT, 'test/fixtures'))];
    let taken = 0;
    let blocks = 0;
    for (const file of files) {
      const yaml = yamlOf(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      if (yaml === undefined) continue;
      blocks++;
      if (agrees(yaml)) taken++;
    }
    assert.ok(blocks > 50, `only ${blocks} front-matter blocks found`);
    assert.ok(taken > 0, 'the fast path took no fixture');
  });

  it('takes, and agrees on, every generated benchmark study', () => {
    const review = generateReview({ studies: 300, sizeKB: 1, codes: 40, seed: 7 });
    let studies = 0;
    for (const [path, text] of review) {
      if (!path.startsWith('studies/')) continue;
      studies++;
      assert.ok(agrees(yamlOf(text)!), `not taken: ${path}`);
    }
    assert.equal(studies, 300);
  });

  it('takes the words of every script: Latin ones without Unicode property classes, the rest with them', () => {
    for (const value of ['Müller C', 'Łódź', 'ǅemal', 'e\u0301te\u0301', '日本', 'Жанна', 'ɐbc', 'µ', '[Müller C, 李 W]', 'Synthetic review — codebook', 'Peer workers’ roles', 'pages 3–9', '日本 — 東京']) {
      assert.ok(agrees(`\nk: ${value}\n`), value);
    }
    for (const value of ['a×b', 'x÷y', '«a»', 'a\u00a0b', '—a', 'a—', 'a “b”']) assert.equal(readSimpleMapping(`\nk: ${value}\n`), undefined, value);
  });

  it('agrees on random blocks of YAML pitfalls', () => {
    const key = fc.constantFrom('id', 'year', 'a-b', 'x_y', 'k', 'null', 'True', 'yes', 'constructor', 'prototype', '__proto__', '1', 'é', 'casp');
    const scalar = fc.constantFrom(
      'yes', 'no', 'Yes', 'NO', 'on', 'off', 'y', 'n', 'null', 'Null', 'NULL', '~', 'true', 'False', 'TRUE', '0', '7', '012', '0o7', '0x1F', '1_000', '123456789012345', '1234567890123456',
      '1.5', '1e3', '.inf', '-1', '+1', '2012-01-01', '2012-13-45', '12:30', '1:20:30', 'a b', 'a #b', 'a# b', 'a: b', 'a:b', 'n/a', '(x)', 'x;y', 'Núñez F.', 'e\u0301t\u0301e', 'a — b', 'a’s', '— a', 'a –', 'Müller C', 'µ', 'ª', 'Ǆ', 'ɐ', '日本', 'Жанна', '×', 'a×b', 'a\u00a0b', 'ı', '[Müller C, 李 W]', 'a.', 'a ', ' a', '',
      '"q"', '""', '"a\\"b"', '"a\\nb"', '"a\tb"', '"a #b"', "'s'", "a's", '[a, b]', '[a,b]', '[ a ]', '[]', '[a, b,]', '[1, 2]', '[yes, null]', '[a b, c-d]', '["O\'Neill P", b]', '["a, b"]', '["a"b"]', '[a, "b]', '[a, [b]]', '{a: b}', '&x a', '*x', '!str a', '|', '>', '@a', '`a`', '%a', '-', '- a', '? a',
    );
    const line = fc.oneof(
      fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
      key.map((k) => `${k}:`),
      fc.tuple(key, scalar).map(([k, v]) => `  ${k}: ${v}`),
      fc.tuple(key, scalar).map(([k, v]) => `    ${k}: ${v}`),
      fc.tuple(key, scalar).map(([k, v]) => `${k}:  ${v}`),
      scalar.map((v) => `  - ${v}`),
      fc.constantFrom('', '# comment', 'a: b # c', '\t', ' ', 'a: b\r', 'k:\ta', '---', '...'),
    );
    const block = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => `\n${lines.join('\n')}`);
    let taken = 0;
    fc.assert(
      fc.property(block, (yaml) => {
        if (agrees(yaml)) taken++;
      }),
      propertyParameters('front-matter fast path = js-yaml', CHEAP_RUNS),
    );
    assert.ok(taken > 0, 'the fast path took no random block');
  });
});
