import fc from "fast-check";
import { reference } from "../../../lib/survey/reference";
import { CONTENT_TYPES, LIMIT_BYTES, LONE_SURROGATE } from "./oracle";

/*
 * The hostile building blocks of the property tests (fast-check arbitraries): unicode edge cases, SQL and HTML,
 * prototype keys, huge and deeply nested bodies, raw bytes with any content type, token path segments, codes,
 * targets and query strings.
 */

// ---------------------------------------------------------------- hostile building blocks

export const UNICODE_EDGE = [
  "\ud800",
  "\udfff",
  "a\ud83d",
  "\ude00b",
  "\udbff\udbff", // lone surrogates
  "\u202eRTL\u202c",
  "\u202a",
  "\u202b",
  "\u202d",
  "A\u2066B\u2069",
  "\u2067",
  "\u2068", // bidi embeddings, overrides and isolates
  "\u200fעברית",
  "العربية",
  "\u061c", // right-to-left
  "\u200b",
  "\u200d",
  "\u2060",
  "\ufeff", // zero-width
  "\u0000",
  "A\u0000B",
  "\u0007",
  "\u001b[2J",
  "\u007f",
  "\n",
  "\t",
  "\r",
  "\u0080",
  "\u0085",
  "\u009b",
  "\u009f",
  "\u2028", // NUL, control, separators
  "😀",
  "👩‍👩‍👧‍👦",
  "🇩🇪",
  "e\u0301",
  "İ",
  "ß",
  "ẞ",
  "\u00a0",
  "\u3000",
  "\ufffd",
  "\uffff",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "Z̴̡̢a̷l̶g̵o",
];
export const SAFE_UNICODE = UNICODE_EDGE.filter((s) => !LONE_SURROGATE.test(s));
export const SQL = [
  "' OR '1'='1",
  '\'; DROP TABLE "Assessment"; --',
  '" OR 1=1 --',
  '1); DELETE FROM "Answer"; --',
  "%' --",
  "\\",
  "$1",
  "?",
  '\' UNION SELECT "tokenHash" FROM "Assessment" --',
];
export const HTML = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</title><svg onload=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  '=HYPERLINK("http://x")',
  "&lt;&amp;",
  "<!--",
];
export const PROTO_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineSetter__",
  "isPrototypeOf",
];

/** The arbitrary's value in about one case of n, otherwise null. */
export const rarely = <T>(arb: fc.Arbitrary<T>, n: number) =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });

/** A JSON fragment written out verbatim (deep nesting that JSON.stringify would not survive). */
export class Raw {
  constructor(readonly text: string) {}
}
/** Placeholder for "the version the server has now" (filled in when the request is sent). */
export class CurrentVersion {}
export const CURRENT = new CurrentVersion();
/** A field left out of an object. */
export const ABSENT = Symbol("absent");

/** An object with own properties only, so that "__proto__" stays a key instead of setting the prototype. */
export function obj(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (v !== ABSENT) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function toJsonText(v: unknown, version = 1): string {
  if (v instanceof Raw) return v.text;
  if (v instanceof CurrentVersion) return String(version);
  if (Array.isArray(v)) return `[${v.map((x) => toJsonText(x, version)).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .map((k) => `${JSON.stringify(k)}:${toJsonText(o[k], version)}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export const hostileString = (unicode: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: "binary", maxLength: 12 })
        .filter((s) => unicode !== SAFE_UNICODE || !LONE_SURROGATE.test(s)),
    },
    { weight: 3, arbitrary: fc.constantFrom(...unicode, ...SQL, ...HTML, ...PROTO_KEYS) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...unicode), fc.integer({ min: 1, max: 300 })).map(([s, n]) => s.repeat(n)),
    },
  );

/** Long strings up to 1 MB: far beyond the 64 KB body limit, and around it. */
export const longString = fc.oneof(
  fc.integer({ min: 201, max: 1_048_576 }).map((n) => "x".repeat(n)),
  fc.integer({ min: LIMIT_BYTES - 200, max: LIMIT_BYTES + 200 }).map((n) => "y".repeat(n)),
  fc.integer({ min: 1, max: 350_000 }).map((n) => "ä😀".repeat(n)),
);

/** 10,000-element arrays (some fit into 64 KB, some do not). */
export const hugeArray = fc
  .constantFrom<unknown>(0, null, "x", "in_use", "lack_of_funds", {}, [])
  .map((x) => new Array(10_000).fill(x));

export const deepNesting = fc.integer({ min: 50, max: 32_000 }).map((d) => new Raw("[".repeat(d) + "]".repeat(d)));

export const protoObject = fc
  .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue({ maxDepth: 2 }))
  .map(([k, v]) => obj([[k, v], ...(k === "constructor" ? ([["prototype", { isAdmin: true }]] as const) : [])]));

/** fc.anything, made into JSON (what a careless client's JSON.stringify would send). */
export const anythingAsJson = fc
  .anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
  })
  .map(
    (x) =>
      new Raw(
        JSON.stringify(x, (_k, v: unknown) =>
          typeof v === "bigint" ? v.toString() : v instanceof Map || v instanceof Set ? [...v] : v,
        ) ?? "null",
      ),
  );

export const hostileValue = (unicode: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 3, arbitrary: hostileString(unicode) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        0,
        -1,
        1.5,
        1e308,
        -0,
        2 ** 53,
        5_000_001,
        true,
        false,
        null,
        [],
        {},
        "",
        " ",
      ),
    },
    { weight: 1, arbitrary: hugeArray },
    { weight: 1, arbitrary: longString },
    { weight: 1, arbitrary: protoObject },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: anythingAsJson },
  );
export const hostileKey = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...SQL, ...HTML, ...SAFE_UNICODE),
);

/** Bodies that are not JSON at all, as bytes. */
export const rawBody = fc.oneof(
  fc
    .constantFrom(
      "",
      "{",
      "{nicht json",
      "[1,]",
      "{'a':1}",
      "\ufeff{}",
      "NaN",
      "undefined",
      '{"a":1}garbage',
      "\u0000",
      '{"version":1,',
      "null",
    )
    .map((s) => Buffer.from(s, "utf8")),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
);

/** A generated request body: bytes (possibly with a name marker still to fill in) and a content type. */
export type TBody = { value?: unknown; bytes?: Buffer; contentType: string };
export const contentType = fc.oneof(
  { weight: 17, arbitrary: fc.constant("application/json") },
  { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES.map(([t]) => t)) },
);

export function describeBody(b: TBody): string {
  const text = b.bytes ? `bytes ${JSON.stringify(b.bytes.toString("latin1").slice(0, 160))}` : toJsonText(b.value, 0);
  return `content-type ${JSON.stringify(b.contentType)}, body (${text.length} chars) ${text.slice(0, 240)}${text.length > 240 ? " …" : ""}`;
}
/** Short, readable counterexamples in fast-check's report (bodies may be 1 MB long). */
export function describable<T extends object>(value: T, text: (v: T) => string): T {
  return Object.assign(value, { [fc.toStringMethod]: () => text(value) });
}

export function bodyBytes(b: TBody, marker: string, version = 1): Buffer {
  if (b.bytes) return b.bytes;
  return Buffer.from(toJsonText(b.value, version).replaceAll("{{M}}", marker), "utf8");
}

// Path segments for the token: random, near misses of the real token, unicode, SQL, HTML, and (separately)
// raw percent sequences, some of them malformed.
export const TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
export const encodeSegment = (s: string) =>
  [...Buffer.from(s, "utf8")]
    .map((byte) =>
      TOKEN_CHARS.includes(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");

export function tokenSegments(token: string) {
  const nearMiss = fc.oneof(
    fc.integer({ min: 0, max: 42 }).chain((i) =>
      fc
        .constantFrom(...TOKEN_CHARS)
        .filter((c) => c !== token[i])
        .map((c) => token.slice(0, i) + c + token.slice(i + 1)),
    ),
    fc.constantFrom(
      token.slice(0, -1),
      token + "A",
      token.toUpperCase(),
      token.toLowerCase(),
      `${token}%20`,
      `%20${token}`,
      `${token}%00`,
      `${token}%0A`,
      `${token}+`,
      `${token}=`,
      `${token}.`,
      `${token}~`,
      `${token}%2F`,
      token.replace(/-/g, "+").replace(/_/g, "%2F"),
    ),
  );
  const encoded = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: 44, max: 3000 }).map((n) => "A".repeat(n)) },
    { weight: 4, arbitrary: nearMiss },
    {
      weight: 4,
      arbitrary: fc
        .oneof(hostileString(SAFE_UNICODE), fc.constantFrom(...UNICODE_EDGE.filter((s) => !LONE_SURROGATE.test(s))))
        .filter((s) => s.length > 0)
        .map(encodeSegment),
    },
  );
  // URLs stay below 8 KB: beyond Node's 16 KB header limit the HTTP layer answers 431 before the app runs.
  return encoded.filter((seg) => seg.length <= 8000 && routeIntact(seg) && decode(seg) !== token);
}
/** Raw path segments: percent signs in any position, many of them not valid UTF-8 or not hex at all. */
export const rawPercentSegments = fc
  .array(
    fc.oneof(
      fc.constantFrom("%", "%z", "%zz", "%ED%A0%80", "%C0%AF", "%FF", "%E0%A4%A", "%25", "%%", "%u0041", "%0"),
      fc.constantFrom(...TOKEN_CHARS),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(""))
  .filter((seg) => seg.includes("%") && routeIntact(seg));

/** The segment stays one path segment of /api/assessments/{token}/submit (no dot segments, no / ? #). */
export function routeIntact(seg: string): boolean {
  const path = new URL(`http://x/api/assessments/${seg}/submit`).pathname.split("/");
  return path.length === 5 && path[3] !== "" && path[4] === "submit" && !/^(\.|%2e){1,2}$/i.test(path[3]!);
}
export function decode(seg: string): string | null {
  try {
    return decodeURIComponent(new URL(`http://x/api/assessments/${seg}`).pathname.split("/")[3]!);
  } catch {
    return null;
  }
}

export const hostileOrNoBody = fc.option(
  fc
    .tuple(fc.oneof(fc.jsonValue(), hugeArray, longString, protoObject, deepNesting), contentType)
    .map(([value, type]) => ({ value, contentType: type })),
  { freq: 2 },
);

// ---------------------------------------------------------------- participation codes

/** Strings that look like codes: the alphabet's symbols and the confusable ones, hyphens, spaces, any case. */
export const codeLike = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(..."23456789ABCDEFGHJKLMNPQRSTUVWXYZ01OIoi- \u00a0äß".split("")), { maxLength: 40 })
      .map((a) => a.join("")),
  },
  { weight: 1, arbitrary: hostileString(UNICODE_EDGE) },
);

// ---------------------------------------------------------------- year after year (docs/adr/0010-year-after-year.md)

export const SCORED = reference.questions.filter((q) => q.dimension !== "context");
/** Target-like bodies: real and invented questions and options, years around now, responsible units of any length. */
export const targetsLike = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(new CurrentVersion()) },
      { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -3, max: 1e6 }), fc.string({ maxLength: 4 })) },
    ),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...reference.questions.map((q) => q.id)), fc.string({ maxLength: 12 })),
      fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            option: fc.oneof(fc.constantFrom(...SCORED.flatMap((q) => q.options.map((o) => o.id))), fc.string()),
            year: fc.oneof(fc.integer({ min: 2015, max: 2045 }), fc.double(), fc.string({ maxLength: 5 })),
            responsible: fc.oneof(
              { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
              { weight: 2, arbitrary: hostileString(UNICODE_EDGE) },
              {
                weight: 2,
                arbitrary: fc
                  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...UNICODE_EDGE), fc.string({ maxLength: 8 }))
                  .map((parts) => parts.join("")),
              },
              { weight: 1, arbitrary: longString },
            ),
          }),
        },
        { weight: 1, arbitrary: fc.jsonValue() },
      ),
      { maxKeys: 4 },
    ),
  )
  .map(([version, targets]) => ({ value: { version, targets }, contentType: "application/json" }));

// ---------------------------------------------------------------- query routes

/**
 * Query strings. "values": only the route's own parameters, each at most once, with hostile values.
 * "names": besides them at least one unknown, prototype-named or repeated parameter.
 */
export function queryArb(known: Record<string, fc.Arbitrary<string>>, mode: "values" | "names") {
  const pctEncode = (s: string) =>
    [...Buffer.from(s, "utf8")]
      .map((b) =>
        /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, "0")}`,
      )
      .join("");
  const value = (own: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 5, arbitrary: own },
      { weight: 3, arbitrary: hostileString(UNICODE_EDGE).map(pctEncode) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "%",
          "%zz",
          "%ED%A0%80",
          "%C0%AF",
          "%FF",
          "+",
          "%2B",
          "a=b",
          "%26",
          "%3D",
          "%00",
          "%0A",
        ),
      },
      { weight: 1, arbitrary: fc.integer({ min: 90, max: 3000 }).map((n) => "w".repeat(n)) },
    );
  const anyValue = value(fc.oneof(...Object.values(known)));
  const key = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...Object.keys(known)) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        ...PROTO_KEYS,
        "__proto__[state]",
        "constructor[prototype][isAdmin]",
        "__proto__.state",
        "_rsc_x",
        "q ",
        "STATE",
        "",
      ),
    },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 8 }).map(pctEncode) },
  );
  const ownPairs = fc.tuple(
    ...Object.entries(known).map(([k, v]) => fc.option(fc.tuple(fc.constant(k), value(v)), { freq: 3 })),
  );
  const extra =
    mode === "values"
      ? fc.constant([] as [string, string][])
      : fc.array(fc.tuple(key, anyValue), { minLength: 1, maxLength: 3 });
  return fc
    .tuple(ownPairs, extra, fc.boolean())
    .map(([pairs, more, shuffle]) => {
      const all = [...pairs.filter((p): p is [string, string] => p !== null), ...more];
      if (shuffle) all.reverse();
      return all.map(([k, v]) => `${k}=${v}`).join("&");
    })
    .filter((qs) => qs.length <= 8000);
}
