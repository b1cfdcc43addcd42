import type { TOption } from "./schema";

/**
 * How an option's 2020 share is named in charts, tables and the PDF: a published share by its answer, a
 * derived remainder by what it stands for ("Übrige Antworten oder keine Angabe", lib/survey/schema.ts),
 * marked "(abgeleitet)". The answer's own label stays for the questionnaire and the own answer.
 */
export function isDerivedShare(o: Pick<TOption, "published" | "share">): boolean {
  return !o.published && o.share !== null;
}

export function shareLabel(o: Pick<TOption, "label" | "shareLabel" | "published" | "share">): string {
  return isDerivedShare(o) ? `${o.shareLabel ?? o.label} (abgeleitet)` : o.label;
}
