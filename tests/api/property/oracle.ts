import { reference } from "../../../lib/survey/reference";
import { registerRowsForTests } from "../../support/fixtures";
import { expect } from "../../support/test";

/*
 * The oracle of the hostile-input property tests (tests/api/property/*.spec.ts): the API's rules written down
 * independently of the code under test (docs/api.md), so that each property can predict the status and the
 * stored effect of any generated request, and the checks every answer of the API must pass.
 */

// ---------------------------------------------------------------- the contract, written down independently

export const STATE_AGS_PREFIX: Record<string, string> = {
  "DE-SH": "01",
  "DE-HH": "02",
  "DE-NI": "03",
  "DE-HB": "04",
  "DE-NW": "05",
  "DE-HE": "06",
  "DE-RP": "07",
  "DE-BW": "08",
  "DE-BY": "09",
  "DE-SL": "10",
  "DE-BE": "11",
  "DE-BB": "12",
  "DE-MV": "13",
  "DE-SN": "14",
  "DE-ST": "15",
  "DE-TH": "16",
};
export const STATE_CODES = Object.keys(STATE_AGS_PREFIX);
export const SIZE_CLASSES = ["lt_5000", "5000_19999", "20000_99999", "gte_100000"];
export const ROLES = ["mayor", "digital_officer", "other"];
export const LIMIT_BYTES = 64 * 1024;
export const MAX_NAME = 200;
export const MAX_POPULATION = 5_000_000;
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** What no free-text field accepts: C0 and C1 controls, DEL, bidi embeddings, overrides and isolates, lone surrogates. */
export const FORBIDDEN_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
export const refusedText = (s: string) => FORBIDDEN_TEXT.test(s) || LONE_SURROGATE.test(s);
export const QUESTIONS = new Map(reference.questions.map((q) => [q.id, q]));
export const OPTION_ORDER = new Map(reference.questions.map((q) => [q.id, q.options.map((o) => o.id)]));

export const GERMAN =
  /[äöüßÄÖÜ]|\b(Bitte|Die|Der|Das|Diese[rsm]?|Zu|Es|Ein|nicht|ungültig|Unbekannte[rs]?|Anfrage|Angaben|Sie|Ihre?)\b/;
export const ENGLISH =
  /\b(Invalid|Expected|Required|Unrecognized|Internal Server Error|Unexpected token|is not valid JSON)\b/;

/** Content types and whether the contract's "JSON in" accepts them ("" = none given). */
export const CONTENT_TYPES: readonly (readonly [string, boolean])[] = [
  ["application/json", true],
  ["application/json; charset=utf-8", true],
  ["APPLICATION/JSON", true],
  ["application/vnd.api+json", true],
  ["", true],
  ["text/plain", false],
  ["text/plain; charset=utf-8", false],
  ["application/x-www-form-urlencoded", false],
  ["multipart/form-data; boundary=x", false],
  ["application/xml", false],
  ["text/html", false],
];
export const isJsonType = (type: string) => CONTENT_TYPES.find(([t]) => t === type)![1];

/** What the server's JSON reader makes of the bytes: the parsed value, or why there is none. */
export function readAsServer(bytes: Buffer, type: string): { status: 413 | 415 | 422 } | { value: unknown } {
  if (bytes.length > LIMIT_BYTES) return { status: 413 };
  if (!isJsonType(type)) return { status: 415 };
  try {
    return { value: JSON.parse(bytes.toString("utf8")) as unknown };
  } catch {
    return { status: 422 };
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
export const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
export const onlyKeys = (o: Record<string, unknown>, allowed: string[]) =>
  Object.keys(o).every((k) => allowed.includes(k));

/** The fields of a register item of GET /api/municipalities (docs/adr/0013-administrations-as-units.md). */
export const REGISTER_ITEM_KEYS = [
  "administration",
  "ags",
  "isUnit",
  "key",
  "kind",
  "kreis",
  "members",
  "name",
  "nameShort",
  "population",
  "populationDate",
  "seat",
  "sizeClass",
  "state",
  "type",
];

/** Gemeindeverbände that run their members' administration: the 9-digit keys a profile may name (ADR 0013). */
export const UNIT_VERBAND_KEYS = new Set(
  registerRowsForTests()
    .filter((r) => r.kind === "verwaltung")
    .map((r) => r.key),
);

/**
 * POST /api/assessments by the contract: valid or not, and the name it stores. `verband`: the request names a
 * Gemeindeverband by its key, whose name and population come from the register.
 */
export function createVerdict(v: unknown): { valid: boolean; name?: string; verband?: string } {
  const no = { valid: false };
  if (
    !isObject(v) ||
    !onlyKeys(v, ["municipality", "respondentRole"]) ||
    !has(v, "municipality") ||
    !has(v, "respondentRole")
  )
    return no;
  if (!ROLES.includes(v.respondentRole as string)) return no;
  const m = v.municipality;
  if (!isObject(m) || !onlyKeys(m, ["name", "state", "population", "ags", "key"])) return no;
  if (typeof m.state !== "string" || !STATE_CODES.includes(m.state)) return no;
  const keyOf = (field: "key" | "ags", pattern: RegExp): string | null | false => {
    if (!has(m, field) || m[field] === null) return null;
    if (typeof m[field] !== "string") return false;
    const k = (m[field] as string).trim();
    if (k === "") return null;
    return pattern.test(k) && k.startsWith(STATE_AGS_PREFIX[m.state as string]!) ? k : false;
  };
  const key = keyOf("key", /^(\d{8}|\d{9})$/);
  const ags = keyOf("ags", /^\d{8}$/);
  if (key === false || ags === false || (key && ags && key !== ags)) return no;
  const verband = key && key.length === 9 ? key : undefined;
  // A 9-digit key must name a Gemeindeverband of the register that runs the administration.
  if (verband && !UNIT_VERBAND_KEYS.has(verband)) return no;
  if (has(m, "name") && m.name !== undefined) {
    if (typeof m.name !== "string") return no;
  } else if (!verband) return no;
  const name = typeof m.name === "string" ? m.name.trim() : undefined;
  // zod counts characters as code points ("😀" is one), not UTF-16 units.
  if (name !== undefined) {
    const chars = [...name].length;
    if (chars < 1 || chars > MAX_NAME || refusedText(name)) return no;
  }
  if (has(m, "population") && m.population !== undefined) {
    if (
      typeof m.population !== "number" ||
      !Number.isInteger(m.population) ||
      m.population < 1 ||
      m.population > MAX_POPULATION
    )
      return no;
  } else if (!verband) return no;
  return { valid: true, name, verband };
}

export type TAnswers = Record<string, string | string[]>;

/** PUT …/answers by the contract: the patch it applies, or null when the body is invalid. */
export function answersPatch(v: unknown): { version: number; patch: Record<string, string | string[] | null> } | null {
  if (!isObject(v) || !onlyKeys(v, ["version", "answers"]) || !has(v, "version") || !has(v, "answers")) return null;
  if (typeof v.version !== "number" || !Number.isSafeInteger(v.version) || v.version < 1) return null;
  if (!isObject(v.answers)) return null;
  const patch: Record<string, string | string[] | null> = {};
  for (const [id, value] of Object.entries(v.answers)) {
    const q = QUESTIONS.get(id);
    if (!q || !has(v.answers, id)) return null;
    const ids = q.options.map((o) => o.id);
    if (value === null) patch[id] = null;
    else if (q.type === "single") {
      if (typeof value !== "string" || !ids.includes(value)) return null;
      patch[id] = value;
    } else {
      if (!Array.isArray(value) || value.length < 1 || value.length > ids.length) return null;
      if (!value.every((x) => typeof x === "string" && ids.includes(x)) || new Set(value).size !== value.length)
        return null;
      const exclusive = q.options.filter((o) => o.exclusive).map((o) => o.id);
      if (value.length > 1 && value.some((x) => exclusive.includes(x as string))) return null;
      patch[id] = value as string[];
    }
  }
  return { version: v.version, patch };
}

export function applyPatch(answers: TAnswers, patch: Record<string, string | string[] | null>): TAnswers {
  const next: TAnswers = { ...answers };
  for (const [id, value] of Object.entries(patch)) {
    if (value === null) delete next[id];
    else
      next[id] = Array.isArray(value)
        ? [...value].sort((a, b) => OPTION_ORDER.get(id)!.indexOf(a) - OPTION_ORDER.get(id)!.indexOf(b))
        : value;
  }
  return next;
}

// ---------------------------------------------------------------- HTTP helpers

export type TReply = { status: number; text: string; headers: Record<string, string> };

/** The checks every answer of the API must pass, whatever the input. */
export function expectWellFormed(r: TReply, allowed: readonly number[], context: string) {
  const where = `${context}\n→ ${r.status} ${r.headers["content-type"] ?? ""} ${r.text.slice(0, 300)}`;
  expect(r.status, `never a 5xx\n${where}`).toBeLessThan(500);
  expect(allowed, `a documented status\n${where}`).toContain(r.status);
  if (r.status < 400) return;
  expect(r.headers["content-type"] ?? "", `errors are JSON\n${where}`).toContain("application/json");
  let body: unknown;
  try {
    body = JSON.parse(r.text);
  } catch {
    throw new Error(`error body is not JSON\n${where}`);
  }
  expect(isObject(body) && typeof body.error === "string", `error body has an "error" string\n${where}`).toBe(true);
  const error = (body as { error: string }).error;
  expect(error, `the error is German\n${where}`).toMatch(GERMAN);
  expect(error, `no English framework message\n${where}`).not.toMatch(ENGLISH);
  const issues = (body as { issues?: unknown }).issues;
  if (issues !== undefined) {
    expect(Array.isArray(issues), `issues is an array\n${where}`).toBe(true);
    for (const i of issues as unknown[]) {
      expect(
        isObject(i) && typeof i.path === "string" && typeof i.message === "string" && i.message.length > 0,
        `issue {path, message}\n${where}`,
      ).toBe(true);
    }
  }
  if (r.status === 429) {
    expect(r.headers["retry-after"], `429 names when to retry\n${where}`).toMatch(/^\d+$/);
    expect(error).toMatch(/^Zu viele Anfragen in kurzer Zeit/);
  }
}

export function searchParamsOf(url: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // Next.js rebuilds the query through a plain object before the app sees it, which drops a
  // "__proto__" parameter (verified: /api/peers?__proto__=x reaches the route as no parameter). The
  // app then answers as if it had not been sent; model what actually arrives.
  for (const [k, v] of new URL(url, "http://x").searchParams)
    if (k !== "__proto__") out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}
