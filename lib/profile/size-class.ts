import { z } from "zod";

/**
 * Size classes by population, in the manner of the BBSR town types but by population alone (the BBSR also
 * weighs a municipality's central-place function, so a municipality under 5,000 is not a "Landgemeinde"
 * by its size alone): Kleingemeinde (< 5,000), Kleinstadt (5,000–19,999), Mittelstadt (20,000–99,999),
 * Großstadt (≥ 100,000). Always derived from the population, never entered. `townTypePlural` is nominative
 * and accusative ("Für Kleinstädte in Sachsen"), `townTypeDativePlural` dative ("mit Kleinstädten"),
 * `dative` completes "eine von 2.237 …".
 */
export const SIZE_CLASSES = [
  {
    id: "lt_5000",
    min: 1,
    max: 4_999,
    label: "unter 5.000 Einwohnerinnen und Einwohner",
    townType: "Kleingemeinde",
    townTypePlural: "Kleingemeinden",
    townTypeDativePlural: "Kleingemeinden",
    dative: "Gemeinden mit weniger als 5.000 Einwohnerinnen und Einwohnern",
  },
  {
    id: "5000_19999",
    min: 5_000,
    max: 19_999,
    label: "5.000 bis 19.999 Einwohnerinnen und Einwohner",
    townType: "Kleinstadt",
    townTypePlural: "Kleinstädte",
    townTypeDativePlural: "Kleinstädten",
    dative: "Kommunen mit 5.000 bis 19.999 Einwohnerinnen und Einwohnern",
  },
  {
    id: "20000_99999",
    min: 20_000,
    max: 99_999,
    label: "20.000 bis 99.999 Einwohnerinnen und Einwohner",
    townType: "Mittelstadt",
    townTypePlural: "Mittelstädte",
    townTypeDativePlural: "Mittelstädten",
    dative: "Kommunen mit 20.000 bis 99.999 Einwohnerinnen und Einwohnern",
  },
  {
    id: "gte_100000",
    min: 100_000,
    max: Number.POSITIVE_INFINITY,
    label: "100.000 Einwohnerinnen und Einwohner und mehr",
    townType: "Großstadt",
    townTypePlural: "Großstädte",
    townTypeDativePlural: "Großstädten",
    dative: "Kommunen mit 100.000 und mehr Einwohnerinnen und Einwohnern",
  },
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
