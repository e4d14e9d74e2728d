// A block of rows (readBlock's) packed into typed arrays and strings, so that a worker thread hands
// it over whole (transferred, not copied value by value). A text column goes as a dictionary (its
// distinct values once, and a code per row), so that each distinct string is converted to polars
// once: event types repeat on every row, uuids and links on several.
import type { Block, LineCounts } from "./ndjson-reader";

const enum Kind {
  Null,
  Text,
  Number,
  True,
  False,
}

/** Strings one after the other; `lengths` cuts them apart. */
export interface PackedStrings {
  text: string;
  lengths: Int32Array;
}

export type PackedColumn =
  /** Every value text or null: code −1 for null, else an index into `dictionary`. */
  | { kind: "dictionary"; dictionary: PackedStrings; codes: Int32Array }
  /** Anything else: a kind per row, numbers by row, texts in order. */
  | { kind: "values"; kinds: Uint8Array; numbers: Float64Array; texts: PackedStrings };

export interface PackedBlock extends LineCounts {
  lines: Int32Array;
  times: Float64Array;
  subMs: Int32Array;
  names: string[];
  columns: PackedColumn[];
}

export function pack(block: Block): { packed: PackedBlock; transfer: ArrayBuffer[] } {
  const columns = [...block.columns.values()].map(packColumn);
  const packed: PackedBlock = {
    lines: Int32Array.from(block.lines),
    times: Float64Array.from(block.times),
    subMs: Int32Array.from(block.subMs),
    names: [...block.columns.keys()],
    columns,
    lineCount: block.lineCount,
    skipped: block.skipped,
    badLines: block.badLines,
    ...(block.error ? { error: block.error } : {}),
  };
  const buffers = (c: PackedColumn) => (c.kind === "dictionary" ? [c.dictionary.lengths.buffer, c.codes.buffer] : [c.kinds.buffer, c.numbers.buffer, c.texts.lengths.buffer]);
  return { packed, transfer: [packed.lines.buffer, packed.times.buffer, packed.subMs.buffer, ...columns.flatMap(buffers)] as ArrayBuffer[] };
}

function packStrings(strings: string[]): PackedStrings {
  return { text: strings.join(""), lengths: Int32Array.from(strings, (s) => s.length) };
}

export function unpackStrings({ text, lengths }: PackedStrings): string[] {
  const out = new Array<string>(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const n = lengths[i] as number;
    out[i] = text.slice(at, at + n);
    at += n;
  }
  return out;
}

/** Strings numbered in the order first seen: a code per string, and the distinct ones by code. */
export class Dictionary {
  readonly distinct: string[] = [];
  private readonly ids = new Map<string, number>();

  code(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.distinct.length;
      this.ids.set(value, id);
      this.distinct.push(value);
    }
    return id;
  }
}

function packColumn(values: unknown[]): PackedColumn {
  if (values.every((v) => v === null || typeof v === "string")) {
    const dictionary = new Dictionary();
    const codes = Int32Array.from(values as (string | null)[], (v) => (v === null ? -1 : dictionary.code(v)));
    return { kind: "dictionary", dictionary: packStrings(dictionary.distinct), codes };
  }
  const kinds = new Uint8Array(values.length);
  const numbers = new Float64Array(values.length);
  const texts: string[] = [];
  values.forEach((v, i) => {
    if (typeof v === "number") {
      kinds[i] = Kind.Number;
      numbers[i] = v;
    } else if (typeof v === "boolean") {
      kinds[i] = v ? Kind.True : Kind.False;
    } else if (v !== null && v !== undefined) {
      kinds[i] = Kind.Text;
      texts.push(typeof v === "string" ? v : String(v));
    }
  });
  return { kind: "values", kinds, numbers, texts: packStrings(texts) };
}

/** A packed column's values, as in the block it came from. */
export function columnValues(column: PackedColumn): unknown[] {
  if (column.kind === "dictionary") {
    const distinct = unpackStrings(column.dictionary);
    return Array.from(column.codes, (c) => (c < 0 ? null : distinct[c]));
  }
  const texts = unpackStrings(column.texts);
  let t = 0;
  return Array.from(column.kinds, (k, i) => {
    switch (k as Kind) {
      case Kind.Text:
        return texts[t++];
      case Kind.Number:
        return column.numbers[i];
      case Kind.True:
        return true;
      case Kind.False:
        return false;
      default:
        return null;
    }
  });
}
