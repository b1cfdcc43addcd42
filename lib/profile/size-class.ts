import { z } from "zod";

/**
 * Size classes by population, following the BBSR town types:
 * Landgemeinde (< 5,000), Kleinstadt (5,000–19,999), Mittelstadt (20,000–99,999), Großstadt (≥ 100,000).
 * Always derived from the population, never entered. `dative` completes "eine von 2.237 …".
 */
export const SIZE_CLASSES = [
  { id: "lt_5000", min: 1, max: 4_999, label: "unter 5.000 Einwohner", townType: "Landgemeinde", townTypePlural: "Landgemeinden", townTypeDativePlural: "Landgemeinden", dative: "Landgemeinden mit weniger als 5.000 Einwohnern" },
  { id: "5000_19999", min: 5_000, max: 19_999, label: "5.000 bis 19.999 Einwohner", townType: "Kleinstadt", townTypePlural: "Kleinstädte", townTypeDativePlural: "Kleinstädten", dative: "Kleinstädten mit 5.000 bis 19.999 Einwohnern" },
  { id: "20000_99999", min: 20_000, max: 99_999, label: "20.000 bis 99.999 Einwohner", townType: "Mittelstadt", townTypePlural: "Mittelstädte", townTypeDativePlural: "Mittelstädten", dative: "Mittelstädten mit 20.000 bis 99.999 Einwohnern" },
  { id: "gte_100000", min: 100_000, max: Number.POSITIVE_INFINITY, label: "100.000 Einwohner und mehr", townType: "Großstadt", townTypePlural: "Großstädte", townTypeDativePlural: "Großstädten", dative: "Großstädten mit 100.000 und mehr Einwohnern" },
] as const;

export type TSizeClass = (typeof SIZE_CLASSES)[number]["id"];

export const ZSizeClass = z.enum(SIZE_CLASSES.map((s) => s.id) as [TSizeClass, ...TSizeClass[]], {
  error: "Bitte wählen Sie eine gültige Größenklasse.",
});

/** The size class of a municipality with the given population (an integer ≥ 1). */
export function deriveSizeClass(population: number): TSizeClass {
  if (!Number.isInteger(population) || population < 1) {
    throw new RangeError(`population must be an integer >= 1, got ${population}`);
  }
  return SIZE_CLASSES.find((s) => population <= s.max)!.id;
}

export function getSizeClass(id: TSizeClass) {
  return SIZE_CLASSES.find((s) => s.id === id)!;
}
