import type { TSizeClass } from "../profile/size-class";
import type { TStateCode } from "../profile/states";
import { nameKeys, normalizeName } from "./normalize";
import type { TUnitKind } from "./units";

/** One municipality of the official register, with the figures derived from it. */
export type TRegisterEntry = Readonly<{
  /** Amtlicher Gemeindeschlüssel, 8 digits; the first two are the state's Länderschlüssel. */
  ags: string;
  /** As Destatis writes it, suffix included: "Großenhain, Stadt", "Ebstorf,Klosterflecken". */
  name: string;
  /** Text before the first comma: "Großenhain". */
  nameShort: string;
  /** How a user tells homonyms apart: "Landkreis Meißen", "Kreis Kleve", "kreisfreie Stadt". */
  kreis: string;
  state: TStateCode;
  stateName: string;
  /** Inhabitants on populationDate (Fortschreibung, Destatis). */
  population: number;
  /** ISO date the population refers to, e.g. "2024-12-31". */
  populationDate: string;
  sizeClass: TSizeClass;
  /** The 9-digit key of the Gemeindeverband the Gemeinde belongs to (Amt, Verbandsgemeinde …), or null. */
  verband: string | null;
}>;

/**
 * What a respondent can answer for, and what the search finds: a Gemeinde (8-digit AGS) or a Gemeindeverband
 * that runs its members' administration (9-digit key; docs/adr/0013-administrations-as-units.md). Frozen and
 * shared; safe to serialise.
 */
export type TRegisterItem = Readonly<{
  /** AGS of a Gemeinde, or the Gemeindeverband's 9-digit key. */
  key: string;
  kind: TUnitKind;
  /** The Gemeinde's AGS (= key); null for a Gemeindeverband. */
  ags: string | null;
  /** A Gemeinde as Destatis writes it ("Büchen"); a Verband with its type ("Amt Büchen"). */
  name: string;
  /** A Gemeinde's name before the comma; a Verband's name as for name. */
  nameShort: string;
  kreis: string;
  state: TStateCode;
  stateName: string;
  /** Inhabitants the unit serves: a Gemeinde's own, a Verband's the sum of its members'. */
  population: number;
  populationDate: string;
  /** From population: a Verbandsgemeinde of 34,903 is compared with Mittelstädte. */
  sizeClass: TSizeClass;
  /** How many Gemeinden the unit answers for (1 for a Gemeinde). */
  memberCount: number;
  /** A Verband's seat of the administration ("Büchen"); null for a Gemeinde. */
  seat: string | null;
  /** A Verband's type as users name it ("Amt", "Verbandsgemeinde"); null for a Gemeinde. */
  typeLabel: string | null;
  /** Whether the unit runs its own administration and so belongs to the frame the peers and the Lagebild count. */
  isUnit: boolean;
  /** For a Gemeinde whose administration its Verband runs: that Verband, which answers for it by default. */
  administration: Readonly<{ key: string; name: string; memberCount: number; population: number }> | null;
}>;

/** A search result (frozen, shared; safe to serialise). */
export type TMunicipalityHit = TRegisterItem;

export type TSearchParams = {
  q: string;
  state?: TStateCode;
  /** 1..20; values outside are clamped, anything not a number means the default 10. */
  limit?: number;
};

export const SEARCH_MIN_CHARS = 2;
// Queries are cut here before normalising: the API allows 100 characters, and no name is longer than 50.
export const SEARCH_MAX_CHARS = 100;
export const SEARCH_MAX_LIMIT = 20;
const DEFAULT_LIMIT = 10;

// Ranks, best first. The last one only exists for queries of several words.
const RANK_PREFIX = 0;
const RANK_WORD_START = 1;
const RANK_SUBSTRING = 2;
const RANK_ALL_WORDS = 3;
const RANK_COUNT = 4;

/**
 * `keys` joined into one string, each key after a "|" (keys hold only a–z, 0–9 and single spaces): one
 * indexOf per row finds whether any key matches, so an item with several names costs a miss no more than one.
 */
type TIndexedRow = { readonly entry: TRegisterItem; readonly joined: string };

/**
 * The rows of one scope (all, or one state) in scan order, and their joined keys concatenated into one text:
 * a query that matches few rows costs one indexOf over the text instead of one per row. Each row's part starts
 * with "|" and a query holds only a–z, 0–9 and spaces, so no match spans two rows.
 */
type TScope = {
  readonly rows: readonly TIndexedRow[];
  readonly text: string;
  /** Where each row's part of text starts. */
  readonly starts: Int32Array;
};

export type TSearchIndex = {
  readonly all: TScope;
  readonly byState: ReadonlyMap<TStateCode, TScope>;
};

function toScope(rows: readonly TIndexedRow[]): TScope {
  const starts = new Int32Array(rows.length);
  let at = 0;
  rows.forEach((row, i) => {
    starts[i] = at;
    at += row.joined.length;
  });
  return { rows, text: rows.map((r) => r.joined).join(""), starts };
}

/** The row whose part of the scope's text holds position pos. */
function rowAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const nameCollator = new Intl.Collator("de");

/** The keys an item is found by: its name and, for a Verband, its other names ("Büchen", "VG Weißenthurm"). */
function itemKeys(item: TRegisterItem, otherNames: readonly string[]): string[] {
  const keys = nameKeys(item.name);
  for (const name of otherNames) for (const k of nameKeys(name)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/**
 * Precomputes the matching keys and orders the rows by population (descending), then name,
 * then key. A scan in that order meets the best candidates of each rank first, so a query
 * needs no sort and can stop as soon as `limit` prefix matches are found. `otherNames` are further names an
 * item is found by: a Verband's name as the register gives it (without its type) and its usual abbreviations.
 */
export function buildSearchIndex(
  items: readonly TRegisterItem[],
  otherNames: (item: TRegisterItem) => readonly string[] = () => [],
): TSearchIndex {
  const all = items
    .map((entry) => ({ entry, joined: `|${itemKeys(entry, otherNames(entry)).join("|")}` }))
    .sort(
      (a, b) =>
        b.entry.population - a.entry.population ||
        nameCollator.compare(a.entry.name, b.entry.name) ||
        (a.entry.key < b.entry.key ? -1 : 1),
    );
  const byState = new Map<TStateCode, TIndexedRow[]>();
  for (const row of all) {
    const list = byState.get(row.entry.state);
    if (list) list.push(row);
    else byState.set(row.entry.state, [row]);
  }
  return {
    all: toScope(all),
    byState: new Map([...byState].map(([state, rows]) => [state, toScope(rows)])),
  };
}

/** A query with the strings its matching needs, made once per query rather than once per row. */
type TQuery = {
  readonly q: string;
  /** "|q": q at the start of one of a row's keys. */
  readonly atKey: string;
  /** " q": q at the start of a further word of a key. */
  readonly atWord: string;
  /** Several words: each as "|w" and " w", for RANK_ALL_WORDS. */
  readonly words: readonly (readonly [string, string])[] | null;
};

function toQuery(q: string): TQuery {
  const words = q.includes(" ") ? q.split(" ").map((w) => [`|${w}`, ` ${w}`] as const) : null;
  return { q, atKey: `|${q}`, atWord: ` ${q}`, words };
}

/**
 * The best rank of any of a row's keys (see TIndexedRow: "|" starts each key, a space each further word). Later
 * occurrences are looked for only after the first one, and no string is built per row.
 */
function rankRow(joined: string, query: TQuery): number {
  const at = joined.indexOf(query.q);
  if (at > 0) {
    const before = joined.charCodeAt(at - 1);
    if (before === 124 || joined.indexOf(query.atKey, at) !== -1) return RANK_PREFIX;
    if (before === 32 || joined.indexOf(query.atWord, at) !== -1) return RANK_WORD_START;
    return RANK_SUBSTRING;
  }
  // "neustadt weinstr" finds "Neustadt an der Weinstraße": every word at some word start (of any of its names).
  if (query.words && query.words.every(([atKey, atWord]) => joined.includes(atKey) || joined.includes(atWord)))
    return RANK_ALL_WORDS;
  return -1;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function countLettersAndDigits(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (LETTER_OR_DIGIT.test(ch) && ++n >= SEARCH_MIN_CHARS) break;
  }
  return n;
}

function clampLimit(limit: unknown): number {
  if (typeof limit !== "number" || Number.isNaN(limit)) return DEFAULT_LIMIT;
  return Math.min(SEARCH_MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}

/**
 * Municipalities whose name matches q: names starting with it first, then names with a word
 * starting with it, then names containing it, then (several words) names containing every word
 * at a word start; within each rank by population descending, then name. Case, umlauts
 * ("Muenchen", "Munchen"), ß ("ss", "sz") and Destatis suffixes (", Stadt") do not matter.
 * Never throws on user input: fewer than 2 letters or digits, or an unknown state, give [].
 */
export function searchIndex(index: TSearchIndex, { q, state, limit }: TSearchParams): TMunicipalityHit[] {
  if (typeof q !== "string") return [];
  const typed = q.slice(0, SEARCH_MAX_CHARS);
  const query = normalizeName(typed);
  // Counted as typed as well, so a lone "ü" or "ß" (two letters once folded) does not search yet.
  if (query.length < SEARCH_MIN_CHARS || countLettersAndDigits(typed) < SEARCH_MIN_CHARS) return [];
  const max = clampLimit(limit);
  const scope = state === undefined ? index.all : index.byState.get(state);
  if (!scope) return [];

  const prepared = toQuery(query);
  const buckets: TMunicipalityHit[][] = Array.from({ length: RANK_COUNT }, () => []);
  const prefixBucket = buckets[RANK_PREFIX]!;
  const take = (row: TIndexedRow): boolean => {
    const rank = rankRow(row.joined, prepared);
    if (rank === -1) return false;
    const bucket = buckets[rank]!;
    if (bucket.length < max) bucket.push(row.entry);
    // Rows come best-first, so once the top rank is full nothing later can get in.
    return prefixBucket.length >= max;
  };
  // Every row that matches contains the query's longest word (the query itself when it is one word): only
  // the rows that contain it are looked at, found in the scope's text in scan order.
  const needle = query.split(" ").reduce((a, b) => (b.length > a.length ? b : a));
  const { rows, text, starts } = scope;
  for (let pos = text.indexOf(needle); pos !== -1;) {
    const r = rowAt(starts, pos);
    if (take(rows[r]!)) break;
    pos = r + 1 < rows.length ? text.indexOf(needle, starts[r + 1]!) : -1;
  }
  return buckets.flat().slice(0, max);
}
