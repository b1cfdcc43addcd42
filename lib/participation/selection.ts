import { z } from "zod";
import "../validation/zod-de";
import { ZStateCode } from "../profile/states";
import { deriveSizeClass, ZSizeClass } from "../profile/size-class";
import type { TRegisterEntry } from "../municipalities/search";
import { err, ok, type TResult } from "../result";

/** Most AGS a list may name (the register has 10,747 municipalities; more is a mistake). */
export const MAX_AGS_LIST = 11_000;

/**
 * Which municipalities of the register get participation codes: a list of AGS, or a state, a Kreis
 * (its 5-digit key) and a size class, each optional and combined. An empty selection means every
 * municipality of the register.
 */
export const ZCodeSelection = z.strictObject(
  {
    ags: z
      .array(z.string().regex(/^\d{8}$/, "Ein AGS hat 8 Ziffern."), { error: "Bitte geben Sie AGS als Liste an." })
      .max(MAX_AGS_LIST, `Höchstens ${MAX_AGS_LIST.toLocaleString("de-DE")} AGS auf einmal.`)
      .optional(),
    state: ZStateCode.optional(),
    kreis: z
      .string()
      .regex(/^\d{5}$/, "Der Kreisschlüssel hat 5 Ziffern (die ersten fünf des AGS).")
      .optional(),
    sizeClass: ZSizeClass.optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekanntes Feld: ${iss.keys.join(", ")}` : undefined) },
);
export type TCodeSelection = z.infer<typeof ZCodeSelection>;

/** The register's municipalities that a selection names, in AGS order; unknown AGS are an error. */
export function selectMunicipalities(
  rows: readonly TRegisterEntry[],
  selection: TCodeSelection,
): TResult<TRegisterEntry[], string> {
  let chosen: readonly TRegisterEntry[] = rows;
  if (selection.ags) {
    const wanted = new Set(selection.ags);
    chosen = rows.filter((r) => wanted.has(r.ags));
    const found = new Set(chosen.map((r) => r.ags));
    const unknown = [...wanted].filter((a) => !found.has(a));
    if (unknown.length > 0)
      return err(
        `Nicht im amtlichen Gemeindeverzeichnis: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ` und ${unknown.length - 5} weitere` : ""}.`,
      );
  }
  const result = chosen.filter(
    (r) =>
      (!selection.state || r.state === selection.state) &&
      (!selection.kreis || r.ags.startsWith(selection.kreis)) &&
      (!selection.sizeClass || deriveSizeClass(r.population) === selection.sizeClass),
  );
  if (result.length === 0) return err("Zu dieser Auswahl gibt es keine Kommune im amtlichen Gemeindeverzeichnis.");
  return ok([...result]);
}
