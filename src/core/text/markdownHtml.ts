/**
 * Markdown (GitHub-flavoured) to sanitised HTML for webviews: remark-parse and
 * remark-gfm, remark-rehype without raw HTML (a `<script>` in an excerpt stays text),
 * then rehype-sanitize with GitHub's schema (no event handlers, no `javascript:` links).
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Made on first use, so a bundle that never renders Markdown this way leaves the pipeline out. */
let processor: ReturnType<typeof makeProcessor> | undefined;

function makeProcessor() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);
}

/** The Markdown as an HTML fragment, safe to place in a page. */
export function markdownToSafeHtml(markdown: string): string {
  processor ??= makeProcessor();
  return String(processor.processSync(markdown));
}
