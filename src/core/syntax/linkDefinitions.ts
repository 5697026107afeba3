/**
 * Link reference definitions (`[label]: destination "title"`, CommonMark) seen by the
 * line-based block splitter. A definition holds no tags and codes nothing, so it makes
 * no block; its destination and its title may each be on the next line, and the line
 * after it is paragraph text even when indented (never code).
 */

const DESTINATION = String.raw`(?:<[^<>\n]*>|[^\s<]\S*)`;
const TITLE = String.raw`(?:"[^"]*"|'[^']*'|\([^()]*\))`;
const LABEL = String.raw`\[(?:[^\\[\]]|\\.)+\]:[ \t]*`;
const definitionLine = new RegExp(`^${LABEL}(${DESTINATION}(?:[ \t]+${TITLE})?)?[ \t]*$`);
const destinationLine = new RegExp(`^${DESTINATION}(?:[ \t]+(${TITLE}))?[ \t]*$`);
const titleLine = new RegExp(`^${TITLE}[ \t]*$`);

/** What follows `[label]:` within a block's text: a destination, then maybe a title. */
export const definitionRest = new RegExp(`^[ \\t]*\\n?[ \\t]*${DESTINATION}(?:[ \\t\\n]+${TITLE})?[ \\t]*$`);

/** The state of the definitions at the current line of a block split. */
export class LinkDefinitions {
  /** What the next line may add to the last definition. */
  private needs: 'destination' | 'title' | undefined;
  /** Blockquote depth of the last definition: its title or destination lines share it. */
  private quoteDepth = 0;
  /** True on the line after a definition. */
  private justEnded = false;

  /** A blank line ends a definition. */
  blankLine(): void {
    this.needs = undefined;
    this.justEnded = false;
  }

  /** True (once) on the line right after a definition: it is text, never indented code. */
  takeJustEnded(): boolean {
    const ended = this.justEnded;
    this.justEnded = false;
    return ended;
  }

  /**
   * True when a line where a paragraph would start (`rest`, markers removed) is a
   * definition. `nextLine` is the next line's content, for a destination there.
   */
  starts(rest: string, quoteDepth: number, nextLine: () => string): boolean {
    const match = rest.charCodeAt(0) === 91 /* [ */ ? definitionLine.exec(rest) : null;
    if (!match) return false;
    if (match[1] === undefined && !destinationLine.test(nextLine())) return false;
    this.quoteDepth = quoteDepth;
    this.needs = match[1] === undefined ? 'destination' : /\s\S/.test(match[1]) ? undefined : 'title';
    this.justEnded = true;
    return true;
  }

  /** True when the line finishes the definition before it (its destination or title). */
  continues(rest: string, quoteDepth: number, blockOpen: boolean): boolean {
    const needs = this.needs;
    this.needs = undefined;
    if (needs === undefined || blockOpen || quoteDepth !== this.quoteDepth) return false;
    if (needs === 'title') return (this.justEnded = titleLine.test(rest));
    const destination = destinationLine.exec(rest);
    if (destination && destination[1] === undefined) this.needs = 'title';
    return (this.justEnded = destination !== null);
  }
}
