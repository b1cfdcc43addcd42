import { z } from "zod";

// The query helpers every route and page that reads a query string shares: the plain object of its
// parameters, and the keys that must never reach an object (prototype pollution).

/**
 * zod's strict objects see "__proto__" as a known key (it is "in" every object) and drop it silently;
 * refuse an own "__proto__" key explicitly, with the strict objects' wording.
 */
export function refuseProtoKey<T extends z.ZodType>(schema: T) {
  return z.preprocess((input, ctx) => {
    if (input !== null && typeof input === "object" && Object.hasOwn(input, "__proto__")) {
      ctx.issues.push({ code: "custom", message: "Unbekannter Parameter: __proto__", path: ["__proto__"], input });
    }
    return input;
  }, schema);
}

/** URLSearchParams as a plain object; a repeated parameter becomes an invalid value. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  // Object.fromEntries defines own properties (so "__proto__" stays a key); a repeated parameter
  // becomes an array, which every query schema refuses as "not a text".
  return Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const values = params.getAll(key);
      return [key, values.length === 1 ? values[0]! : values];
    }),
  );
}

/** Keys that must never reach an object as such (prototype pollution). */
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
