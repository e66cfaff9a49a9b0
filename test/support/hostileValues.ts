/**
 * Values a hostile client may send, for fuzz tests of the protocol: numbers
 * and strings at and past every edge, objects that break `String(x)`,
 * prototype keys, deep nesting, malformed MessagePack, and valid payloads with
 * one field spoilt. Each comes with a short label, so a failure can say what
 * was sent.
 */
import type { SeededRandom } from "./seededRandom.ts";

/** MessagePack bytes written as they are, well-formed or not, wherever they sit in a value. */
export class RawMsgpack {
  constructor(
    readonly bytes: Uint8Array,
    readonly label: string,
  ) {}
}

export interface Hostile {
  label: string;
  /** A JavaScript value, possibly holding RawMsgpack parts; `packMsgpack` writes it. */
  value: unknown;
}

/**
 * Writes a value as MessagePack the way a careless or hostile encoder might:
 * -0 stays -0, lone surrogates are written as they are (WTF-8), a Map may
 * have any keys, and RawMsgpack parts go in untouched.
 */
export function packMsgpack(value: unknown): Uint8Array {
  const out: number[] = [];
  write(out, value);
  return Uint8Array.from(out);
}

function write(out: number[], value: unknown): void {
  if (value instanceof RawMsgpack) {
    for (const byte of value.bytes) out.push(byte);
  } else if (value === null) out.push(0xc0);
  else if (value === undefined) out.push(0xd4, 0x00, 0x00);
  else if (typeof value === "boolean") out.push(value ? 0xc3 : 0xc2);
  else if (typeof value === "number") writeNumber(out, value);
  else if (typeof value === "bigint") writeBigInt(out, value);
  else if (typeof value === "string") writeString(out, value);
  else if (value instanceof Uint8Array) {
    writeLength(out, value.byteLength, [0xc4, 0xc4], 0xc5, 0xc6);
    for (const byte of value) out.push(byte);
  } else if (Array.isArray(value)) {
    writeLength(out, value.length, [0x90, 0x9f], 0xdc, 0xdd);
    for (const item of value) write(out, item);
  } else if (value instanceof Map) {
    writeLength(out, value.size, [0x80, 0x8f], 0xde, 0xdf);
    for (const [key, item] of value) {
      write(out, key);
      write(out, item);
    }
  } else if (typeof value === "object") {
    const keys = Object.keys(value);
    writeLength(out, keys.length, [0x80, 0x8f], 0xde, 0xdf);
    for (const key of keys) {
      writeString(out, key);
      write(out, (value as Record<string, unknown>)[key]);
    }
  } else out.push(0xc0);
}

/** A length header: fix form when it fits (`fix` gives its first and last code), else 16 or 32 bits. */
function writeLength(out: number[], length: number, fix: [number, number], code16: number, code32: number): void {
  const [first, last] = fix;
  if (first !== last && length <= last - first) out.push(first + length);
  else if (first === last && length <= 0xff) out.push(first, length);
  else if (length <= 0xffff) out.push(code16, length >> 8, length & 0xff);
  else out.push(code32, ...uint32(length));
}

function uint32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function writeNumber(out: number[], n: number): void {
  if (Number.isInteger(n) && !Object.is(n, -0) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) {
    if (n >= 0 && n <= 0x7f) return void out.push(n);
    if (n < 0 && n >= -32) return void out.push(n & 0xff);
    if (n >= 0 && n <= 0xffffffff) return void out.push(0xce, ...uint32(n));
    if (n < 0 && n >= -0x80000000) return void out.push(0xd2, ...uint32(n >>> 0));
    return writeBigInt(out, BigInt(n));
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  out.push(0xcb, ...new Uint8Array(view.buffer));
}

function writeBigInt(out: number[], n: bigint): void {
  const view = new DataView(new ArrayBuffer(8));
  if (n >= 0n && n < 2n ** 64n) {
    view.setBigUint64(0, n);
    out.push(0xcf, ...new Uint8Array(view.buffer));
  } else if (n < 0n && n >= -(2n ** 63n)) {
    view.setBigInt64(0, n);
    out.push(0xd3, ...new Uint8Array(view.buffer));
  } else {
    // msgpackr's own extension for integers past 64 bits (0x42), big-endian.
    let hex = (n < 0n ? -n : n).toString(16);
    if (hex.length % 2) hex = `0${hex}`;
    const bytes = hex.match(/../g)!.map((pair) => parseInt(pair, 16));
    out.push(0xc7, bytes.length, 0x42, ...bytes);
  }
}

/** UTF-8, except that a lone surrogate half is written as its own three bytes (what a sloppy encoder does). */
export function wtf8(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else
      bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return bytes;
}

function writeString(out: number[], text: string): void {
  const bytes = wtf8(text);
  if (bytes.length <= 31) out.push(0xa0 + bytes.length);
  else if (bytes.length <= 0xff) out.push(0xd9, bytes.length);
  else if (bytes.length <= 0xffff) out.push(0xda, bytes.length >> 8, bytes.length & 0xff);
  else out.push(0xdb, ...uint32(bytes.length));
  for (const byte of bytes) out.push(byte);
}

const h = (label: string, value: unknown): Hostile => ({ label, value });
const raw = (label: string, ...bytes: number[]): Hostile => h(label, new RawMsgpack(Uint8Array.from(bytes), label));

/** Objects that make `String(x)`, template strings or property-key conversion throw, and other traps for careless code. */
export const BREAKS_STRING: readonly Hostile[] = [
  h("{toString: 1}", { toString: 1 }),
  h("{toString: 1, valueOf: 1}", { toString: 1, valueOf: 1 }),
  h("{toString: {}, valueOf: []}", { toString: {}, valueOf: [] }),
  h('{toString: "x"}', { toString: "x" }),
  h("{valueOf: 1}", { valueOf: 1 }),
  h("{toJSON: 1}", { toJSON: 1 }),
  h("{then: 1}", { then: 1 }),
  h("{length: 1e9}", { length: 1e9 }),
];

/** Keys that name the prototype chain, in ways an unwary merge or lookup follows. */
export const PROTOTYPE_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "isPrototypeOf",
] as const;

export const PROTOTYPE_TRAPS: readonly Hostile[] = [
  h('{"__proto__": {polluted: 1}}', { ["__proto__"]: { polluted: 1 } }),
  h("{constructor: {prototype: {polluted: 1}}}", { constructor: { prototype: { polluted: 1 } } }),
  h("{prototype: {}}", { prototype: {} }),
  h("{hasOwnProperty: 1}", { hasOwnProperty: 1 }),
  h("{__defineGetter__: 1, isPrototypeOf: 0}", { __defineGetter__: 1, isPrototypeOf: 0 }),
  // Written by hand: encoders rename a "__proto__" key; this one reaches the decoder as it is.
  raw('raw map {"__proto__": {x: 1}}', 0x81, 0xa9, ...wtf8("__proto__"), 0x81, 0xa1, 0x78, 0x01),
];

export const HOSTILE_NUMBERS: readonly Hostile[] = [
  h("NaN", NaN),
  h("Infinity", Infinity),
  h("-Infinity", -Infinity),
  h("-0", -0),
  h("1e308", 1e308),
  h("-1e308", -1e308),
  h("5e-324", 5e-324),
  h("2^53", 2 ** 53),
  h("2^53+2", 2 ** 53 + 2),
  h("2^31", 2 ** 31),
  h("-2^31-1", -(2 ** 31) - 1),
  h("2^32", 2 ** 32),
  h("-1", -1),
  h("0.5", 0.5),
  h("255", 255),
  h("256", 256),
  h("65536", 65536),
  h("1e21", 1e21),
  h("2^64 (uint64)", 2n ** 64n - 1n),
  h("-2^63 (int64)", -(2n ** 63n)),
  h("2^100 (bigint extension)", 2n ** 100n),
  raw("float32 NaN", 0xca, 0x7f, 0xc0, 0x00, 0x00),
];

const LONG = 20_000;
export const HOSTILE_STRINGS: readonly Hostile[] = [
  h('""', ""),
  h('" "', " "),
  h("tab and newline", "\t\n"),
  h("NUL", "\u0000"),
  h("control characters", "a\u0007b\u001b[31mc\u007f"),
  h("lone high surrogate", "\ud800"),
  h("lone low surrogate", "x\udfff"),
  h("reversed surrogate pair", "\udc00\ud800"),
  h("right-to-left override", "\u202eevil"),
  h("zero-width joiners", "\u200b\u200d\ufeff"),
  h("emoji", "👩‍🏫🌍"),
  h("combining marks", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359"),
  h('"<script>"', "<script>alert(1)</script>"),
  h('"%s%n"', "%s%n%d"),
  h('"../../etc/passwd"', "../../etc/passwd"),
  h('"*"', "*"),
  ...PROTOTYPE_KEYS.map((key) => h(JSON.stringify(key), key)),
  h("64 × a", "a".repeat(64)),
  h("65 × a", "a".repeat(65)),
  h("201 × a", "a".repeat(201)),
  h("16385 × a", "a".repeat(16_385)),
  h(`${LONG} × ü`, "ü".repeat(LONG / 2)),
  raw("invalid UTF-8 (ff fe)", 0xa2, 0xff, 0xfe),
  raw("overlong UTF-8 NUL (c0 80)", 0xa2, 0xc0, 0x80),
  raw("UTF-8 surrogate (ed a0 80)", 0xa3, 0xed, 0xa0, 0x80),
];

/** Deep nesting, written without recursion so no encoder limit applies. */
export function nestedArrays(depth: number): RawMsgpack {
  const bytes = new Uint8Array(depth + 1).fill(0x91);
  bytes[depth] = 0xc0;
  return new RawMsgpack(bytes, `${depth} nested arrays`);
}

export function nestedMaps(depth: number): RawMsgpack {
  const bytes = new Uint8Array(depth * 3 + 1);
  for (let i = 0; i < depth; i++) bytes.set([0x81, 0xa1, 0x61], i * 3);
  bytes[depth * 3] = 0xc0;
  return new RawMsgpack(bytes, `${depth} nested maps`);
}

/** MessagePack a decoder may choke on: extensions, cycles, truncation, impossible lengths. */
export const MALFORMED_MSGPACK: readonly Hostile[] = [
  raw("undefined (ext 0)", 0xd4, 0x00, 0x00),
  raw("timestamp, 3 bytes", 0xc7, 0x03, 0xff, 0x01, 0x02, 0x03),
  raw("timestamp 2^32 s", 0xd6, 0xff, 0xff, 0xff, 0xff, 0xff),
  raw("error extension", 0xd4, 0x65, 0x00, 0x93, 0xa4, ...wtf8("eval"), 0xa1, 0x78, 0xc0),
  raw("regexp extension, bad pattern", 0xd4, 0x78, 0x00, 0x92, 0xa1, 0x28, 0xa1, 0x7a),
  raw("regexp extension, catastrophic pattern", 0xd4, 0x78, 0x00, 0x92, 0xa6, ...wtf8("(a+)+$"), 0xa0),
  raw("set extension", 0xd4, 0x73, 0x00, 0x92, 0x01, 0x01),
  raw("typed array, unknown kind", 0xd5, 0x74, 0x63, 0x00),
  raw("typed array, odd length", 0xc7, 0x04, 0x74, 0x07, 0x01, 0x02, 0x03),
  raw("pointer to nothing", 0xd6, 0x70, 0x00, 0x00, 0x30, 0x39),
  raw("cycle: {self: itself}", 0xd6, 0x69, 0, 0, 0, 1, 0x81, 0xa4, ...wtf8("self"), 0xd6, 0x70, 0, 0, 0, 1),
  raw("cycle: [itself]", 0xd6, 0x69, 0, 0, 0, 2, 0x91, 0xd6, 0x70, 0, 0, 0, 2),
  raw("bundled strings, bad size", 0xd6, 0x62, 0x7f, 0xff, 0xff, 0xff, 0xa1, 0x61),
  raw("record definition, id 0x40", 0xd4, 0x72, 0x40, 0x91, 0xa1, 0x61, 0x01),
  raw("record, undefined id", 0x40, 0x01),
  raw("unknown extension 0x01", 0xd4, 0x01, 0x00),
  raw("bigint extension, empty", 0xc7, 0x00, 0x42),
  raw("map with a map for a key", 0x81, 0x80, 0x01),
  raw("map with an array for a key", 0x81, 0x91, 0x01, 0x01),
  raw("map missing its values", 0x82, 0xa1, 0x61),
  raw("array16 of 65535, empty", 0xdc, 0xff, 0xff),
  raw("array32 of 2^32-1, empty", 0xdd, 0xff, 0xff, 0xff, 0xff),
  raw("map32 of 2^32-1, empty", 0xdf, 0xff, 0xff, 0xff, 0xff),
  raw("str32 of 2^32-1, 1 byte", 0xdb, 0xff, 0xff, 0xff, 0xff, 0x61),
  raw("bin32 of 2^32-1", 0xc6, 0xff, 0xff, 0xff, 0xff),
  raw("never-used 0xc1", 0xc1),
  raw("float64 cut short", 0xcb, 0x00),
  raw("value then garbage", 0x01, 0xff, 0xff),
];

/** Arrays, objects and scalars where something else is expected. */
export const WRONG_SHAPES: readonly Hostile[] = [
  h("null", null),
  h("undefined", undefined),
  h("true", true),
  h("false", false),
  h("0", 0),
  h("{}", {}),
  h("[]", []),
  h("[null]", [null]),
  h("[0, 0, 0, 1]", [0, 0, 0, 1]),
  h("[NaN × 3]", [NaN, NaN, NaN]),
  h(
    "[{toString: 1} × 4]",
    Array.from({ length: 4 }, () => ({ toString: 1 })),
  ),
  h("3000 zeros", new Array(3000).fill(0)),
  h("object with 600 keys", Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`k${i}`, i]))),
  h('{"": ""}', { "": "" }),
  h('{"\\u0000": 1}', { "\u0000": 1 }),
  h("bytes (bin 0)", new Uint8Array(0)),
  h("bytes (bin 300)", new Uint8Array(300).fill(0xff)),
  h("Map {1 → 'a'}", new Map([[1, "a"]])),
];

/** Any hostile value, now and then nested inside an object or array. */
export function hostileValue(rng: SeededRandom, depth = 0): Hostile {
  const family = rng.weighted<() => Hostile>([
    [3, () => rng.pick(BREAKS_STRING)],
    [2, () => rng.pick(PROTOTYPE_TRAPS)],
    [3, () => rng.pick(HOSTILE_NUMBERS)],
    [3, () => rng.pick(HOSTILE_STRINGS)],
    [3, () => rng.pick(WRONG_SHAPES)],
    [2, () => rng.pick(MALFORMED_MSGPACK)],
    [1, () => deepValue(rng)],
    [
      depth < 2 ? 2 : 0,
      () => {
        const inner = hostileValue(rng, depth + 1);
        return rng.chance(0.5) ? h(`{x: ${inner.label}}`, { x: inner.value }) : h(`[${inner.label}]`, [inner.value]);
      },
    ],
  ]);
  return family();
}

/** Deep nesting; kept under the server's frame limit (the oversize frame is a case of its own). */
export function deepValue(rng: SeededRandom): Hostile {
  const nested = rng.weighted<() => RawMsgpack>([
    [2, () => nestedArrays(5000)],
    [2, () => nestedMaps(5000)],
    [1, () => nestedArrays(20_000)],
    [1, () => nestedArrays(rng.int(100, 1000))],
  ])();
  return { label: nested.label, value: nested };
}

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (value instanceof RawMsgpack) return into;
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...path, i], into));
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], into);
  return into;
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A copy of `value` with the node at `path` replaced (or removed, with `REMOVE`). */
function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [key, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (replacement === REMOVE && rest.length === 0) copy.splice(key as number, 1);
    else copy[key as number] = setAt(copy[key as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (replacement === REMOVE && rest.length === 0) delete copy[key as string];
  else copy[key as string] = setAt(copy[key as string], rest, replacement);
  return copy;
}

const REMOVE = Symbol("remove");

const EDGE_LENGTHS = [0, 1, 23, 24, 25, 40, 41, 60, 61, 64, 65, 200, 201, 1024, 1025, 16_384, 16_385];

/** A valid payload with one thing spoilt: a field's type, an edge of its range, a missing or extra key. */
export function mutate(rng: SeededRandom, valid: unknown): Hostile {
  const path = rng.pick(pathsOf(valid));
  const node = getAt(valid, path);
  const where = path.length === 0 ? "payload" : path.join(".");
  const replaced = (label: string, replacement: unknown): Hostile => ({
    label: `${where} ← ${label}`,
    value: setAt(valid, path, replacement),
  });

  const generic: [number, () => Hostile][] = [
    [
      4,
      () => {
        const hostile = hostileValue(rng);
        return replaced(hostile.label, hostile.value);
      },
    ],
    [1, () => replaced("[itself]", [node])],
    [1, () => replaced("undefined", undefined)],
  ];
  const specific: [number, () => Hostile][] = [];
  if (path.length > 0) specific.push([2, () => ({ label: `${where} removed`, value: setAt(valid, path, REMOVE) })]);
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    specific.push([
      3,
      () => {
        const key = rng.chance(0.5)
          ? rng.pick(PROTOTYPE_KEYS)
          : rng.pick(["x", "", "objectId", "seat", "a".repeat(300)]);
        const extra = hostileValue(rng);
        return replaced(`extra key ${JSON.stringify(key.slice(0, 20))}: ${extra.label}`, {
          ...node,
          [key]: extra.value,
        });
      },
    ]);
    specific.push([1, () => replaced("its values as an array", Object.values(node))]);
  }
  if (Array.isArray(node)) {
    specific.push([2, () => replaced("one more element", [...node, 0])]);
    specific.push([2, () => replaced("one element fewer", node.slice(0, -1))]);
    specific.push([1, () => replaced("elements as strings", node.map(String))]);
  }
  if (typeof node === "number") {
    specific.push([
      6,
      () =>
        rng.pick<Hostile>([
          replaced(`${node} + 1e-9`, node + 1e-9),
          replaced(`-${node}`, -node),
          replaced(`${node} × 1e6`, node * 1e6),
          replaced(`"${node}"`, String(node)),
          replaced(`BigInt`, BigInt(Math.trunc(node))),
          replaced("50.000001", 50.000001),
          replaced("-50.000001", -50.000001),
          replaced("60001", 60_001),
          replaced("41", 41),
          replaced("1.02 (quaternion edge)", 1.02),
          ...HOSTILE_NUMBERS.map((n) => replaced(n.label, n.value)),
        ]),
    ]);
  }
  if (typeof node === "string") {
    specific.push([
      6,
      () => {
        const length = rng.pick(EDGE_LENGTHS);
        return rng.pick<Hostile>([
          replaced(`${length} × x`, "x".repeat(length)),
          replaced(`${JSON.stringify(node)} + NUL`, `${node}\u0000`),
          replaced(`${JSON.stringify(node)} + lone surrogate`, `${node}\ud83d`),
          replaced(`${JSON.stringify(node)} upper-cased`, node.toUpperCase()),
          replaced(`padded ${JSON.stringify(node)}`, `  ${node}  `),
          ...HOSTILE_STRINGS.map((s) => replaced(s.label, s.value)),
        ]);
      },
    ]);
  }
  if (typeof node === "boolean")
    specific.push([4, () => rng.pick([replaced('"true"', "true"), replaced("1", 1), replaced("null", null)])]);
  return rng.weighted([...generic, ...specific])();
}

/** JSON text for hostile request bodies: what JSON can carry, plus text that is not JSON at all. */
export interface HostileJson {
  label: string;
  text: string;
}

const json = (label: string, text: string): HostileJson => ({ label, text });

export const HOSTILE_JSON_VALUES: readonly HostileJson[] = [
  json("null", "null"),
  json("true", "true"),
  json("0", "0"),
  json("-0", "-0"),
  json("1e400 (Infinity once parsed)", "1e400"),
  json("1e-400", "1e-400"),
  json("30-digit integer", "123456789012345678901234567890"),
  json('""', '""'),
  json("lone surrogate", '"\\ud800"'),
  json("NUL", '"\\u0000"'),
  json("control characters", '"a\\u0007\\u001b[31m"'),
  json("right-to-left override", '"\\u202eevil"'),
  json("2000 × a", JSON.stringify("a".repeat(2000))),
  json("[]", "[]"),
  json("{}", "{}"),
  json('{"toString": 1}', '{"toString":1}'),
  json('{"toString": 1, "valueOf": 1}', '{"toString":1,"valueOf":1}'),
  json('{"__proto__": {"polluted": 1}}', '{"__proto__":{"polluted":1}}'),
  json('{"constructor": {"prototype": {"polluted": 1}}}', '{"constructor":{"prototype":{"polluted":1}}}'),
  json('"__proto__"', '"__proto__"'),
  json('"constructor"', '"constructor"'),
  json("5000 nested arrays", "[".repeat(5000) + "]".repeat(5000)),
  json("5000 nested objects", '{"a":'.repeat(5000) + "null" + "}".repeat(5000)),
];

export const NOT_JSON: readonly HostileJson[] = [
  json("empty body", ""),
  json('"{"', "{"),
  json("plain text", "hello"),
  json("NUL bytes", "\u0000\u0000"),
  json("byte order mark then {}", "\ufeff{}"),
  json("JSON then garbage", '{"a":1}xyz'),
  json("single quotes", "{'a': 1}"),
  json("NaN", "NaN"),
  json("100000 × [", "[".repeat(100_000)),
];

/** Some JSON value that breaks what careless code expects of a field. */
export function hostileJsonValue(rng: SeededRandom): HostileJson {
  return rng.pick(HOSTILE_JSON_VALUES);
}

/** JSON text of an object with the field at `path` replaced by hostile JSON (or removed). */
export function mutateJson(rng: SeededRandom, valid: Record<string, unknown>): HostileJson {
  const path = rng.pick(pathsOf(valid).filter((p) => p.length > 0));
  const where = path.join(".");
  if (rng.chance(0.15)) return json(`${where} removed`, JSON.stringify(setAt(valid, path, REMOVE)));
  const hostile = hostileJsonValue(rng);
  const marker = "\u0001HOSTILE\u0001";
  const text = JSON.stringify(setAt(valid, path, marker)).replace(JSON.stringify(marker), hostile.text);
  return json(`${where} ← ${hostile.label}`, text);
}

/** A short printable account of bytes, for failure reports. */
export function hexPreview(bytes: Uint8Array | string, max = 48): string {
  if (typeof bytes === "string") return `text ${JSON.stringify(bytes.slice(0, max))}${bytes.length > max ? "…" : ""}`;
  const shown = Buffer.from(bytes.subarray(0, max)).toString("hex").replace(/(..)/g, "$1 ").trim();
  return `${shown}${bytes.byteLength > max ? ` … (${bytes.byteLength} bytes)` : ""}`;
}
