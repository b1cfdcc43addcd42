import { formatNumber } from "../format/number";
/** "3. Dezember 2026" in German time, for "Stand: …" beside every view of peer figures. */
export function formatReleaseDate(iso: string): string {
  return new Date(iso).toLocaleDateString("de-DE", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Berlin",
  });
}

/**
 * The release rule in words (docs/adr/0005): only new answers of k municipalities renew a group's figures;
 * unchanged re-submissions, withdrawals and the operator's decisions take effect with such a renewal.
 */
export const releaseRuleSentence = (k: number, group = "einer Gruppe") =>
  `Die Vergleichszahlen werden erst neu berechnet, wenn mindestens ${k} Kommunen ${group} neue Antworten abgeschickt haben`;

/** "Stand: 3. Dezember 2026, 112 Kommunen" (docs/adr/0005: figures change only with a release). */
export function releaseLabel(release: { releasedAt: string; count: number }): string {
  return `Stand: ${formatReleaseDate(release.releasedAt)}, ${formatNumber(release.count)} ${release.count === 1 ? "Kommune" : "Kommunen"}`;
}
