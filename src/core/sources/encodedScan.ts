/**
 * A study's scan (`ScannedStudy`) as a few typed arrays and short string lists, so a
 * worker thread can scan and post it cheaply (the arrays are transferred, not copied)
 * and the main thread can build the index's objects from it without scanning again.
 * Posting the scan's own ~600 objects per study would cost more than scanning.
 */
import { NO_ATTRIBUTES } from '../syntax/nameCopies';
import type { ScannedError, ScannedSegment, ScannedStudy, ScannedTag, TagMaker } from '../syntax/scanTags';

/** Numbers per tag in `EncodedScan.tags`: start, end, index into `names`. */
const TAG_FIELDS = 3;
/**
 * Numbers per segment in `EncodedScan.segments`: kind and order (bit 0: block, bit 1:
 * first order), start, end, outer start, outer end, code list, attributes (or -1),
 * first and end cut, first entry in `segmentTags`, number of tags.
 */
const SEGMENT_FIELDS = 11;
const NONE = -1;

/** A scan in transferable form. */
export interface EncodedScan {
  readonly tags: Int32Array;
  /** The distinct code names, one per line (a name holds no line break). */
  readonly names: string;
  readonly segments: Int32Array;
  /** Indices into the tags of each segment's tags, segment after segment. */
  readonly segmentTags: Int32Array;
  /** The distinct code lists, each as its length then indices into the names. */
  readonly codeLists: Int32Array;
  readonly attributes: ReadonlyArray<Readonly<Record<string, string>>>;
  /** The study's excerpt cuts (`ScannedStudy.cuts`). */
  readonly cuts: Int32Array;
  readonly errors: readonly ScannedError[];
}

/** Encodes a scan made with plain tags (`scanTags` without a tag maker). */
export function encodeScan(scanned: ScannedStudy): EncodedScan {
  const names = new Indexed<string>();
  const tagIndex = new Map<ScannedTag, number>();
  const tags = new Int32Array(scanned.tags.length * TAG_FIELDS);
  for (let index = 0, at = 0; index < scanned.tags.length; index++, at += TAG_FIELDS) {
    const tag = scanned.tags[index];
    tagIndex.set(tag, index);
    tags[at] = tag.start;
    tags[at + 1] = tag.end;
    tags[at + 2] = names.indexOf(tag.code);
  }
  const codeLists = new Indexed<readonly string[]>();
  const attributes = new Indexed<Readonly<Record<string, string>>>();
  const segments = new Int32Array(scanned.segments.length * SEGMENT_FIELDS);
  const segmentTags = new Int32Array(scanned.segments.reduce((sum, segment) => sum + segment.tags.length, 0));
  let tagCursor = 0;
  for (let index = 0, at = 0; index < scanned.segments.length; index++, at += SEGMENT_FIELDS) {
    const segment = scanned.segments[index];
    segments[at] = (segment.kind === 'block' ? 1 : 0) | (segment.order === 'first' ? 2 : 0);
    segments[at + 1] = segment.start;
    segments[at + 2] = segment.end;
    segments[at + 3] = segment.outerStart;
    segments[at + 4] = segment.outerEnd;
    segments[at + 5] = codeLists.indexOf(segment.codes);
    segments[at + 6] = segment.attributes === NO_ATTRIBUTES ? NONE : attributes.indexOf(segment.attributes);
    segments[at + 7] = segment.cutsFrom;
    segments[at + 8] = segment.cutsTo;
    segments[at + 9] = tagCursor;
    segments[at + 10] = segment.tags.length;
    for (const tag of segment.tags) segmentTags[tagCursor++] = tagIndex.get(tag)!;
  }
  return {
    tags,
    names: names.values.join('\n'),
    segments,
    segmentTags,
    codeLists: packCodeLists(codeLists.values, names),
    attributes: attributes.values,
    cuts: Int32Array.from(scanned.cuts),
    errors: scanned.errors,
  };
}

/** Each code list as its length, then the indices of its names. */
function packCodeLists(lists: ReadonlyArray<readonly string[]>, names: Indexed<string>): Int32Array {
  const packed = new Int32Array(lists.reduce((sum, list) => sum + 1 + list.length, 0));
  let at = 0;
  for (const list of lists) {
    packed[at++] = list.length;
    for (const name of list) packed[at++] = names.indexOf(name);
  }
  return packed;
}

/** The code lists packed by `packCodeLists`, each frozen (shared by the study's segments). */
function unpackCodeLists(packed: Int32Array, names: readonly string[]): Array<readonly string[]> {
  const lists: Array<readonly string[]> = [];
  for (let at = 0; at < packed.length; at += packed[at] + 1) {
    const list = new Array<string>(packed[at]);
    for (let item = 0; item < list.length; item++) list[item] = names[packed[at + 1 + item]];
    lists.push(Object.freeze(list));
  }
  return lists;
}

/** The buffers to transfer with a posted scan. */
export function transferables(scan: EncodedScan): ArrayBuffer[] {
  return [scan.tags, scan.segments, scan.segmentTags, scan.codeLists, scan.cuts].map((array) => array.buffer as ArrayBuffer);
}

/** The scan of `text` that `scan` encodes, with tags made by `makeTag`. */
export function decodeScan<T extends ScannedTag>(scan: EncodedScan, text: string, makeTag: TagMaker<T>): ScannedStudy<T> {
  const names = scan.names === '' ? [] : scan.names.split('\n');
  const tags = new Array<T>(scan.tags.length / TAG_FIELDS);
  for (let index = 0, at = 0; index < tags.length; index++, at += TAG_FIELDS) {
    tags[index] = makeTag(names[scan.tags[at + 2]], scan.tags[at], scan.tags[at + 1]);
  }
  const codeLists = unpackCodeLists(scan.codeLists, names);
  const data = scan.segments;
  const segments = new Array<ScannedSegment<T>>(data.length / SEGMENT_FIELDS);
  for (let index = 0, at = 0; index < segments.length; index++, at += SEGMENT_FIELDS) {
    const segmentTags = new Array<T>(data[at + 10]);
    for (let tag = 0; tag < segmentTags.length; tag++) segmentTags[tag] = tags[scan.segmentTags[data[at + 9] + tag]];
    segments[index] = {
      kind: data[at] & 1 ? 'block' : 'span',
      order: data[at] & 2 ? 'first' : 'second',
      codes: codeLists[data[at + 5]],
      start: data[at + 1],
      end: data[at + 2],
      outerStart: data[at + 3],
      outerEnd: data[at + 4],
      cutsFrom: data[at + 7],
      cutsTo: data[at + 8],
      tags: segmentTags,
      attributes: data[at + 6] === NONE ? NO_ATTRIBUTES : scan.attributes[data[at + 6]],
    };
  }
  return { segments, tags, errors: [...scan.errors], cuts: Array.from(scan.cuts) };
}

/** Distinct values (by identity) in the order first seen, and each one's index. */
class Indexed<T> {
  readonly values: T[] = [];
  private readonly indices = new Map<T, number>();

  indexOf(value: T): number {
    let index = this.indices.get(value);
    if (index === undefined) this.indices.set(value, (index = this.values.push(value) - 1));
    return index;
  }
}
