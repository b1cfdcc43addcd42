import { z } from "zod";
import "../validation/zod-de";
import { ZStateCode } from "../profile/states";
import { ZSizeClass } from "../profile/size-class";
import { refuseProtoKey } from "../validation/query";
import { freeText } from "../validation/free-text";
import { SEARCH_MAX_CHARS, SEARCH_MAX_LIMIT, SEARCH_MIN_CHARS } from "./search";
import { ZAgs, ZUnitKey, ZVerbandKey } from "../validation/keys";

/** Query of GET /api/municipalities (docs/api.md). */
export const ZMunicipalitySearchQuery = refuseProtoKey(
  z.strictObject(
    {
      q: freeText(
        z
          .string({ error: "Bitte geben Sie einen Suchbegriff (q) an." })
          .trim()
          .min(SEARCH_MIN_CHARS, `Der Suchbegriff muss mindestens ${SEARCH_MIN_CHARS} Zeichen lang sein.`)
          .max(SEARCH_MAX_CHARS, `Der Suchbegriff darf höchstens ${SEARCH_MAX_CHARS} Zeichen lang sein.`),
        "Der Suchbegriff",
      ),
      state: ZStateCode.optional(),
      limit: z
        .string()
        .regex(/^\d{1,2}$/, `Die Anzahl (limit) muss eine ganze Zahl von 1 bis ${SEARCH_MAX_LIMIT} sein.`)
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(1, `Die Anzahl (limit) muss eine ganze Zahl von 1 bis ${SEARCH_MAX_LIMIT} sein.`)
            .max(SEARCH_MAX_LIMIT, `Die Anzahl (limit) muss eine ganze Zahl von 1 bis ${SEARCH_MAX_LIMIT} sein.`),
        )
        .optional(),
      /** "true": each Verband lists its member Gemeinden (AGS, name, population). */
      members: z
        .enum(["true", "false"], { error: "members muss true oder false sein." })
        .transform((v) => v === "true")
        .optional(),
    },
    {
      error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekannter Parameter: ${iss.keys.join(", ")}` : undefined),
    },
  ),
);

const ZMember = z.strictObject({
  ags: ZAgs,
  name: z.string().min(1),
  population: z.number().int().min(1),
});

/**
 * One register item: a Gemeinde (kind "gemeinde", 8-digit key = AGS) or a Gemeindeverband that runs its members'
 * administration (kind "verwaltung", 9-digit key; docs/adr/0013-administrations-as-units.md). `population` is the
 * population the unit serves, and the size class comes from it.
 */
export const ZRegisterItem = z.strictObject({
  key: ZUnitKey,
  kind: z.enum(["gemeinde", "verwaltung"]),
  /** The AGS of a Gemeinde (= key); null for a Verband. */
  ags: ZAgs.nullable(),
  name: z.string().min(1),
  nameShort: z.string().min(1),
  kreis: z.string(),
  state: ZStateCode,
  population: z.number().int().min(1),
  populationDate: z.iso.date(),
  sizeClass: ZSizeClass,
  /** The Verband's type ("Amt", "Verbandsgemeinde" …); null for a Gemeinde. */
  type: z.string().nullable(),
  /** The Verband's seat of the administration; null for a Gemeinde. */
  seat: z.string().nullable(),
  /** How many Gemeinden the unit answers for (1 for a Gemeinde); `items` only with members=true. */
  members: z.strictObject({ count: z.number().int().min(1), items: z.array(ZMember).optional() }),
  /** Whether the unit runs its own administration, so that its answers count in peer figures and the Lagebild. */
  isUnit: z.boolean(),
  /** For a Gemeinde whose administration its Verband runs: the Verband, which answers for it by default. */
  administration: z
    .strictObject({
      key: ZVerbandKey,
      name: z.string().min(1),
      members: z.number().int().min(1),
      population: z.number().int().min(1),
    })
    .nullable(),
});
export type TRegisterItemResponse = z.infer<typeof ZRegisterItem>;

/** Response of GET /api/municipalities: the hits with the register's Gebietsstand and its source note. */
export const ZMunicipalitySearchResponse = z.strictObject({
  items: z.array(ZRegisterItem),
  gebietsstand: z.iso.date(),
  source: z.string().min(1),
});
