/**
 * The parts of commonmark.js 0.31.2 (the CommonMark reference implementation) that
 * the block parser uses: its documented `Parser` and `Node`, and the block parser's
 * own state and hooks (`addLine`, `blocks`, `blockStarts`, `refmap`), which are plain
 * properties of the object `new Parser()` returns. The version is pinned exactly in
 * package.json; the differential test runs the whole spec through it.
 */
declare module 'commonmark' {
  /** A block node of the document tree. */
  export interface Node {
    readonly type: string;
    /** `[[startLine, startColumn], [endLine, endColumn]]`, 1-based; columns count characters. */
    readonly sourcepos: [[number, number], [number, number]];
    level: number | null;
    readonly firstChild: Node | null;
    readonly next: Node | null;
    readonly parent: Node | null;
    /** The last child, open while the block is (the open blocks are the chain of last children). */
    readonly _lastChild: Node | null;
    /** A list's or item's marker: an item's content starts `markerOffset + padding` columns in. */
    _listData: ListData;
    /** Paragraph and heading content while parsing: the lines, each ending in `\n`. */
    _string_content: string | null;
    /** CommonMark's HTML block kind, 1–7. */
    _htmlBlockType?: number;
    /** A code block's fence: fenced or indented, its character and length, the fence's indentation. */
    _isFenced?: boolean;
    _fenceChar?: string;
    _fenceLength?: number;
    _fenceOffset?: number;
    unlink(): void;
  }

  /** A list marker as commonmark.js's `parseListMarker` reads it (a list shares its first item's). */
  export interface ListData {
    type: 'bullet' | 'ordered' | null;
    tight: boolean;
    bulletChar: string | null;
    start: number | null;
    delimiter: string | null;
    padding: number;
    markerOffset: number;
  }

  /** How the block parser treats one kind of block. */
  export interface BlockBehaviour {
    /** 0: the line continues the block, 1: it does not, 2: the line is done. */
    continue(parser: BlockParser, container: Node): 0 | 1 | 2;
    finalize(parser: BlockParser, block: Node): void;
    canContain(type: string): boolean;
    acceptsLines: boolean;
  }

  /** A block start: 0 no match, 1 a container opened, 2 a leaf opened. */
  export type BlockStart = (parser: BlockParser, container: Node) => 0 | 1 | 2;

  /** The block parser's object and its state while it reads a line. */
  export interface BlockParser {
    parse(input: string): Node;
    /** Reads one line (without its line break) into the open blocks. */
    incorporateLine(line: string): void;
    finalize(block: Node, lineNumber: number): void;
    doc: Node;
    oldtip: Node;
    lastMatchedContainer: Node;
    lastLineLength: number;
    column: number;
    blocks: Record<string, BlockBehaviour>;
    blockStarts: BlockStart[];
    indent: number;
    processInlines(document: Node): void;
    addLine(): void;
    addChild(type: string, offset: number): Node;
    closeUnmatchedBlocks(): void;
    advanceOffset(count: number, columns?: boolean): void;
    inlineParser: { parseReference(content: string, refmap: BlockParser['refmap']): number };
    /** Link reference definitions by normalised label. */
    refmap: Record<string, { destination: string; title: string }>;
    tip: Node;
    currentLine: string;
    lineNumber: number;
    offset: number;
    nextNonspace: number;
    nextNonspaceColumn: number;
    indented: boolean;
    blank: boolean;
    partiallyConsumedTab: boolean;
    allClosed: boolean;
  }

  export const Parser: new (options?: Record<string, unknown>) => BlockParser;
  export const Node: new (type: string, sourcepos: [[number, number], [number, number]]) => Node;
}
