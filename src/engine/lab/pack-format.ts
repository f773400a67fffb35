// A lab packed for a timeline checkpoint: the World's plain data (architecture.md rule 2) written
// as one byte array and one string, and unpacked into a fresh copy when the timeline goes back.
// A live object costs V8 a header, a map pointer and 8 bytes per field; packed, a stream entry
// { start, size, argv: ['SET', 't:7', 'v1234'], cmd } is ~8 bytes, and strings are kept once per
// checkpoint (the three nodes' keyspaces and backlogs hold the same keys and values). Worked
// figure (30 min at 500 writes/s, three nodes): ~480 kB a copy as objects, ~60 kB packed.
//
// Exact by construction: objects, arrays, Maps, Sets and class instances (their prototype kept)
// come back with the same fields in the same order, the same insertion order, and shared
// references still shared (two chained nodes' backlogs and an in-flight message hold one entry).
// Numbers come back bit for bit (-0, NaN and non-integers as 8-byte doubles).
//
// Frozen objects are immutable, so some are not copied at all, as before packing:
//   - a frozen object holding only primitives and arrays of them (a stream entry) is packed;
//   - a frozen array of integers (a chunk of acknowledged write ends, acked.ts) is kept once as
//     deltas in a typed array and shared by every checkpoint that holds it (`PackCache`): 1000
//     ends of ~45-byte writes take 1 kB as Uint8 deltas instead of 8 kB;
//   - any other frozen object (an RdbFile with its dataset) is shared by reference.
// A function anywhere is a contract break: packing throws, naming the property it was found under.

// This file: the format both sides share; pack.ts writes it, unpack.ts reads it.

/** Packed data: `bytes` (string lengths, then the values) and `text` (every string, joined). */
export interface Packed {
  bytes: Uint8Array;
  text: string;
  /** What is shared by reference: prototypes, frozen objects, packed integer runs, typed arrays. */
  refs: unknown[];
}

/** A frozen array of integers as its first value and the deltas after it (or the raw values). */
export interface IntRun {
  n: number;
  first: number;
  deltas: Uint8Array | Uint16Array | Uint32Array | Float64Array;
}

/** An object's prototype and keys, in order: kept once per timeline, shared by its checkpoints. */
export interface Shape {
  proto: object | null;
  keys: string[];
  frozen: boolean;
  /** The keys set to undefined, in order: a copy of it has the final layout at once. */
  blank: object;
}

/** Shapes found so far: a trie over (prototype, frozen, key, key, …). */
export interface ShapeNode {
  shape?: Shape;
  next: Map<unknown, ShapeNode>;
}

/** Per timeline: what its checkpoints share (integer runs, shapes). */
export interface PackCache {
  /** The packed form of each frozen integer array met. */
  runs: WeakMap<readonly number[], IntRun>;
  /**
   * The integer arrays of the lab packed or unpacked last, by run: unpacking a run the live lab
   * holds reuses its (frozen) array, so scrubbing back 1 s rebuilds 1 acked chunk, not 50.
   */
  arrays: Map<IntRun, readonly number[]>;
  /** The blocks each long string array was last packed (or unpacked) as. */
  lines: WeakMap<readonly unknown[], (readonly string[])[]>;
  shapes: ShapeNode;
}

export function newPackCache(): PackCache {
  return { runs: new WeakMap(), arrays: new Map(), lines: new WeakMap(), shapes: { next: new Map() } };
}

/** The byte before each value: what follows (a varint, 8 bytes of a double, or a container). */
export enum Tag {
  Undefined,
  Null,
  False,
  True,
  Int,
  Double,
  Str,
  Seen,
  Array,
  Object,
  Map,
  Set,
  Ref,
  Ints,
  Bytes,
  Lines,
  MapLike,
  /** A stream pack (replication/packed.ts): start, end, meta, then its arguments as string ids. */
  Packed,
}

/** Maps of at least this size are packed as a few changes to one packed before (see `map`). */
export const MIN_LIKE = 64;

/** Strings a shared block of a long string array holds; arrays of at least MIN_LINES are blocked. */
export const LINES = 128;
export const MIN_LINES = 2 * LINES;

/** |n| below this packs as a zigzag varint (2n or -2n-1 stays an exact double). */
export const INT_LIMIT = 2 ** 51;
