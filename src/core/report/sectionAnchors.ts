/**
 * The anchors of the report's sections, worked out on the mdast tree before it is
 * rendered: the ids the HTML report gives its top-level h2 and h3 headings
 * (`addContents`, in order, repeats numbered), so a link to `#anchor` lands there in
 * HTML, and on the same heading in Word (a bookmark) and, for the section titles the
 * report links, in GitHub's and VS Code's Markdown previews (same slug for them).
 */
import type { Heading, PhrasingContent, RootContent } from 'mdast';
import { headingSlug } from './htmlContents';

/** Each top-level h2 and h3 heading and its anchor, in report order. */
export function sectionAnchors(nodes: readonly RootContent[]): Map<Heading, string> {
  const taken = new Set<string>();
  const anchors = new Map<Heading, string>();
  for (const node of nodes) if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) anchors.set(node, headingSlug(headingText(node), taken));
  return anchors;
}

/** The anchor of the first section titled `title`, if the report has one. */
export function anchorOf(anchors: ReadonlyMap<Heading, string>, title: string): string | undefined {
  for (const [node, anchor] of anchors) if (headingText(node) === title) return anchor;
  return undefined;
}

/** A heading's text as the HTML heading's text content: text and code values, in order. */
function headingText(node: Heading | PhrasingContent): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(headingText).join('') : '';
}
