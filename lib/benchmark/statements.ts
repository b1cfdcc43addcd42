import type { TOption, TQuestion } from "../survey/schema";
import type { TSizeClass } from "../profile/size-class";
import { isDerivedShare, shareLabel } from "../survey/share-label";
import { formatDecimal } from "../format/number";

export type TStatement = {
  text: string;
  optionId: string | null;
  /** The share the sentence quotes; null when no comparison figure exists. */
  share: number | null;
  /** The share was derived by us (a remainder), not published: the sentence says "rund". */
  derived: boolean;
};

/** "16 %" for a published figure, "rund 23 %" for a derived remainder (German number format; a no-break space before "%"). */
export function formatShare(share: number, derived: boolean): string {
  const n = formatDecimal(share);
  return `${derived ? "rund " : ""}${n}\u00a0%`;
}

/**
 * An option's 2020 share in a row that names the answer (peer comparison, Lagebild): "16 %", or for a derived
 * remainder "rund 23 % – Übrige Antworten oder keine Angabe (abgeleitet)", so that the remainder has one
 * label everywhere (shareLabel, as on the results page and in the PDF).
 */
export function formatOptionShare(
  share: number,
  o: Pick<TOption, "label" | "shareLabel" | "published" | "share">,
): string {
  return isDerivedShare(o) ? `${formatShare(share, true)} – ${shareLabel(o)}` : formatShare(share, false);
}

/** Fills in the share; a sentence that starts with it ("rund 23 % …") gets a capital letter. */
const fill = (template: string, share: number, derived: boolean) => {
  const text = template.replace("{share}", formatShare(share, derived));
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function optionStatement(o: TOption): TStatement {
  if (o.share === null || !o.statement) {
    return {
      text: `Für die Antwort „${o.label}“ gibt es in der Umfrage 2020 keinen veröffentlichten Vergleichswert.`,
      optionId: o.id,
      share: null,
      derived: false,
    };
  }
  return { text: fill(o.statement, o.share, !o.published), optionId: o.id, share: o.share, derived: !o.published };
}

/**
 * The benchmark sentences for one answer: one per chosen option, then any published aggregate
 * that contains the answer (e.g. 56 % "entwickeln gerade eine Strategie") and any published
 * subgroup figure that applies to the municipality's size class. Nothing beyond the data.
 */
export function buildStatements(q: TQuestion, answer: string | string[], sizeClass?: TSizeClass): TStatement[] {
  const chosen = q.options.filter((o) => (Array.isArray(answer) ? answer.includes(o.id) : answer === o.id));
  const out = chosen.map(optionStatement);
  if (!Array.isArray(answer)) {
    for (const agg of q.aggregates ?? []) {
      if (agg.options.includes(answer))
        out.push({ text: fill(agg.statement, agg.share, false), optionId: null, share: agg.share, derived: false });
    }
    for (const o of chosen) {
      for (const sg of o.subgroups ?? []) {
        if (sg.group === `population_${sizeClass}`)
          out.push({ text: fill(sg.statement, sg.share, false), optionId: o.id, share: sg.share, derived: false });
      }
    }
  }
  return out;
}
