import { strict as assert } from 'node:assert';
import { assertValidRevision, InvalidRevisionError, revisionProblem } from '../../../src/core/git/revisionName';

describe('git revision names', () => {
  const accepted = ['HEAD', 'HEAD~2', 'HEAD^', 'main^2', 'origin/main', 'v1.0.0', 'feature/coder-a', 'HEAD@{1}', '@{upstream}', 'a1b2c3d', 'é-branche', '9f'.repeat(20)];
  for (const name of accepted) {
    it(`accepts ${name}`, () => assert.equal(revisionProblem(name), undefined));
  }

  const refused: Array<[string, RegExp]> = [
    ['', /empty/],
    ['-n', /starts with `-`/],
    ['--output=/tmp/x', /starts with `-`/],
    ['main..feature', /ranges/],
    ['main...feature', /ranges/],
    ['HEAD:codebook.md', /space or one of/],
    ['main feature', /space or one of/],
    ['main\nfeature', /control character/],
    ['main\u0000', /control character/],
    ['main\u001b[31m', /control character/],
    ['$(touch x)', /space or one of/],
    ['a;b', /space or one of/],
    ['main^{tree}', /braces/],
    ['refs/heads/', /well-formed/],
    ['x'.repeat(300), /longer than/],
  ];
  for (const [name, reason] of refused) {
    it(`refuses ${JSON.stringify(name.slice(0, 20))}`, () => assert.match(revisionProblem(name) ?? 'accepted', reason));
  }

  it('throws an InvalidRevisionError that names the revision and how to fix it', () => {
    assert.throws(
      () => assertValidRevision('--exec=sh'),
      (error: unknown) => error instanceof InvalidRevisionError && /`--exec=sh`/.test(error.message) && /Name one commit/.test(error.message),
    );
  });

  it('prints control characters visibly in the message', () => {
    assert.throws(() => assertValidRevision('a\u0007b'), /a\\x07b/);
  });
});
