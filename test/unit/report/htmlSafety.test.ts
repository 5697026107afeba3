import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildReport } from '../../../src/core/report/buildReport';
import { renderHtml } from '../../../src/core/report/htmlReport';
import type { ReportModel } from '../../../src/core/report/reportModel';
import { FIXTURES, load } from './reportFixtures';

/**
 * The hostile fixture puts `<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`
 * and `[x](javascript:alert(1))` in the project file, the codebook (theme, description,
 * CERQual, definition), front matter (citation, authors, attributes, CASP answers), a
 * coder attribute, first- and second-order passages.
 */
const HOSTILE = path.join(FIXTURES, 'hostile');

/** Every node of an mdast tree, depth first. */
function nodesOf(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? (node.children as Nodes[]).flatMap(nodesOf) : [])];
}

describe('report safety', () => {
  it('puts no live script, event handler or javascript: link in the HTML report', async () => {
    const { html } = buildReport(await load(HOSTILE), { formats: ['html'] });
    assert.ok(html);
    // The payloads are there, as text: the test would pass vacuously otherwise.
    assert.match(html, /&#x3C;script>alert\(1\)&#x3C;\/script>/);
    assert.match(html, /&#x3C;img src=x onerror=alert\(1\)>/);
    assert.match(html, /\[x\]\(javascript:alert\(1\)\)/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+\s*=/i, 'no element carries an event handler');
    assert.doesNotMatch(html, /href\s*=\s*["']?\s*javascript:/i);
    assert.doesNotMatch(html, /<(iframe|object|embed|form|base|meta http-equiv)/i);
    // Exactly one <style> (ours) and every link goes to a study file.
    assert.equal(html.match(/<style/g)?.length, 1);
    // Links of the table of contents go to the page's own headings; every other one to the study.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href, /^(?:\.\.\/studies\/evil\.md#L\d+|#[\p{L}\p{N}-]+)$/u);
  });

  it('escapes the payloads in the Markdown report, so a Markdown renderer shows them as text', async () => {
    const { markdown } = buildReport(await load(HOSTILE), { formats: ['md'] });
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown!);
    const nodes = nodesOf(tree);
    const html = nodes.flatMap((node) => (node.type === 'html' ? [node.value] : []));
    const urls = nodes.flatMap((node) => (node.type === 'link' ? [node.url] : []));
    assert.deepEqual(html, [], 'no raw HTML in the Markdown report');
    assert.ok(urls.length > 0);
    for (const url of urls) assert.match(url, /^\.\.\/studies\/evil\.md#L\d+$/);
    assert.match(markdown!, /\\<script>alert\(1\)\\<\/script>/);
  });

  it('escapes the payloads in the page title', async () => {
    const { html } = buildReport(await load(HOSTILE), { formats: ['html'] });
    assert.match(html!, /<title>Hostile &#x3C;script>alert\(1\)&#x3C;\/script> review<\/title>/);
  });

  it('sanitises the HTML even if the model itself carried a javascript: link', async () => {
    const { model } = buildReport(await load(HOSTILE), { formats: [] });
    const hostileLink = 'javascript:alert(1)';
    const code = model.themes[0].codes[0];
    const tampered: ReportModel = {
      ...model,
      themes: [{ ...model.themes[0], codes: [{ ...code, excerpts: code.excerpts.map((excerpt) => ({ ...excerpt, link: hostileLink })) }] }],
    };
    const html = renderHtml(tampered);
    assert.ok(code.excerpts.length > 0);
    assert.doesNotMatch(html, /href\s*=\s*["']?\s*javascript:/i);
    assert.match(html, /<a>studies\/evil\.md:\d+<\/a>/, 'the link survives without its href');
  });
});
