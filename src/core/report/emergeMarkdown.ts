/**
 * The eMERGe section of the Markdown (and so HTML and Word) report: one table of the
 * 19 items, the phase named on its first item, each item's text and prompt, and links
 * to the sections of this report that show it.
 */
import type { Heading, PhrasingContent, RootContent } from 'mdast';
import type { EmergeItem } from './emerge';
import { emphasis, heading, link, paragraph, prose, table, text } from './mdast';
import { anchorOf } from './sectionAnchors';

/** The section, or nothing when the report has no eMERGe items (any method but meta-ethnography). */
export function emergeSection(items: readonly EmergeItem[] | undefined, anchors: ReadonlyMap<Heading, string>): RootContent[] {
  if (!items) return [];
  const rows = items.map((item, index) => [
    index === 0 || items[index - 1].phase !== item.phase ? `${item.phase}. ${item.phaseName}` : '',
    String(item.number),
    item.name,
    reported(item),
    where(item.sections, anchors),
  ]);
  return [
    heading(2, text('eMERGe reporting items')),
    paragraph(
      text(`The eMERGe meta-ethnography reporting guidance (France et al. 2019): ${items.length} items in seven phases. Items marked `),
      emphasis('To complete:'),
      text(' need the authors’ own account; the last column links to the sections of this report that show the item.'),
    ),
    table(['Phase', 'No.', 'Item', 'Reported in this review', 'In this report'], rows),
  ];
}

function reported(item: EmergeItem): PhrasingContent[] {
  const content: PhrasingContent[] = prose(item.filled);
  if (item.prompt) content.push(...(item.filled ? [text(' ')] : []), emphasis('To complete:'), text(' '), ...prose(item.prompt));
  return content;
}

/** Links to the sections, `; ` between them; a title the report lacks stays plain text, `—` when there is none. */
function where(sections: readonly string[], anchors: ReadonlyMap<Heading, string>): PhrasingContent[] {
  if (sections.length === 0) return [text('—')];
  return sections.flatMap((title, index) => {
    const anchor = anchorOf(anchors, title);
    return [...(index > 0 ? [text('; ')] : []), anchor ? link(`#${anchor}`, title) : text(title)];
  });
}
