import { z } from "zod";
import "../validation/zod-de";
import { refuseProtoKey } from "../validation/query";

export const EASY_LANGUAGE_PARAM_MESSAGE =
  "leichteSprache muss ja (mit einer Seite in Leichter Sprache) oder nein (ohne) sein.";

/**
 * Query of GET /api/assessments/{token}/report.pdf: `leichteSprache=ja` adds the result in Leichter Sprache
 * after the cover. Like every query of the API, an unknown or repeated parameter is refused.
 */
export const ZReportQuery = refuseProtoKey(
  z.strictObject(
    { leichteSprache: z.enum(["ja", "nein"], { error: EASY_LANGUAGE_PARAM_MESSAGE }).optional() },
    {
      error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekannter Parameter: ${iss.keys.join(", ")}` : undefined),
    },
  ),
);
