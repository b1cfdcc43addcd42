import { z } from "zod";
import "../validation/zod-de";
import { ZStateCode } from "../profile/states";
import { ZSizeClass } from "../profile/size-class";
import { refuseProtoKey } from "../peers/peer-query";
import { freeText } from "../validation/free-text";
import { SEARCH_MAX_CHARS, SEARCH_MAX_LIMIT, SEARCH_MIN_CHARS } from "./search";

/** Query of GET /api/municipalities (CONTRACT.md section 3). */
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
    },
    {
      error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekannter Parameter: ${iss.keys.join(", ")}` : undefined),
    },
  ),
);

/** Response of GET /api/municipalities: the hits with the register's Gebietsstand and its source note. */
export const ZMunicipalitySearchResponse = z.strictObject({
  items: z.array(
    z.strictObject({
      ags: z.string().regex(/^\d{8}$/),
      name: z.string().min(1),
      nameShort: z.string().min(1),
      kreis: z.string(),
      state: ZStateCode,
      population: z.number().int().min(1),
      populationDate: z.iso.date(),
      sizeClass: ZSizeClass,
    }),
  ),
  gebietsstand: z.iso.date(),
  source: z.string().min(1),
});
