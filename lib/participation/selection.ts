import { z } from "zod";
import "../validation/zod-de";
import { ZStateCode } from "../profile/states";
import { ZSizeClass } from "../profile/size-class";
import type { TRegisterItem } from "../municipalities/search";
import { err, ok, type TResult } from "../result";
import { formatNumber } from "../format/number";
import { AGS_PATTERN, UNIT_KEY_PATTERN } from "../validation/keys";

/** Most keys a list may name (the register has 10,747 Gemeinden and 1,202 Verbände; more is a mistake). */
export const MAX_KEY_LIST = 12_000;

const keyList = (pattern: RegExp, message: string) =>
  z
    .array(z.string().regex(pattern, message), { error: "Bitte geben Sie die Schlüssel als Liste an." })
    .max(MAX_KEY_LIST, `Höchstens ${formatNumber(MAX_KEY_LIST)} Schlüssel auf einmal.`)
    .optional();

/**
 * Which units get participation codes (docs/adr/0013-administrations-as-units.md): a list of keys (a Gemeinde's
 * 8-digit AGS or a Gemeindeverband's 9-digit key; `ags` for Gemeinden as before), or a state, a Kreis (its
 * 5-digit key) and a size class of the population served, each optional and combined. `unit` says what a
 * filter counts: "verwaltung" (default) one code per administration, "gemeinde" one per Gemeinde. A selection
 * without any filter names nothing unless `all` is set, and a unit that holds a valid code keeps it unless
 * `replace` is set: issuing never voids a posted code by accident.
 */
export const ZCodeSelection = z.strictObject(
  {
    keys: keyList(UNIT_KEY_PATTERN, "Ein Schlüssel hat 8 Ziffern (Gemeinde) oder 9 Ziffern (Gemeindeverband)."),
    ags: keyList(AGS_PATTERN, "Ein AGS hat 8 Ziffern."),
    state: ZStateCode.optional(),
    kreis: z
      .string()
      .regex(/^\d{5}$/, "Der Kreisschlüssel hat 5 Ziffern (die ersten fünf des AGS).")
      .optional(),
    sizeClass: ZSizeClass.optional(),
    unit: z
      .enum(["verwaltung", "gemeinde"], { error: "unit ist verwaltung (je Verwaltung) oder gemeinde (je Gemeinde)." })
      .optional(),
    all: z.boolean().optional(),
    replace: z.boolean().optional(),
  },
  { error: (iss) => (iss.code === "unrecognized_keys" ? `Unbekanntes Feld: ${iss.keys.join(", ")}` : undefined) },
);
export type TCodeSelection = z.infer<typeof ZCodeSelection>;

export type TSelectableRegister = {
  /** The frame: every administration (verbandsfreie Gemeinden, Verbände that run the administration, BW Gemeinden). */
  units: readonly TRegisterItem[];
  /** Every Gemeinde. */
  gemeinden: readonly TRegisterItem[];
  /** Any Gemeinde or Verband by key. */
  find(key: string): TRegisterItem | undefined;
};

const listed = (keys: string[]) =>
  `${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ` und ${keys.length - 5} weitere` : ""}`;

/** The units a selection names, in key order; unknown keys, and keys that name no administration, are an error. */
export function selectUnits(
  register: TSelectableRegister,
  selection: TCodeSelection,
): TResult<TRegisterItem[], string> {
  const named = [...(selection.keys ?? []), ...(selection.ags ?? [])];
  let chosen: readonly TRegisterItem[];
  if (named.length > 0) {
    const wanted = [...new Set(named)];
    const found = wanted.map((key) => register.find(key));
    const unknown = wanted.filter((_, i) => !found[i]);
    if (unknown.length > 0) return err(`Nicht im amtlichen Gemeindeverzeichnis: ${listed(unknown)}.`);
    const notUnits = found.filter((u) => u!.kind === "verwaltung" && !u!.isUnit).map((u) => `${u!.key} ${u!.name}`);
    if (notUnits.length > 0)
      return err(
        `Diese Gemeindeverbände führen keine Verwaltung für ihre Gemeinden (jede Gemeinde behält ihr Bürgermeisteramt); bitte wählen Sie die Gemeinden: ${listed(notUnits)}.`,
      );
    chosen = (found as TRegisterItem[]).sort((a, b) => (a.key < b.key ? -1 : 1));
  } else {
    const filtered =
      selection.state !== undefined || selection.kreis !== undefined || selection.sizeClass !== undefined;
    if (!filtered && !selection.all)
      return err(
        "Ohne Auswahl (Bundesland, Kreis, Größenklasse oder Schlüssel) werden keine Codes ausgegeben. Für alle Verwaltungen geben Sie ausdrücklich „alle“ an (--all).",
      );
    chosen = selection.unit === "gemeinde" ? register.gemeinden : register.units;
  }
  const result = chosen.filter(
    (u) =>
      (!selection.state || u.state === selection.state) &&
      (!selection.kreis || u.key.startsWith(selection.kreis)) &&
      (!selection.sizeClass || u.sizeClass === selection.sizeClass),
  );
  if (result.length === 0) return err("Zu dieser Auswahl gibt es keine Verwaltung im amtlichen Gemeindeverzeichnis.");
  return ok([...result]);
}
