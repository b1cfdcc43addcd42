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
  type TSearchIndex,
  type TSearchParams,
} from "./search";

export type { TMunicipalityHit, TRegisterEntry, TSearchParams } from "./search";

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
}>;

const ZIsoDate = z.iso.date();

const ZRow = z
  .tuple([
    z.string().regex(/^\d{8}$/, "AGS must have 8 digits"),
    // The GV100AD name field is 50 characters wide.
    z.string().min(1).max(50),
    z.string().min(1).max(50),
    z.string().min(1),
    ZStateCode,
    // Every municipality is inhabited (uninhabited gemeindefreie Gebiete are not imported);
    // the smallest, Gröde, has 7 inhabitants. 0 would also have no size class.
    z.number().int().min(1),
  ])
  .superRefine(([ags, name, nameShort, , state], ctx) => {
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

const ZRegisterFile = z.object({
  format: z.literal(1),
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
  ]),
  rows: z.array(ZRow).min(1),
});

type TLoaded = {
  register: TRegister;
  byAgs: ReadonlyMap<string, TRegisterEntry>;
  countByClass: ReadonlyMap<string, number>;
  index: TSearchIndex;
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
  for (const [ags, name, nameShort, kreis, state, population] of file.rows) {
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
      }),
    );
  }
  return Object.freeze({
    gebietsstand: file.gebietsstand,
    populationDate: file.populationDate,
    source: file.source,
    licence: Object.freeze({ ...file.licence }),
    rows: Object.freeze(rows),
  });
}

let loaded: TLoaded | undefined;

function load(): TLoaded {
  if (loaded) return loaded;
  const register = parseRegisterFile(JSON.parse(readFileSync(REGISTER_DATA_FILE, "utf8")));
  const byAgs = new Map(register.rows.map((row) => [row.ags, row]));
  const countByClass = new Map<string, number>();
  for (const row of register.rows) {
    const key = countKey(row.state, row.sizeClass);
    countByClass.set(key, (countByClass.get(key) ?? 0) + 1);
  }
  loaded = { register, byAgs, countByClass, index: buildSearchIndex(register.rows) };
  return loaded;
}

/** The whole register; parsed and validated on the first call of any function here, then kept for the process. */
export function getRegister(): TRegister {
  return load().register;
}

/** The entry with this AGS, or undefined (also for keys from a newer Gebietsstand, e.g. after a merger). */
export function findByAgs(ags: string): TRegisterEntry | undefined {
  if (typeof ags !== "string") return undefined;
  return load().byAgs.get(ags);
}

/** How many municipalities of a state fall into a size class (the population of a benchmark group). */
export function countByStateAndSizeClass(state: TStateCode, sizeClass: TSizeClass): number {
  return load().countByClass.get(countKey(state, sizeClass)) ?? 0;
}

/** See searchIndex in ./search for ranking and normalisation. */
export function searchMunicipalities(params: TSearchParams): TMunicipalityHit[] {
  return searchIndex(load().index, params);
}
