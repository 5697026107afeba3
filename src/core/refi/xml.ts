/**
 * XML for REFI-QDA, read and written with fast-xml-parser. Reading is locked down: a
 * document with a DOCTYPE or an ENTITY declaration is refused (no DTD, no external or
 * internal entities, so no XXE and no entity expansion), the parser never expands
 * entities itself, and only the five predefined entities and character references
 * are decoded here.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed element: `@name` attributes, `#text`/`#cdata` content, child element lists. */
export interface XmlElement {
  readonly [key: string]: XmlElement[] | string | undefined;
}

/** An XML file that cannot or must not be read. */
export class XmlReadError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  cdataPropName: '#cdata',
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

/** Decodes XML bytes (UTF-8, or UTF-16 with a byte order mark). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * Parses an XML document and returns its root element named `rootName`; throws
 * `XmlReadError` for a DTD, malformed XML or another root.
 */
export function parseXmlSafely(text: string, rootName: string, fileName: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new XmlReadError(`${fileName} contains a DOCTYPE or ENTITY declaration; REFI-QDA files never need one, and it is refused so the file cannot read other files (XXE).`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlReadError(`${fileName} is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}).`);
  }
  let document: Record<string, XmlElement[] | undefined>;
  try {
    document = parser.parse(text) as Record<string, XmlElement[] | undefined>;
  } catch (error) {
    // The parser's own bounds (100 levels of nesting) keep the recursive readers safe.
    const nesting = /nested tags/i.test((error as Error).message);
    throw new XmlReadError(nesting ? `${fileName} nests elements more than 100 levels deep (codes inside codes?): QualSynth reads at most 100; flatten the code tree in the tool that exported it.` : `${fileName} cannot be read as XML: ${(error as Error).message}.`);
  }
  const root = document[rootName]?.[0];
  if (!root) throw new XmlReadError(`${fileName} has no <${rootName}> root element; is it a REFI-QDA file?`);
  return root;
}

/** The child elements named `name` (in document order). */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  return Array.isArray(value) ? value : [];
}

/** The first child element named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return children(element, name)[0];
}

/** An attribute's value with entities decoded, or `undefined`. */
export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.[`@${name}`];
  return typeof value === 'string' ? decodeEntities(value) : undefined;
}

/** An element's text content (entities decoded; CDATA as written). */
export function textContent(element: XmlElement | undefined): string {
  if (!element) return '';
  const text = element['#text'];
  const cdata = children(element, '#cdata').map((part) => (typeof part['#text'] === 'string' ? part['#text'] : ''));
  return (typeof text === 'string' ? decodeEntities(text) : '') + cdata.join('');
}

const entity = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const predefined: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; other `&name;` stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(entity, (match, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (name) return predefined[name];
    const point = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    if (point > 0x10ffff) return match;
    // `&#x0;` or `&#xD800;` name characters no XML document (or UTF-8 file) can hold.
    return point === 0 || (point >= 0xd800 && point <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(point);
  });
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/** A value for the builder: attributes as `@name`, text as `#text`, children by name. */
export interface XmlOut {
  [key: string]: XmlOut | XmlOut[] | string | number | boolean | undefined;
}

/** Builds an XML document (UTF-8 declaration, two-space indent, `\n` line ends). */
export function buildXml(root: XmlOut): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(root)}`;
}

/** Replaces characters XML 1.0 cannot hold (control characters, lone surrogates) with U+FFFD. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}
