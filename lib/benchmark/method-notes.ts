import type { TReference } from "../survey/schema";
import { describeRange, nationalMeanRange } from "./rounding-range";

/**
 * The sentences about the method that the results page, /methodik and the PDF report share, so that all
 * three say the same about the 2020 figures (one copy of each).
 */

const meanNotes = new WeakMap<TReference, string>();

/**
 * The national mean is computed from rounded shares: say so, with the range the rounding allows. The
 * reference never changes while the process runs, so the range is computed once per reference.
 */
export function nationalMeanNote(ref: TReference): string {
  let note = meanNotes.get(ref);
  if (note === undefined) {
    note =
      `Den Bundesdurchschnitt berechnen wir aus den veröffentlichten Anteilen. Die Pressemitteilung rundet sie auf ganze Prozent; ` +
      `je nach Rundung liegt der Durchschnitt ${describeRange(nationalMeanRange(ref))} Punkten.`;
    meanNotes.set(ref, note);
  }
  return note;
}

/** What a share refers to: the press release names 623 municipalities, not the base of each share. */
export function shareBaseNote(ref: TReference): string {
  return (
    `Befragt wurden ${ref.source.sample} Kommunen. Auf wie viele Kommunen sich der einzelne Anteil bezieht (etwa ob Kommunen ohne ` +
    `Angabe mitzählen), nennt die Pressemitteilung nicht; wir lesen jeden Anteil als Anteil aller befragten Kommunen.`
  );
}

export const DERIVED_NOTE =
  "Mit „rund“ und „abgeleitet“ markierte Werte nennt die Pressemitteilung nicht; wir haben sie als Rest zu 100\u00a0% berechnet. " +
  "Ein solcher Rest umfasst alle übrigen Antworten und die Kommunen ohne Angabe.";

export const ORDER_NOTE =
  "Die Reihenfolge der Antworten hinter „Sie liegen vor … % der Kommunen“ haben wir festgelegt (etwa: weder geplant – geplant – " +
  "im Einsatz); die Umfrage ordnet die Antworten nicht. Ist ein niedriger eingestufter Anteil ein abgeleiteter Rest, enthält er " +
  "auch die Kommunen ohne Angabe, und „vor rund … %“ kann zu hoch sein.";

export const LEVELS_NOTE = "Die Stufen und ihre Beschreibungen sind unsere Einschätzung, kein Ergebnis der Umfrage.";
