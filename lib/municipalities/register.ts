import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { deriveSizeClass, type TSizeClass } from "../profile/size-class";
import { ZStateCode, getStateByAgsPrefix, getStateName, type TStateCode } from "../profile/states";
import { stripDestatisSuffix } from "./normalize";
import {
  buildSearchIndex,
  searchIndex,
  type TMunicipalityHit,
  type TRegisterEntry,
  type TRegisterItem,
  type TSearchIndex,
  type TSearchParams,
} from "./search";
import {
  VERBAND_TYPE_CODES,
  administrationOf,
  unitKindOfKey,
  verbandDisplayName,
  verbandTypeLabel,
  type TVerbandTypeCode,
} from "./units";
import { AGS_PATTERN, VERBAND_KEY_PATTERN } from "../validation/keys";

export type { TMunicipalityHit, TRegisterEntry, TRegisterItem, TSearchParams } from "./search";

/**
 * The official municipality register (Destatis GV100AD), read from a JSON file in the project
 * that scripts/register-import.mjs writes. Read from disk rather than imported, so that it is
 * parsed only when first used and can never be pulled into a client bundle; Next.js traces
 * files read relative to process.cwd() into the server build.
 */
export const REGISTER_DATA_FILE = path.join(process.cwd(), "lib", "municipalities", "register-data.json");

export type TRegister = Readonly<{
  /** Gebietsstand of the keys and names, ISO date; store it beside every AGS taken from here. */
  gebietsstand: string;
  /** Reference date of the population figures, ISO date. */
  populationDate: string;
  /** Attribution the licence requires, to be shown wherever the data is. */
  source: string;
  licence: Readonly<{ name: string; id: string; url: string }>;
  /** Sorted by AGS. */
  rows: readonly TRegisterEntry[];
  /** The Gemeindeverbände (GV100AD Satzart 50, Textkennzeichen 51–58), sorted by key. */
  verbaende: readonly TVerbandEntry[];
}>;

/** A Gemeindeverband of the register: Amt, Samtgemeinde, Verbandsgemeinde, Verwaltungsgemeinschaft … */
export type TVerbandEntry = Readonly<{
  /** 9 digits: Land, Regierungsbezirk, Kreis, Verband. */
  key: string;
  /** As Destatis writes it: "Büchen", "Emmerting (VGem)", "EG Uder". */
  name: string;
  type: TVerbandTypeCode;
  /** Seat of the administration, as Destatis writes it. */
  seat: string;
  state: TStateCode;
  /** Member Gemeinden, by AGS. */
  members: readonly TRegisterEntry[];
  /** Sum of the members' population: the population the Verband serves. */
  population: number;
}>;

const ZIsoDate = z.iso.date();

const ZRow = z
  .tuple([
    z.string().regex(AGS_PATTERN, "AGS must have 8 digits"),
    // The GV100AD name field is 50 characters wide.
    z.string().min(1).max(50),
    z.string().min(1).max(50),
    z.string().min(1),
    ZStateCode,
    // Every municipality is inhabited (uninhabited gemeindefreie Gebiete are not imported);
    // the smallest, Gröde, has 7 inhabitants. 0 would also have no size class.
    z.number().int().min(1),
    // The Gemeindeverband (9 digits) the Gemeinde belongs to; "" for a verbandsfreie Gemeinde.
    z.union([z.literal(""), z.string().regex(VERBAND_KEY_PATTERN, "Verband key must have 9 digits")]),
  ])
  .superRefine(([ags, name, nameShort, , state, , verband], ctx) => {
    if (verband !== "" && !ags.startsWith(verband.slice(0, 5))) {
      ctx.addIssue({ code: "custom", message: `${ags}: Verband ${verband} lies in another Kreis` });
    }
    if (getStateByAgsPrefix(ags) !== state) {
      ctx.addIssue({ code: "custom", message: `${ags}: state ${state} does not match the AGS prefix` });
    }
    if (nameShort !== stripDestatisSuffix(name).trim()) {
      ctx.addIssue({
        code: "custom",
        message: `${ags}: nameShort "${nameShort}" is not the text before the comma of "${name}"`,
      });
    }
  });

const ZVerbandRow = z.tuple([
  z.string().regex(VERBAND_KEY_PATTERN, "Verband key must have 9 digits"),
  z.string().min(1).max(50),
  z.enum(VERBAND_TYPE_CODES),
  z.string().max(50),
  ZStateCode,
  z.number().int().min(1),
  z.number().int().min(1),
]);

const ZRegisterFile = z.object({
  format: z.literal(2),
  gebietsstand: ZIsoDate,
  populationDate: ZIsoDate,
  source: z.string().startsWith("Quelle: Statistisches Bundesamt (Destatis)"),
  licence: z.object({ name: z.string().min(1), id: z.string().min(1), url: z.url() }),
  sourceFile: z.string(),
  fixes: z.array(
    z.object({ ags: z.string(), population: z.object({ from: z.number(), to: z.number() }), note: z.string() }),
  ),
  columns: z.tuple([
    z.literal("ags"),
    z.literal("name"),
    z.literal("nameShort"),
    z.literal("kreis"),
    z.literal("state"),
    z.literal("population"),
    z.literal("verband"),
  ]),
  verbandColumns: z.tuple([
    z.literal("key"),
    z.literal("name"),
    z.literal("type"),
    z.literal("seat"),
    z.literal("state"),
    z.literal("members"),
    z.literal("population"),
  ]),
  rows: z.array(ZRow).min(1),
  verbaende: z.array(ZVerbandRow),
});

type TLoaded = {
  register: TRegister;
  byAgs: ReadonlyMap<string, TRegisterEntry>;
  /** Every Gemeinde and every Verband as an item, by key; frame units have isUnit. */
  items: ReadonlyMap<string, TRegisterItem>;
  /** The frame: every unit (a Gemeinde or Verband that runs its administration), by key order. */
  units: readonly TRegisterItem[];
  unitsByClass: ReadonlyMap<string, number>;
  verbaende: ReadonlyMap<string, TVerbandEntry>;
  index: TSearchIndex;
  gemeindeItems?: readonly TRegisterItem[];
};

const countKey = (state: TStateCode, sizeClass: TSizeClass) => `${state}|${sizeClass}`;

/** Validates the content of register-data.json and builds the entries; throws on any defect. */
export function parseRegisterFile(raw: unknown): TRegister {
  const result = ZRegisterFile.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(
      `Municipality register data is invalid (${result.error.issues.length} issues): ${first.join("; ")}`,
    );
  }
  const file = result.data;
  const rows: TRegisterEntry[] = [];
  let previousAgs = "";
  for (const [ags, name, nameShort, kreis, state, population, verband] of file.rows) {
    // Strictly ascending also means unique; the import script writes them in this order.
    if (ags <= previousAgs)
      throw new Error(`Municipality register data is invalid: AGS ${ags} is not in ascending order or repeated`);
    previousAgs = ags;
    rows.push(
      Object.freeze({
        ags,
        name,
        nameShort,
        kreis,
        state,
        stateName: getStateName(state),
        population,
        populationDate: file.populationDate,
        sizeClass: deriveSizeClass(population),
        verband: verband === "" ? null : verband,
      }),
    );
  }
  const membersOf = new Map<string, TRegisterEntry[]>();
  for (const row of rows) {
    if (row.verband === null) continue;
    const list = membersOf.get(row.verband);
    if (list) list.push(row);
    else membersOf.set(row.verband, [row]);
  }
  const invalid = (message: string) => new Error(`Municipality register data is invalid: ${message}`);
  const verbaende: TVerbandEntry[] = [];
  let previousKey = "";
  for (const [key, name, type, seat, state, memberCount, population] of file.verbaende) {
    if (key <= previousKey) throw invalid(`Verband ${key} is not in ascending order or repeated`);
    previousKey = key;
    if (getStateByAgsPrefix(key) !== state) throw invalid(`Verband ${key}: state ${state} does not match the key`);
    const members = membersOf.get(key) ?? [];
    // The stored counts repeat what the rows give; a mismatch means an edited or broken file.
    if (members.length !== memberCount)
      throw invalid(`Verband ${key} lists ${memberCount} members, the rows ${members.length}`);
    const sum = members.reduce((n, m) => n + m.population, 0);
    if (sum !== population) throw invalid(`Verband ${key} serves ${population}, its members ${sum}`);
    verbaende.push(Object.freeze({ key, name, type, seat, state, members: Object.freeze(members), population }));
  }
  const known = new Set(verbaende.map((v) => v.key));
  const orphan = rows.find((r) => r.verband !== null && !known.has(r.verband));
  if (orphan) throw invalid(`${orphan.ags} belongs to Verband ${orphan.verband}, which is not in the file`);
  return Object.freeze({
    gebietsstand: file.gebietsstand,
    populationDate: file.populationDate,
    source: file.source,
    licence: Object.freeze({ ...file.licence }),
    rows: Object.freeze(rows),
    verbaende: Object.freeze(verbaende),
  });
}

/** Items for every Verband and every Gemeinde, with the unit rule of ADR 0013 applied. */
function buildItems(register: TRegister): Map<string, TRegisterItem> {
  const items = new Map<string, TRegisterItem>();
  const verbandItems = new Map<string, TRegisterItem>();
  for (const v of register.verbaende) {
    const name = verbandDisplayName(v.state, v.type, v.name);
    const item: TRegisterItem = Object.freeze({
      key: v.key,
      kind: "verwaltung",
      ags: null,
      name,
      nameShort: name,
      kreis: v.members[0]!.kreis,
      state: v.state,
      stateName: getStateName(v.state),
      population: v.population,
      populationDate: register.populationDate,
      sizeClass: deriveSizeClass(v.population),
      memberCount: v.members.length,
      seat: v.seat || null,
      typeLabel: verbandTypeLabel(v.state, v.type),
      isUnit: administrationOf(v.state, v.type) === "verband",
      administration: null,
    });
    verbandItems.set(v.key, item);
    items.set(v.key, item);
  }
  for (const row of register.rows) {
    const verband = row.verband === null ? undefined : verbandItems.get(row.verband);
    const administeredByVerband = verband?.isUnit === true;
    items.set(
      row.ags,
      Object.freeze({
        key: row.ags,
        kind: "gemeinde",
        ags: row.ags,
        name: row.name,
        nameShort: row.nameShort,
        kreis: row.kreis,
        state: row.state,
        stateName: row.stateName,
        population: row.population,
        populationDate: row.populationDate,
        sizeClass: row.sizeClass,
        memberCount: 1,
        seat: null,
        typeLabel: null,
        isUnit: !administeredByVerband,
        administration: administeredByVerband
          ? Object.freeze({
              key: verband.key,
              name: verband.name,
              memberCount: verband.memberCount,
              population: verband.population,
            })
          : null,
      }),
    );
  }
  return items;
}

// Abbreviations officers type for their Verband ("VG Weißenthurm", "SG Brome"), by Textkennzeichen.
const ABBREVIATIONS: Partial<Record<TVerbandTypeCode, readonly string[]>> = {
  "52": ["SG"],
  "53": ["VG", "VGem"],
  "54": ["VG", "VGem"],
  "56": ["VV", "GVV"],
};

/** The names a Verband is found by besides its display name: the register's own and the usual abbreviations. */
function verbandSearchNames(v: TVerbandEntry): string[] {
  const bare = verbandDisplayName(v.state, v.type, v.name).slice(verbandTypeLabel(v.state, v.type).length + 1);
  return [v.name, ...(ABBREVIATIONS[v.type] ?? []).map((a) => `${a} ${bare}`)];
}

let loaded: TLoaded | undefined;

function load(): TLoaded {
  if (loaded) return loaded;
  const register = parseRegisterFile(JSON.parse(readFileSync(REGISTER_DATA_FILE, "utf8")));
  const byAgs = new Map(register.rows.map((row) => [row.ags, row]));
  const items = buildItems(register);
  const units = [...items.values()].filter((i) => i.isUnit).sort((a, b) => (a.key < b.key ? -1 : 1));
  const unitsByClass = new Map<string, number>();
  for (const unit of units) {
    const key = countKey(unit.state, unit.sizeClass);
    unitsByClass.set(key, (unitsByClass.get(key) ?? 0) + 1);
  }
  // Searchable: every Gemeinde, and the Verbände that are units (a Verband in Baden-Württemberg runs no
  // administration of its members, so nobody answers for it). Verbände by their own name as well.
  const verbandNames = new Map(register.verbaende.map((v) => [v.key, verbandSearchNames(v)]));
  const searchable = [...items.values()].filter((i) => i.kind === "gemeinde" || i.isUnit);
  const index = buildSearchIndex(searchable, (i) => verbandNames.get(i.key) ?? []);
  const verbaende = new Map(register.verbaende.map((v) => [v.key, v]));
  loaded = { register, byAgs, items, units, unitsByClass, verbaende, index };
  return loaded;
}

/** The whole register; parsed and validated on the first call of any function here, then kept for the process. */
export function getRegister(): TRegister {
  return load().register;
}

/**
 * How many units (administrations: ADR 0013) of a state fall into a size class by the population they serve:
 * the frame of the peer groups and the Lagebild.
 */
export function countUnits(state: TStateCode, sizeClass: TSizeClass): number {
  return load().unitsByClass.get(countKey(state, sizeClass)) ?? 0;
}

/** Every Gemeinde as an item (unit or not), sorted by AGS. */
export function getGemeindeItems(): readonly TRegisterItem[] {
  const l = load();
  return (l.gemeindeItems ??= l.register.rows.map((r) => l.items.get(r.ags)!));
}

/** Every unit of the frame, sorted by key: each Gemeinde counted once, in exactly one unit. */
export function getUnits(): readonly TRegisterItem[] {
  return load().units;
}

/**
 * The Gemeinde (8-digit AGS) or Gemeindeverband (9-digit key) with this key, whether or not it is a unit;
 * undefined for anything else (also the pseudo-record key of a verbandsfreie Gemeinde, which is no Verband).
 */
export function findItem(key: string): TRegisterItem | undefined {
  if (typeof key !== "string" || unitKindOfKey(key) === undefined) return undefined;
  return load().items.get(key);
}

/**
 * Whether an assessment filed under this key may count in the peer figures and the Lagebild: not when the key
 * names a Gemeinde whose Verband runs its administration (the Verband counts for it, and no population may be
 * counted twice: ADR 0013), nor a Verband that runs none. A key the register does not know (a newer merger)
 * or none (a name typed by hand) stands for a unit of its own.
 */
export function countsInFrame(unitKey: string | null): boolean {
  if (!unitKey) return true;
  const item = findItem(unitKey);
  return item ? item.isUnit : true;
}

/** A Verband's member Gemeinden (sorted by AGS); a Gemeinde's list is itself. */
export function getMembers(key: string): readonly TRegisterEntry[] {
  const item = findItem(key);
  if (!item) return [];
  if (item.kind === "gemeinde") return [load().byAgs.get(key)!];
  return load().verbaende.get(key)?.members ?? [];
}

/** See searchIndex in ./search for ranking and normalisation. */
export function searchMunicipalities(params: TSearchParams): TMunicipalityHit[] {
  return searchIndex(load().index, params);
}
