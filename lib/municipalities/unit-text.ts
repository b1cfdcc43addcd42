import { getSizeClass, type TSizeClass } from "../profile/size-class";
import { getStateName, type TStateCode } from "../profile/states";
import { membersLabel, withArticle, type TUnitKind } from "./units";
import { formatNumber } from "../format/number";

/** What the pages and the PDF need to name a unit (docs/adr/0013-administrations-as-units.md). */
export type TUnitDescription = {
  kind: TUnitKind;
  name: string;
  state: TStateCode;
  sizeClass: TSizeClass;
  population: number;
  memberCount: number;
  /** A Verband's member Gemeinden (short names); empty for a Gemeinde. */
  members: readonly string[];
  /** For a Gemeinde whose Verband runs its administration: that Verband's name (it counts in peers instead). */
  administeredBy: string | null;
};

/** "Amt Büchen (15 Gemeinden)", or a Gemeinde's name as it is. */
export function unitTitle(unit: Pick<TUnitDescription, "kind" | "name" | "memberCount">): string {
  return unit.kind === "verwaltung" ? `${unit.name} (${membersLabel(unit.memberCount)})` : unit.name;
}

/** The population line: "15.339 (alle 15 Gemeinden)" for an administration, the number alone for a Gemeinde. */
export function populationText(unit: Pick<TUnitDescription, "kind" | "population" | "memberCount">): string {
  return unit.kind === "verwaltung"
    ? `${formatNumber(unit.population)} (alle ${formatNumber(unit.memberCount)} Gemeinden)`
    : formatNumber(unit.population);
}

/**
 * Where the unit stands in the frame: "Amt Büchen ist eine von 2.611 Verwaltungen in Deutschland, die 5.000 bis
 * 19.999 Einwohnerinnen und Einwohner betreuen; 116 davon liegen in Schleswig-Holstein." For a Gemeinde whose
 * Verband answers in the comparisons, says so instead.
 */
export function sizeContextText(unit: TUnitDescription, context: { national: number; inState: number }): string {
  const size = getSizeClass(unit.sizeClass);
  if (unit.administeredBy)
    return `Die Verwaltung von ${unit.name} führt ${withArticle(unit.administeredBy)}. Im Vergleich mit anderen Kommunen und im Lagebild zählt deshalb die Selbsteinschätzung ${withArticle(unit.administeredBy, "dative")}, damit keine Gemeinde doppelt gezählt wird; Ihr Ergebnis gegenüber der bundesweiten Umfrage 2020 sehen Sie trotzdem vollständig.`;
  return `${unit.name} ist eine von ${formatNumber(context.national)} Verwaltungen in Deutschland, die ${size.label} betreuen (${size.townTypePlural}); ${formatNumber(context.inState)} davon liegen in ${getStateName(unit.state)}.`;
}
