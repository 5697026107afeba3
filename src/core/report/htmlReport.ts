/**
 * Renders the report as one standalone HTML page: the Markdown report's mdast tree
 * through remark-rehype, then rehype-sanitize (GitHub's schema: no scripts, no event
 * handlers, no `javascript:` links), then wrapped in a document with a small,
 * print-friendly stylesheet. The page has no scripts at all.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { inlineFigures } from './figures';
import { addContents } from './htmlContents';
import { reportTree } from './markdownReport';
import type { ReportModel } from './reportModel';

/** The stylesheet: readable on screen, tables that survive printing. */
const STYLESHEET = `
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
/* Wide tables (the Evidence Profile) may leave the text column for the window's width, centred on it. */
table { width: max-content; max-width: calc(100vw - 2rem); position: relative; left: 50%; transform: translateX(-50%); }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
svg { max-width: 100%; height: auto; }
nav.contents { border: 1px solid #ccc; background: #fafafa; padding: 0.2em 1em 0.6em; margin: 1.5em 0; }
nav.contents h2 { border: none; margin: 0.6em 0 0.3em; font-size: 1.1em; }
nav.contents ol { margin: 0; padding-left: 1.4em; }
nav.contents ol ol { font-size: 0.92em; }
blockquote { margin: 0.5em 0; padding: 0.2em 1em; border-left: 4px solid #9b2226; background: #faf7f5; }
code { font-family: ui-monospace, SFMono-Regular, Consolas, monospace; font-size: 0.9em; }
a { color: #0b5394; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  tr, blockquote, li { break-inside: avoid; }
  table { width: auto; max-width: 100%; position: static; transform: none; }
  nav.contents { display: none; }
  thead { display: table-header-group; }
}
`.trimStart();

/** Converts the report to a sanitised hast tree (the page body). */
function bodyTree(model: ReportModel): HastRoot {
  const processor = unified().use(remarkGfm).use(remarkRehype).use(rehypeSanitize);
  const tree = processor.runSync(reportTree(model)) as HastRoot;
  inlineFigures(tree, model.figures);
  addContents(tree);
  return tree;
}

const element = (tagName: string, properties: Element['properties'], children: HastContent[] = []): Element => ({ type: 'element', tagName, properties, children: children as Element['children'] });
const textNode = (value: string): HastContent => ({ type: 'text', value });

/** Renders the report as a standalone HTML document (`\n` line endings). */
export function renderHtml(model: ReportModel): string {
  const body = bodyTree(model);
  const head = element('head', {}, [
    element('meta', { charSet: 'utf-8' }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('title', {}, [textNode(model.title)]),
    element('style', {}, [textNode(STYLESHEET)]),
  ].flatMap((child) => [textNode('\n'), child]).concat(textNode('\n')));
  const page: HastRoot = {
    type: 'root',
    children: [{ type: 'doctype' }, textNode('\n'), element('html', { lang: 'en' }, [textNode('\n'), head, textNode('\n'), element('body', {}, [textNode('\n'), ...body.children, textNode('\n')]), textNode('\n')]), textNode('\n')],
  };
  return unified().use(rehypeStringify).stringify(page);
}

/** Renders the report's body alone (sanitised HTML), for a host page such as a webview. */
export function renderHtmlBody(model: ReportModel): string {
  return unified().use(rehypeStringify).stringify(bodyTree(model));
}
