import { z } from "zod";

/**
 * The 16 federal states: ISO 3166-2 code, German name and the two-digit prefix of the
 * official municipality key (AGS), which is the state's Länderschlüssel.
 */
export const STATES = [
  { code: "DE-SH", name: "Schleswig-Holstein", agsPrefix: "01" },
  { code: "DE-HH", name: "Hamburg", agsPrefix: "02" },
  { code: "DE-NI", name: "Niedersachsen", agsPrefix: "03" },
  { code: "DE-HB", name: "Bremen", agsPrefix: "04" },
  { code: "DE-NW", name: "Nordrhein-Westfalen", agsPrefix: "05" },
  { code: "DE-HE", name: "Hessen", agsPrefix: "06" },
  { code: "DE-RP", name: "Rheinland-Pfalz", agsPrefix: "07" },
  { code: "DE-BW", name: "Baden-Württemberg", agsPrefix: "08" },
  { code: "DE-BY", name: "Bayern", agsPrefix: "09" },
  { code: "DE-SL", name: "Saarland", agsPrefix: "10" },
  { code: "DE-BE", name: "Berlin", agsPrefix: "11" },
  { code: "DE-BB", name: "Brandenburg", agsPrefix: "12" },
  { code: "DE-MV", name: "Mecklenburg-Vorpommern", agsPrefix: "13" },
  { code: "DE-SN", name: "Sachsen", agsPrefix: "14" },
  { code: "DE-ST", name: "Sachsen-Anhalt", agsPrefix: "15" },
  { code: "DE-TH", name: "Thüringen", agsPrefix: "16" },
] as const;

export type TStateCode = (typeof STATES)[number]["code"];

const STATE_CODES = STATES.map((s) => s.code) as [TStateCode, ...TStateCode[]];

export const ZStateCode = z.enum(STATE_CODES, { error: "Bitte wählen Sie ein Bundesland aus der Liste." });

const byCode = new Map<string, (typeof STATES)[number]>(STATES.map((s) => [s.code, s]));

export function getStateName(code: TStateCode): string {
  return byCode.get(code)!.name;
}

export function getStateAgsPrefix(code: TStateCode): string {
  return byCode.get(code)!.agsPrefix;
}

/** The state whose Länderschlüssel starts the given AGS, or undefined for an unknown prefix. */
export function getStateByAgsPrefix(ags: string): TStateCode | undefined {
  return STATES.find((s) => ags.startsWith(s.agsPrefix))?.code;
}
