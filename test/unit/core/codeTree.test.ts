import { strict as assert } from 'node:assert';
import { codeTree, type CodeTreeNode } from '../../../src/core/codeTree';

/** The tree as indented lines: `workers/` for a prefix node, `#workers/hours` for a code. */
function outline(nodes: readonly CodeTreeNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.isCode ? `#${node.name}` : `${node.name}/`}`, ...outline(node.children, depth + 1)]);
}

describe('nested codes (parent/child)', () => {
  it('puts child codes under their parent code, in codebook order', () => {
    assert.deepEqual(outline(codeTree(['low-pay', 'workers', 'workers/hours', 'stigma', 'workers/pay'])), ['#low-pay', '#workers', '  #workers/hours', '  #workers/pay', '#stigma']);
  });

  it('groups children whose parent is not a listed code under a prefix node', () => {
    assert.deepEqual(outline(codeTree(['workers/hours', 'other', 'workers/pay/late'])), ['workers/', '  #workers/hours', '  workers/pay/', '    #workers/pay/late', '#other']);
  });

  it('leaves flat names flat and keeps every listed name exactly once', () => {
    const names = ['a', 'b', 'a', '/lead', 'trail/', 'x//y'];
    const tree = codeTree(names);
    const codes = (nodes: readonly CodeTreeNode[]): string[] => nodes.flatMap((node) => [...(node.isCode ? [node.name] : []), ...codes(node.children)]);
    assert.deepEqual(codes(tree).sort(), [...new Set(names)].sort());
    assert.deepEqual(outline(codeTree(['a', 'b'])), ['#a', '#b']);
  });

  it('puts a parent listed after its child where the child first appeared', () => {
    assert.deepEqual(outline(codeTree(['z/child', 'a', 'z'])), ['#z', '  #z/child', '#a']);
  });
});
