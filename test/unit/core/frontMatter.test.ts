import { strict as assert } from 'node:assert';
import { frontMatterBodyStart, readFrontMatter } from '../../../src/core/frontMatter';
import { study } from './helpers';

describe('front matter', () => {
  it('reads typed study metadata', () => {
    const parsed = study('---\nid: mowbray-2005\ncitation: "Mowbray CT. Consumers. 2005."\nauthors: [Mowbray CT, Moxley DP]\nyear: 2005\ncountry: USA\ncasp:\n  aims: yes\n  ethics: cant-tell\n---\nBody.');
    assert.equal(parsed.id, 'mowbray-2005');
    assert.equal(parsed.citation, 'Mowbray CT. Consumers. 2005.');
    assert.deepEqual(parsed.authors, ['Mowbray CT', 'Moxley DP']);
    assert.equal(parsed.year, 2005);
    assert.deepEqual(parsed.casp, { aims: 'yes', ethics: 'cant-tell' });
    assert.equal(parsed.attributes.country, 'USA');
  });
  it('takes the id from the file name when absent', () => {
    assert.equal(study('---\nyear: 2001\n---\n', 'studies/sub/smith-2001.md').id, 'smith-2001');
  });
  it('keeps every key as an attribute, dates as YYYY-MM-DD', () => {
    const parsed = study('---\nperspective: [recipients, peer workers]\nvisited: 2005-03-01\n---\n');
    assert.deepEqual(parsed.attributes, { perspective: ['recipients', 'peer workers'], visited: '2005-03-01' });
  });
  it('locates invalid YAML at its line and column', () => {
    const parsed = study('---\nid: a\nyear: [2005\ncountry: UK\n---\nBody #a');
    const [problem] = parsed.problems;
    assert.equal(problem.kind, 'invalid-front-matter');
    assert.equal(problem.severity, 'error');
    // The bracket is opened, never closed, on line 2 (0-based): that is the line to fix,
    // not the next key where js-yaml notices it.
    assert.equal(problem.range.startPosition.line, 2);
    assert.match(problem.message, /Invalid YAML in front matter/);
  });
  it('locates an unclosed quote at its line, not at the closing ---', () => {
    const text = '---\nid: a\ncitation: "Alpha A. Study one. 2001.\ncountry: UK\nyear: 2001\n---\nBody';
    const error = readFrontMatter(text).error!;
    assert.equal(error.line, 2);
    assert.match(error.message, /double quoted scalar\. A quote or bracket opened on this line is never closed/);
    assert.equal(readFrontMatter(text.replace(/\n/g, '\r\n')).error!.line, 2, 'CRLF line ends');
  });
  it('locates bad indentation and tabs at the bad line with its column', () => {
    const error = readFrontMatter('---\ntitle: a\n  bad: : x\nauthor: b\n---\n').error!;
    assert.deepEqual([error.line, error.column], [2, 5]);
  });
  it('locates an unclosed bracket in a long front matter in a few parses', () => {
    const keys = Array.from({ length: 5000 }, (_, index) => `key${index}: value ${index}`);
    keys.splice(4000, 0, 'broken: [never closed');
    const started = performance.now();
    const error = readFrontMatter(`---\n${keys.join('\n')}\n---\n`).error!;
    assert.equal(error.line, 4001);
    assert.ok(performance.now() - started < 2000, 'binary search, not a parse per line');
  });
  it('still indexes a study with bad front matter, id from the file name', () => {
    const parsed = study('---\nid: [unclosed\n---\nBody #stigma', 'studies/lost-1999.md');
    assert.equal(parsed.id, 'lost-1999');
    assert.deepEqual(parsed.tags.map((tag) => tag.code), ['stigma']);
  });
  it('reports duplicate keys at the second key', () => {
    const parsed = study('---\nid: a\nyear: 2001\nyear: 2002\n---\n');
    assert.equal(parsed.problems[0].range.startPosition.line, 3);
    assert.match(parsed.problems[0].message, /duplicated mapping key/);
  });
  it('reports front matter that is not a mapping', () => {
    assert.match(study('---\n- a\n- b\n---\n').problems[0].message, /must be a mapping/);
  });
  it('reports front matter that is never closed', () => {
    const parsed = study('---\nid: a\nBody #x');
    assert.match(parsed.problems[0].message, /never closed/);
  });
  it('refuses YAML alias bombs instead of expanding them', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const result = readFrontMatter(`---\n${laughs.join('\n')}\n---\n`);
    assert.match(result.error?.message ?? '', /more than 10000 values/);
    assert.deepEqual(result.data, {});
  });
  it('never evaluates executable front matter', () => {
    const result = readFrontMatter('---js\n{ id: (() => { throw new Error("ran") })() }\n---\n');
    assert.equal(result.error, undefined);
    assert.equal(result.bodyStart, 0);
  });
  it('handles CRLF front matter', () => {
    const parsed = study('---\r\nid: crlf\r\n---\r\nBody #a\r\n');
    assert.equal(parsed.id, 'crlf');
    assert.equal(parsed.tags[0].range.startPosition.line, 3);
  });
  it('points a duplicate id at the id line', () => {
    const parsed = study('---\ntitle: x\nid: dup\n---\n');
    assert.equal(parsed.idRange.startPosition.line, 2);
  });
  it('frontMatterBodyStart says where the body starts as readFrontMatter does, without parsing the YAML', () => {
    const texts = ['Body.', '---\nid: a\n---\nBody.', '---\r\nid: a\r\n---\r\nBody.', '---\nid: a\n---', '---\nid: [a\n---\nBody.', '---\n- a\n---\n', '---\nid: a\nBody.', '--- \n\n---  \nx', '---\n# note\n---\n', ''];
    for (const text of texts) assert.equal(frontMatterBodyStart(text), readFrontMatter(text).bodyStart, JSON.stringify(text));
  });
});
