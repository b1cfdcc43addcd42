import type { TReference } from "../survey/schema";
import { getStateName } from "../profile/states";
import { SIZE_CLASSES } from "../profile/size-class";
import { joinNames, type TCollapse } from "./estimate";
import { estimateText, lagebildHeadlines, sharePct, type TLagebild } from "./build-lagebild";
import { formatDecimal, formatNumber } from "../format/number";

/**
 * The sentences of the Lagebild that the page, the PDF and the exports share (docs/adr/0011), so that all of
 * them say the same: who counts, what the estimate assumes, what the interval covers and what the 2020
 * figures are.
 */

const pct = (n: number, of: number) => {
  const p = sharePct(n, of);
  return p === null ? "–" : `${formatDecimal(p)}\u00a0%`;
};

/** "12 von 5.029 Verwaltungen … nehmen teil (0,2 %). Gezählt werden …" */
export function participationSentence(l: TLagebild): string {
  return (
    `${formatNumber(l.totals.participants)} von ${formatNumber(l.totals.total)} Verwaltungen des amtlichen Gemeindeverzeichnisses nehmen teil ` +
    `(${pct(l.totals.participants, l.totals.total)}): Gemeinden und Gemeindeverbände, die eine eigene Verwaltung führen. ` +
    `Gezählt werden nur Verwaltungen, die ihre Teilnahme mit dem Teilnahmecode bestätigt haben, in veröffentlichten Gruppen ` +
    `mit mindestens ${l.k} Verwaltungen. Demo-Daten zählen im Lagebild nie.`
  );
}

/** Said wherever the Lagebild is shown or downloaded while the instance holds demo data. */
export const DEMO_NOTE =
  "Diese Instanz enthält Demo-Daten (mit „npm run seed:demo“ erzeugte Demo-Verwaltungen). Sie erscheinen im Vergleich, " +
  "zählen im Lagebild und in seinen Downloads aber nicht: Alle Zahlen hier stammen nur von echten, bestätigten Verwaltungen.";

/** The 2020 figures are themselves a sample, without an interval. */
export function note2020(ref: TReference): string {
  return (
    `Die Werte von 2020 sind selbst Ergebnis einer Stichprobe: der Umfrage unter ${formatNumber(ref.source.sample)} Kommunen ` +
    `(Pressemitteilung von Bitkom und dem Deutschen Städte- und Gemeindebund). Die Pressemitteilung nennt dafür keine ` +
    `Konfidenzintervalle. Ein Abstand zwischen 2020 und heute ist deshalb nicht ohne Weiteres eine Veränderung.`
  );
}

/** The headline above the lines: who the estimate comes from, and that they chose to take part. */
export function headlineLead(l: TLagebild): string | null {
  if (!l.estimate.shown) return null;
  return (
    `Heute: Schätzung für alle Verwaltungen aus den Angaben von ${formatNumber(l.estimate.participants)} Verwaltungen, ` +
    `die sich selbst für die Teilnahme entschieden haben.`
  );
}

/** The headline lines: "E-Akte im Einsatz: 2020 16 % – heute 7,8 % (95-%-Konfidenzintervall: 2,1–13,6 %)". */
export function headlineLines(l: TLagebild): { id: string; name: string; text: string }[] {
  if (!l.estimate.shown) return [];
  return lagebildHeadlines(l).map((h) => ({
    id: h.id,
    name: `${h.name} im Einsatz`,
    text: `2020 ${h.share2020 === null ? "–" : `${formatNumber(h.share2020)}\u00a0%`} – heute ${estimateText(h.estimate)}`,
  }));
}

/** How the estimate was made for this filter, and what its interval covers (page, PDF). */
export function estimateMethodSentences(l: TLagebild): string[] {
  if (!l.estimate.shown) return [];
  const e = l.estimate;
  const out = [
    `Die teilnehmenden Verwaltungen haben sich selbst für die Teilnahme entschieden; ihre Anteile gelten zunächst nur für sie. ` +
      `Für die Schätzung gewichten wir ihre Antworten nach Land und Größenklasse so, wie die Verwaltungen im amtlichen ` +
      `Gemeindeverzeichnis verteilt sind (${formatNumber(e.strata)} ${e.strata === 1 ? "Gruppe" : "Gruppen"}). ` +
      `Grundlage: ${formatNumber(e.participants)} von ${formatNumber(e.total)} Verwaltungen.`,
  ];
  if (e.collapsed.length > 0)
    out.push(
      `Wo eine Gruppe zu klein ist – zu wenige Verwaltungen im Verzeichnis oder weniger als zwei Teilnehmende –, schätzen ` +
        `wir sie zusammen mit der benachbarten Größenklasse desselben Landes: ${collapsedGroups(e.collapsed).join("; ")}.`,
    );
  if (e.missingStates.length > 0)
    out.push(
      `Ohne gezählte Teilnehmende: ${joinNames(e.missingStates.map(getStateName))}. Ihre Verwaltungen vertreten die ` +
        `Teilnehmenden derselben Größenklasse aus den anderen Ländern.`,
    );
  out.push(
    e.census
      ? "Alle Verwaltungen dieser Auswahl nehmen teil (Vollerhebung): Die Werte haben keinen Zufallsfehler."
      : `Das 95-%-Konfidenzintervall erfasst nur den Zufallsfehler, und nur unter der Annahme, dass die Teilnehmenden den ` +
          `nicht teilnehmenden Verwaltungen ihres Landes und ihrer Größenklasse ähneln. Ob sie das tun, lässt sich nicht ` +
          `prüfen; eine Verzerrung durch die Selbstauswahl kann größer sein als das Intervall. Es ist kein Bereich, in dem ` +
          `der wahre Wert mit 95\u00a0% Wahrscheinlichkeit liegt, sondern das Ergebnis eines Verfahrens, das bei zufälliger ` +
          `Auswahl in 95 von 100 Fällen den wahren Wert einschließt.`,
  );
  return out;
}

/** "Schleswig-Holstein: Kleingemeinden, Kleinstädte, Mittelstädte und Großstädte zusammen", one per stratum. */
export function collapsedGroups(collapsed: readonly TCollapse[]): string[] {
  const seen = new Map<string, string>();
  for (const c of collapsed) {
    const classes = SIZE_CLASSES.filter((x) => x.id === c.sizeClass || c.into.includes(x.id));
    const key = `${c.state}|${classes.map((x) => x.id).join("+")}`;
    if (!seen.has(key))
      seen.set(key, `${getStateName(c.state)}: ${joinNames(classes.map((x) => x.townTypePlural))} zusammen`);
  }
  return [...seen.values()];
}

/** Why there is no estimate, with the states that are missing (page, PDF). */
export function noEstimateSentence(l: TLagebild): string | null {
  if (l.estimate.shown) return null;
  return `${l.estimate.reason} Die Anteile der teilnehmenden Verwaltungen gelten nur für sie.`;
}

/** The method of the Lagebild's estimate in plain words with its formulas: /methodik and the PDF's method page. */
export function lagebildMethod(k: number, ref: TReference): string[] {
  return [
    "Nachschichtung: Die teilnehmenden Verwaltungen haben sich selbst für die Teilnahme entschieden. Wir gewichten ihre " +
      "Antworten deshalb nach Land und Größenklasse (der Einwohnerzahl, für die eine Verwaltung zuständig ist) so, wie die " +
      "Verwaltungen im amtlichen Gemeindeverzeichnis verteilt sind. Der geschätzte Anteil p ist die Summe der W_h · p_h über " +
      "alle Gruppen h: p_h ist der Anteil unter den Teilnehmenden der Gruppe, W_h der Anteil der Gruppe an allen " +
      "Verwaltungen der Auswahl.",
    `Kleine Gruppen: Hat eine Gruppe weniger als zwei gezählte Teilnehmende – das gilt immer für Gruppen mit weniger als ${k} ` +
      "Verwaltungen im Verzeichnis, deren Zahlen nie veröffentlicht werden –, fassen wir sie mit der benachbarten " +
      "Größenklasse desselben Landes zusammen (mit der Nachbarin, die mehr Teilnehmende hat). Größenklassen verschiedener " +
      "Länder fassen wir nie zusammen; so erhält jedes Land mit genug Teilnehmenden eine eigene Schätzung.",
    "Mehrere Länder: Eine Schätzung über mehrere Länder zeigen wir nur, wenn Verwaltungen aus mindestens zwei Dritteln " +
      "der Länder der Auswahl teilnehmen und diese Länder mindestens die Hälfte ihrer Verwaltungen stellen. Die " +
      "Verwaltungen eines Landes ohne Teilnehmende vertreten dann die Teilnehmenden derselben Größenklasse aus den anderen " +
      "Ländern; das Lagebild nennt diese Länder. Fehlen mehr, nennt es die fehlenden Länder statt einer Schätzung. Unter " +
      "30 Teilnehmenden zeigen wir keine Schätzung.",
    "Konfidenzintervall: Die Varianz V, die Summe der W_h² · (1 − n_h/N_h) · p_h · (1 − p_h)/(n_h − 1), berücksichtigt, welcher Teil " +
      "einer Gruppe teilnimmt (n_h von N_h). Daraus folgt das 95-%-Konfidenzintervall nach Korn und Graubard: das exakte " +
      "Intervall nach Clopper und Pearson für die effektive Stichprobengröße p · (1 − p)/V, angepasst an n − H " +
      "Freiheitsgrade (n Teilnehmende, H Gruppen) und höchstens n. Es hat so nie die Breite null und bleibt zwischen 0 und " +
      "100\u00a0%; auch Gruppen mit 0\u00a0% oder 100\u00a0% oder mit nur einer Teilnehmenden machen es nicht schmaler als bei n zufällig " +
      "ausgewählten Verwaltungen. Die Grenzen runden wir nach außen. Beim Reifegrad reicht es vom Mittelwert minus bis zum Mittelwert plus " +
      "t mal die Wurzel aus V, mit denselben Freiheitsgraden; streuen die Punkte gar nicht, wie bei einem Anteil von " +
      "Mittelwert/100. Nehmen alle Verwaltungen einer Auswahl teil, gibt es keinen Zufallsfehler und kein Intervall.",
    "Was das Intervall nicht erfasst: Es erfasst nur den Zufallsfehler, und nur unter der Annahme, dass die Teilnehmenden " +
      "den nicht teilnehmenden Verwaltungen ihres Landes und ihrer Größenklasse ähneln. Ob sie das tun, lässt sich nicht " +
      "prüfen; eine Verzerrung durch die Selbstauswahl kann größer sein als das Intervall.",
    `2020: ${note2020(ref)}`,
    "Demo-Daten (npm run seed:demo) zählen im Lagebild und in seinen Downloads nie.",
  ];
}
