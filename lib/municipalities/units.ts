import type { TStateCode } from "../profile/states";
import { formatNumber } from "../format/number";
import { isAgs, isVerbandKey } from "../validation/keys";

/**
 * The unit of the check is the body that runs a municipality's administration: a Gemeinde (8-digit AGS) or a
 * Gemeindeverband (9-digit key: Land, Regierungsbezirk, Kreis, Verband). Which body that is depends on the
 * state and the type of the Verband; the table and its sources are in docs/adr/0013-administrations-as-units.md.
 * Pure: no register, no I/O, so that pages, the API and the scripts share one rule.
 */

/** Textkennzeichen of a Gemeindeverband (GV100AD Satzart 50); 50 is the pseudo-record of a verbandsfreie Gemeinde. */
export const VERBAND_TYPE_CODES = ["51", "52", "53", "54", "55", "56", "57", "58"] as const;
export type TVerbandTypeCode = (typeof VERBAND_TYPE_CODES)[number];

export type TUnitKind = "gemeinde" | "verwaltung";

/** Who runs the administration of a member Gemeinde by default (ADR 0013). */
export type TAdministration = "verband" | "gemeinde";

type TTypeRule = {
  /** The word Germans use for the body, as it stands before its name: "Amt Büchen". */
  label: string;
  administration: TAdministration;
};

// Default for a type, and the states where the law gives the same type another meaning (ADR 0013).
const DEFAULT_RULES: Record<TVerbandTypeCode, TTypeRule> = {
  "51": { label: "Amt", administration: "verband" },
  "52": { label: "Samtgemeinde", administration: "verband" },
  "53": { label: "Verbandsgemeinde", administration: "verband" },
  "54": { label: "Verwaltungsgemeinschaft", administration: "verband" },
  "55": { label: "Kirchspielslandgemeinde", administration: "verband" },
  "56": { label: "Verwaltungsverband", administration: "verband" },
  "57": { label: "Verwaltungsgemeinschaft", administration: "verband" },
  "58": { label: "Erfüllende Gemeinde", administration: "verband" },
};

const STATE_RULES: Partial<Record<TStateCode, Partial<Record<TVerbandTypeCode, TTypeRule>>>> = {
  // Baden-Württemberg: in a vereinbarte Verwaltungsgemeinschaft and a Gemeindeverwaltungsverband every member
  // keeps its own Bürgermeisteramt; the Verband does only the tasks the members gave it (GemO BW § 59 ff.).
  "DE-BW": {
    "54": {
      label: "Vereinbarte Verwaltungsgemeinschaft",
      administration: "gemeinde",
    },
    "56": { label: "Gemeindeverwaltungsverband", administration: "gemeinde" },
  },
  // Brandenburg: Mitverwaltung, where one Gemeinde's administration runs the others' (Verbandsgemeinde- und
  // Mitverwaltungsgesetz).
  "DE-BB": {
    "58": { label: "Mitverwaltende Gemeinde", administration: "verband" },
  },
};

function ruleOf(state: TStateCode, type: TVerbandTypeCode): TTypeRule {
  return STATE_RULES[state]?.[type] ?? DEFAULT_RULES[type];
}

/** Whether a Verband of this type in this state runs its members' administration (then it is the unit). */
export function administrationOf(state: TStateCode, type: TVerbandTypeCode): TAdministration {
  return ruleOf(state, type).administration;
}

export function verbandTypeLabel(state: TStateCode, type: TVerbandTypeCode): string {
  return ruleOf(state, type).label;
}

// Abbreviations and markers Destatis writes in Verband names; the display name spells the type out once.
const NAME_MARKERS: [RegExp, string][] = [
  [/\s*\(VGem\)$/, ""],
  [/^VVG\s+/, ""],
  [/^GVV\s+/, ""],
  [/^EG\s+/, ""],
];

/**
 * The name a user knows the Verband by: its type and its name without Destatis' markers and suffixes:
 * "Büchen" (51) → "Amt Büchen", "Emmerting (VGem)" → "Verwaltungsgemeinschaft Emmerting",
 * "EG Uder" → "Erfüllende Gemeinde Uder", "Heringen/Helme, Stadt" (58) → "Erfüllende Gemeinde Heringen/Helme".
 */
export function verbandDisplayName(state: TStateCode, type: TVerbandTypeCode, name: string): string {
  let bare = name;
  for (const [pattern, replacement] of NAME_MARKERS) bare = bare.replace(pattern, replacement);
  // "Schwedt/Oder, Stadt" names the Gemeinde that does the work; the unit is its administration, not the Stadt.
  if (type === "58") bare = bare.replace(/,\s*Stadt$/, "");
  const label = verbandTypeLabel(state, type);
  if (bare.toLowerCase().startsWith(`${label.toLowerCase()} `)) return bare;
  // "VVG der Stadt Herrenberg" reads "Vereinbarte Verwaltungsgemeinschaft der Stadt Herrenberg".
  return `${label} ${bare}`;
}

/** An 8-digit key is a Gemeinde (AGS), a 9-digit key a Gemeindeverband. */
export function unitKindOfKey(key: string): TUnitKind | undefined {
  if (isAgs(key)) return "gemeinde";
  if (isVerbandKey(key)) return "verwaltung";
  return undefined;
}

/** "15 Gemeinden", "1 Gemeinde". */
export function membersLabel(count: number): string {
  return `${formatNumber(count)} ${count === 1 ? "Gemeinde" : "Gemeinden"}`;
}

/**
 * A Verband's display name with its article for a sentence: "das Amt Büchen", "die Verbandsgemeinde
 * Weißenthurm", "der Verwaltungsverband Wildenstein"; `dative` after "von": "vom Amt Büchen", "von der
 * Samtgemeinde Brome". A name without a known type word (a Gemeinde) stays as it is.
 */
export function withArticle(name: string, grammaticalCase: "nominative" | "dative" = "nominative"): string {
  const neuter = /^Amt\b/.test(name);
  const masculine = /^(Gemeinde)?[Vv]erwaltungsverband\b/.test(name);
  const feminine =
    /^(Verbandsgemeinde|Samtgemeinde|Verwaltungsgemeinschaft|Vereinbarte Verwaltungsgemeinschaft|Kirchspielslandgemeinde|Erfüllende Gemeinde|Mitverwaltende Gemeinde)\b/.test(
      name,
    );
  if (grammaticalCase === "dative") {
    if (neuter || masculine) return `vom ${name}`;
    // The adjective declines weakly after "der": "von der Erfüllenden Gemeinde Uder".
    if (feminine) return `von der ${name.replace(/^(Erfüllende|Mitverwaltende|Vereinbarte) /, "$1n ")}`;
    return `von ${name}`;
  }
  if (neuter) return `das ${name}`;
  if (masculine) return `der ${name}`;
  if (feminine) return `die ${name}`;
  return name;
}
