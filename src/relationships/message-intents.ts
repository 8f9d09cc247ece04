/**
 * What a fold asks of a message: its intents that score at least the playbook's threshold, with
 * their evidence — and the ways of looking them up. A workspace's messages repeat (templates,
 * stock replies) and a history is folded at many moments, so each text is read once per lookup:
 * by default through a bounded in-memory cache per reader; for folds over the whole workspace,
 * through intents stored with the workspace (`TextIntentMemo`), so that the language engine only
 * reads texts it has never read with these settings.
 */
import type { IntentName, MessageAnalysis } from '../language/index.js';
import { textKey } from '../support/text-key.js';
import { intentOf, type MessageReader } from './message-reader.js';

export interface Evidenced {
  readonly score: number;
  readonly evidence: readonly string[];
}

/** The intents the fold acts on, each present only when it scores at least the threshold. */
export interface MessageIntents {
  readonly favour?: Evidenced | undefined;
  readonly pitch?: Evidenced | undefined;
  readonly gratitude?: Evidenced | undefined;
  readonly helpful?: Evidenced | undefined;
  readonly compliment?: Evidenced | undefined;
  readonly question?: Evidenced | undefined;
}

/** A text's intents, as the fold reads them. */
export type IntentLookup = (text: string) => MessageIntents;

const FIELDS: readonly (readonly [keyof MessageIntents, IntentName])[] = [
  ['favour', 'favour-ask'],
  ['pitch', 'pitch'],
  ['gratitude', 'gratitude'],
  ['helpful', 'helpful'],
  ['compliment', 'compliment'],
  ['question', 'question'],
];

const NONE: MessageIntents = Object.freeze({});

export function messageIntentsOf(analysis: MessageAnalysis, threshold: number): MessageIntents {
  let intents: Record<string, Evidenced> | undefined;
  for (const [field, name] of FIELDS) {
    const found = intentOf(analysis, name, threshold);
    if (found) (intents ??= {})[field] = { score: found.score, evidence: found.evidence };
  }
  return intents ?? NONE;
}

/** The stored form of a text's intents: JSON, `{}` for a text with none (most texts). */
export function encodeIntents(intents: MessageIntents): string {
  return intents === NONE ? '{}' : JSON.stringify(intents);
}

export function decodeIntents(stored: string): MessageIntents {
  return stored === '{}' ? NONE : (JSON.parse(stored) as MessageIntents);
}

// Per reader and threshold, the intents of each text read so far. Two generations bound the
// memory; a reader is deterministic, so a cached answer is the answer.
const CACHE_GENERATION = 100_000;
interface Generations {
  current: Map<string, MessageIntents>;
  previous: Map<string, MessageIntents>;
}
const lookups = new WeakMap<MessageReader, Map<number, IntentLookup>>();

/** The lookup a fold uses when it is given none: one per reader and threshold, kept with the reader. */
export function cachedIntentLookup(read: MessageReader, threshold: number): IntentLookup {
  let byThreshold = lookups.get(read);
  if (!byThreshold) lookups.set(read, (byThreshold = new Map()));
  let lookup = byThreshold.get(threshold);
  if (!lookup) {
    const cache: Generations = { current: new Map(), previous: new Map() };
    lookup = (text) => {
      let intents = cache.current.get(text);
      if (intents) return intents;
      intents = cache.previous.get(text) ?? messageIntentsOf(read(text), threshold);
      if (cache.current.size >= CACHE_GENERATION) {
        cache.previous = cache.current;
        cache.current = new Map();
      }
      cache.current.set(text, intents);
      return intents;
    };
    byThreshold.set(threshold, lookup);
  }
  return lookup;
}

/** A text's key (`textKey`) and its intents' JSON (`encodeIntents`). */
export type KeyedIntents = readonly [hi: number, lo: number, intents: string];

/**
 * Keyed intents packed for a message between threads: the keys in one typed array (moved, not
 * copied) and each distinct intents' JSON once — cloning a list of small arrays and strings
 * would cost about as much as reading the texts.
 */
export interface PackedIntents {
  readonly keys: Uint32Array;
  readonly setIndex: Int32Array;
  readonly sets: readonly string[];
}

export function packIntents(entries: readonly KeyedIntents[]): PackedIntents {
  const keys = new Uint32Array(entries.length * 2);
  const setIndex = new Int32Array(entries.length);
  const sets: string[] = [];
  const setOf = new Map<string, number>();
  entries.forEach(([hi, lo, intents], i) => {
    let set = setOf.get(intents);
    if (set === undefined) setOf.set(intents, (set = sets.push(intents) - 1));
    keys[2 * i] = hi;
    keys[2 * i + 1] = lo;
    setIndex[i] = set;
  });
  return { keys, setIndex, sets };
}

export function* unpackIntents({ keys, setIndex, sets }: PackedIntents): Generator<KeyedIntents> {
  for (let i = 0; i < setIndex.length; i++) yield [keys[2 * i]!, keys[2 * i + 1]!, sets[setIndex[i]!]!];
}

/** The typed arrays of packed intents, to move rather than copy them (`postMessage`'s transfer list). */
export function packedBuffers({ keys, setIndex }: PackedIntents): ArrayBuffer[] {
  return [keys.buffer as ArrayBuffer, setIndex.buffer as ArrayBuffer];
}

/**
 * Intents of many texts in a hash table of typed arrays over shared memory, handed to worker
 * threads without a copy and stored in one piece. Keys are 64-bit text keys (`textKey`); each
 * used slot holds 1 + the index of its intents in `sets` — a workspace's texts are many, their
 * distinct intents few (a few per cent of them).
 */
export interface IntentTable {
  readonly keys: Uint32Array;
  readonly slots: Int32Array;
  readonly sets: readonly string[];
  readonly size: number;
}

// Beyond this many texts a table stops growing (about 100 MB in memory): further texts are read each time.
const MAX_TEXTS = 4_000_000;

/** A table of `base`'s texts and these (a text already there keeps its intents). */
export function buildIntentTable(entries: Iterable<KeyedIntents>, base?: IntentTable): IntentTable {
  const added = [...entries];
  let capacity = base?.slots.length ?? 16;
  // At most half full: a lookup probes one or two slots.
  while (capacity < Math.min((base?.size ?? 0) + added.length, MAX_TEXTS) * 2) capacity *= 2;
  const keys = new Uint32Array(new SharedArrayBuffer(capacity * 8));
  const slots = new Int32Array(new SharedArrayBuffer(capacity * 4));
  const sets: string[] = [];
  const setIndex = new Map<string, number>();
  let size = 0;
  const put = (hi: number, lo: number, intents: string): void => {
    let slot = lo & (capacity - 1);
    while (slots[slot] !== 0) {
      if (keys[2 * slot] === hi && keys[2 * slot + 1] === lo) return;
      slot = (slot + 1) & (capacity - 1);
    }
    if (size >= MAX_TEXTS) return;
    let set = setIndex.get(intents);
    if (set === undefined) setIndex.set(intents, (set = sets.push(intents) - 1));
    keys[2 * slot] = hi;
    keys[2 * slot + 1] = lo;
    slots[slot] = set + 1;
    size++;
  };
  if (base) {
    for (let slot = 0; slot < base.slots.length; slot++) {
      const set = base.slots[slot]!;
      if (set !== 0) put(base.keys[2 * slot]!, base.keys[2 * slot + 1]!, base.sets[set - 1]!);
    }
  }
  for (const [hi, lo, intents] of added) put(hi, lo, intents);
  return { keys, slots, sets, size };
}

/**
 * The stored form: a header of three little-endian 32-bit words (capacity, size, byte length of
 * the sets), the keys and the slots as they are in memory, then the sets as a JSON list. Only this module reads it, and its code is part
 * of the settings' fingerprint, so a table written by another version of it is never read.
 */
export function serializeIntentTable(table: IntentTable): Uint8Array {
  const sets = Buffer.from(JSON.stringify(table.sets), 'utf8');
  const capacity = table.slots.length;
  const bytes = Buffer.alloc(12 + capacity * 12 + sets.length);
  bytes.writeUInt32LE(capacity, 0);
  bytes.writeUInt32LE(table.size, 4);
  bytes.writeUInt32LE(sets.length, 8);
  bytes.set(new Uint8Array(table.keys.buffer, table.keys.byteOffset, capacity * 8), 12);
  bytes.set(new Uint8Array(table.slots.buffer, table.slots.byteOffset, capacity * 4), 12 + capacity * 8);
  sets.copy(bytes, 12 + capacity * 12);
  return bytes;
}

/** The table back from its stored form; undefined if the bytes are not one (then it is rebuilt as texts are read). */
export function deserializeIntentTable(bytes: Uint8Array): IntentTable | undefined {
  if (bytes.length < 12) return undefined;
  const header = new DataView(bytes.buffer, bytes.byteOffset, 12);
  const [capacity, size, setsLength] = [header.getUint32(0, true), header.getUint32(4, true), header.getUint32(8, true)];
  if (bytes.length !== 12 + capacity * 12 + setsLength || capacity < 1 || (capacity & (capacity - 1)) !== 0) return undefined;
  const keys = new Uint32Array(new SharedArrayBuffer(capacity * 8));
  const slots = new Int32Array(new SharedArrayBuffer(capacity * 4));
  new Uint8Array(keys.buffer).set(bytes.subarray(12, 12 + capacity * 8));
  new Uint8Array(slots.buffer).set(bytes.subarray(12 + capacity * 8, 12 + capacity * 12));
  let sets: unknown;
  try {
    sets = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 12 + capacity * 12, setsLength).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(sets) || !sets.every((s) => typeof s === 'string')) return undefined;
  return { keys, slots, sets, size };
}

/**
 * Each text's intents: from the table if it is there, else read once (`read`) and kept in
 * `fresh` until the caller stores it (`takeFresh`).
 */
export class TextIntentMemo {
  private readonly decoded: (MessageIntents | undefined)[];
  private readonly mask: number;
  private readonly known = new Map<string, MessageIntents>();
  private fresh: KeyedIntents[] = [];

  readonly lookup: IntentLookup = (text) => {
    const { keys, slots, sets } = this.table;
    const { hi, lo } = textKey(text);
    let slot = lo & this.mask;
    for (let set = slots[slot]!; set !== 0; set = slots[slot]!) {
      if (keys[2 * slot] === hi && keys[2 * slot + 1] === lo) return (this.decoded[set - 1] ??= decodeIntents(sets[set - 1]!));
      slot = (slot + 1) & this.mask;
    }
    let intents = this.known.get(text);
    if (intents === undefined) {
      intents = messageIntentsOf(this.read(text), this.threshold);
      this.known.set(text, intents);
      this.fresh.push([hi, lo, encodeIntents(intents)]);
    }
    return intents;
  };

  constructor(private readonly read: MessageReader, private readonly threshold: number, private readonly table: IntentTable = buildIntentTable([])) {
    this.decoded = new Array(table.sets.length);
    this.mask = table.slots.length - 1;
  }

  /** The texts read since the last call, keyed and encoded for the table. */
  takeFresh(): KeyedIntents[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}
