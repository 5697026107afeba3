/**
 * Flat copies of the code names (and attribute values) a study keeps, one per name.
 * A name sliced from a block's text would keep that whole text alive (V8 strings made
 * by `slice` hold their parent): copied, 1,000 studies take ~50 MB less memory.
 */
export class NameCopies {
  private readonly names = new Map<string, string>();
  private readonly codeLists: CodeListTree = {};

  /** The study's one flat copy of `name`. */
  copy(name: string): string {
    let copy = this.names.get(name);
    // Concatenating then slicing makes V8 build a new flat string: a copy, and cheap.
    if (copy === undefined) this.names.set(name, (copy = ` ${name}`.slice(1)));
    return copy;
  }

  /** Span attributes with copied keys and values; one shared empty object for none. */
  copyValues(attributes: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
    const entries = Object.entries(attributes);
    if (entries.length === 0) return NO_ATTRIBUTES;
    const out: Record<string, string> = {};
    for (const [key, value] of entries) out[this.copy(key)] = this.copy(value);
    return out;
  }

  /**
   * The study's one list of these distinct codes (most passages share a handful of code
   * lists). A new list is kept as an exact-size frozen copy: a list grown by `push` has
   * room for 17 names, 152 bytes where two names need 32, and the index keeps ~90,000.
   */
  codeList(codes: string[]): readonly string[] {
    // A tree of the lists by code, in order: the codes are this study's copies, whose
    // hashes V8 keeps, where a key joined from them would be a new string to hash.
    let node = this.codeLists;
    for (const code of codes) {
      const next = (node.next ??= new Map());
      let child = next.get(code);
      if (child === undefined) next.set(code, (child = {}));
      node = child;
    }
    return (node.list ??= Object.freeze(codes.slice()));
  }
}

/** The code lists that start with a sequence of codes: the one of exactly those codes, and the longer ones by their next code. */
interface CodeListTree {
  list?: readonly string[];
  next?: Map<string, CodeListTree>;
}

/** The attributes of a passage that has none, shared by all of them. */
export const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});
