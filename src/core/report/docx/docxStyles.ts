/**
 * The Word report's styles: Word's own heading styles (so the navigation pane and the
 * table of contents work), a Quote style for participants' words, a Caption style for
 * figures, compact table text, and the page margins. Sizes in half-points, spacing and
 * indents in twentieths of a point (twips), as WordprocessingML counts them.
 */
import { AlignmentType, BorderStyle, LineRuleType, type IStylesOptions } from 'docx';

/** The body font; Word substitutes a metric twin where it is missing. */
export const BODY_FONT = 'Calibri';
/** Page width minus the margins, in twips (A4, 2.5 cm margins). */
export const TEXT_WIDTH = 9026;
/** A4 portrait in twips, and its margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1418 } as const;

/** Paragraph style ids used by the renderer. */
export const STYLE = { quote: 'Quote', caption: 'Caption', tableText: 'TableText', reference: 'Reference', titleMeta: 'TitleMeta' } as const;

const heading = (id: string, name: string, size: number, before: number) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: BODY_FONT, size, bold: true, color: '1F3864' },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

/** The styles of the document. */
export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: { run: { font: BODY_FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: BODY_FONT, size: 44, bold: true, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
      heading1: heading('Heading1', 'Heading 1', 32, 360),
      heading2: heading('Heading2', 'Heading 2', 28, 300),
      heading3: heading('Heading3', 'Heading 3', 25, 240),
      heading4: heading('Heading4', 'Heading 4', 23, 200),
      heading5: heading('Heading5', 'Heading 5', 22, 160),
      heading6: heading('Heading6', 'Heading 6', 22, 160),
    },
    paragraphStyles: [
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: '404040' },
        paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 60, after: 120 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '9B2226', space: 8 } } },
      },
      { id: STYLE.caption, name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, size: 20, color: '1F3864' }, paragraph: { spacing: { before: 60, after: 240 } } },
      { id: STYLE.tableText, name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.reference, name: 'Bibliography', basedOn: 'Normal', paragraph: { indent: { left: 567, hanging: 567 }, spacing: { after: 120 } } },
      { id: STYLE.titleMeta, name: 'Title Page Detail', basedOn: 'Normal', run: { size: 24 }, paragraph: { spacing: { after: 160 }, alignment: AlignmentType.LEFT } },
    ],
  };
}
