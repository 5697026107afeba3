import { strict as assert } from 'node:assert';
import * as posix from 'node:path/posix';
import fc from 'fast-check';
import { joinPaths, normalizePath } from '../../../src/core/reviewPaths';
import { CHEAP_RUNS, propertyParameters } from '../property/settings';

/** Paths made of the segments that matter to normalisation. */
const segment = fc.constantFrom('', '.', '..', 'a', 'b', 'studies', 'é 1', '...');
const path = fc.array(segment, { maxLength: 8 }).map((parts) => parts.join('/'));

describe('reviewPaths', () => {
  it('normalises as node:path/posix does', () => {
    for (const example of ['', '.', './', '/', '//', 'a/../..', '../a/./b/', '/../x', 'a//b/../c/', '..', 'a/../', '/a/b/../../..']) {
      assert.equal(normalizePath(example), posix.normalize(example), example);
    }
    fc.assert(fc.property(path, (text) => normalizePath(text) === posix.normalize(text)), propertyParameters('normalizePath', CHEAP_RUNS));
  });

  it('joins as node:path/posix does', () => {
    assert.equal(joinPaths('..', 'studies/a.md'), '../studies/a.md');
    assert.equal(joinPaths('', ''), '.');
    fc.assert(fc.property(fc.array(path, { maxLength: 4 }), (parts) => joinPaths(...parts) === posix.join(...parts)), propertyParameters('joinPaths', CHEAP_RUNS));
  });
});
