/** Named maturity levels and their lower thresholds on the 0–100 index (docs/adr/0003-maturity-index.md). */
export const LEVELS = [
  { id: "einstieg", min: 0, name: "Einstieg", description: "Die Digitalisierung steht am Anfang; es gibt erste Vorhaben." },
  { id: "aufbau", min: 25, name: "Aufbau", description: "Grundlagen sind gelegt, wichtige Vorhaben sind geplant oder laufen." },
  { id: "fortgeschritten", min: 50, name: "Fortgeschritten", description: "Viele Prozesse und Dienste sind digital, eine Strategie gibt die Richtung vor." },
  { id: "vorreiter", min: 75, name: "Vorreiter", description: "Die Verwaltung arbeitet weitgehend digital und entwickelt sich planvoll weiter." },
] as const;

export type TLevel = (typeof LEVELS)[number];

export function levelOf(score: number): TLevel {
  return [...LEVELS].reverse().find((l) => score >= l.min) ?? LEVELS[0];
}
