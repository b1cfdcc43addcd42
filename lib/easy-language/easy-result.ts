import type { TOption, TQuestion, TReference } from "../survey/schema";
import type { TAnswerValue } from "../survey/answer-schema";
import type { TBenchmark } from "../benchmark/compute-benchmark";
import { LEVELS, type TLevel } from "../benchmark/levels";
import { rankPoints, type TRankedPoint } from "../benchmark/strengths";
import { isDerivedShare } from "../survey/share-label";
import { EASY_QUESTIONS } from "./question-texts";
import { explain } from "./word-list";
import { explainWords } from "./explain-words";
import type { TEasyBlock, TEasySection } from "./content";

/**
 * What each level means, in Leichter Sprache (the standard text: lib/benchmark/levels.ts, "der abgefragten
 * Bausteine … umgesetzt oder geplant"): the level counts the questions of this check, nothing beyond them.
 */
const LEVEL_TEXTS: Record<TLevel["id"], string> = {
  einstieg:
    "Ihre Kommune steht noch am Anfang. Bei den Fragen von diesem Digital-Check hat sie erst wenig gemacht oder geplant.",
  aufbau:
    "Ihre Kommune hat angefangen. Bei einigen Fragen von diesem Digital-Check hat sie schon etwas gemacht oder geplant. Bei vielen Fragen fehlt noch etwas.",
  fortgeschritten:
    "Ihre Kommune ist schon weit. Bei vielen Fragen von diesem Digital-Check hat sie schon etwas gemacht oder geplant.",
  weit_fortgeschritten:
    "Ihre Kommune ist sehr weit. Bei den meisten Fragen von diesem Digital-Check hat sie schon etwas gemacht.",
};

/** Why a point is a strength or a gap: its points against the national mean of the question (rankPoints). */
const WHY = {
  strong: "Für Ihre Antwort gibt es mehr Punkte als im Durchschnitt von 2020.",
  weak: "Für Ihre Antwort gibt es weniger Punkte als im Durchschnitt von 2020.",
} as const;

/** "16" or "ungefähr 16": Leichte Sprache says "16 von 100" instead of a percentage. */
function ofHundred(share: number, approximate: boolean): string {
  const n = Math.round(share);
  return `${approximate || n !== share ? "ungefähr " : ""}${n} von 100`;
}

function points(score: number): string {
  const n = Math.round(score);
  return n === score ? `${n}` : `ungefähr ${n}`;
}

/** The figure sentences of an answer that states a fact ("in use", "planned"); "{n}" is "16 von 100". */
const FACT_FIGURES = {
  same: "Im Jahr 2020 war das bei {n} Kommunen so.",
  better: "Im Jahr 2020 waren {n} Kommunen schon weiter.",
};

const sumOf = (options: TOption[]) => options.reduce((s, o) => s + (o.share ?? 0), 0);

/** A strength or a gap of one question in Leichter Sprache, with its figure from the reference data. */
function describePoint(q: TQuestion, answer: TAnswerValue, kind: "strong" | "weak"): { title: string; text: string } {
  const t = EASY_QUESTIONS[q.id]!;
  if (t.items) {
    const scorable = q.options.filter((o) => !o.exclusive && o.share !== null);
    const chosen = new Set(Array.isArray(answer) ? answer : [answer]);
    const mine = scorable.filter((o) => chosen.has(o.id));
    const names = mine.map((o) => t.items!.options[o.id]!);
    const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} und ${names[names.length - 1]}` : names[0];
    // A strength: the least common of the chosen options; a gap: the most common one not chosen.
    const pick =
      kind === "strong"
        ? [...mine].sort((a, b) => a.share! - b.share!)[0]
        : [...scorable.filter((o) => !chosen.has(o.id))].sort((a, b) => b.share! - a.share!)[0];
    const figure = pick
      ? t.items.figure
          .replace("{n}", ofHundred(pick.share!, isDerivedShare(pick)))
          .replace("{item}", t.items.options[pick.id]!)
      : "";
    const text = [list ? t.items.some(list) : t.items.none, WHY[kind], figure];
    return { title: t.name, text: text.filter(Boolean).join(" ") };
  }
  const own = q.options.find((o) => o.id === answer);
  const sentence = t.answers![answer as string]!;
  if (!own || typeof own.rank !== "number") return { title: t.name, text: sentence };
  const figures = t.figures ?? FACT_FIGURES;
  if (kind === "strong")
    return {
      title: t.name,
      text: `${sentence} ${WHY.strong} ${figures.same.replace("{n}", ofHundred(own.share ?? 0, isDerivedShare(own)))}`,
    };
  const higher = q.options.filter((o) => typeof o.rank === "number" && o.rank > own.rank!);
  return {
    title: t.name,
    text: `${sentence} ${WHY.weak} ${figures.better.replace("{n}", ofHundred(sumOf(higher), higher.some(isDerivedShare)))}`,
  };
}

/**
 * The result in Leichter Sprache: the level, the three strongest and the three weakest points, and the
 * next steps, from the same benchmark as the standard results page and report (pure). Sections in the
 * format of the other texts in Leichter Sprache, so that the page, the PDF and the checks share them; each
 * hard word explained where the text first uses it (explainWords). `withDownload`: the page's section on
 * the PDF, with its button.
 */
export function buildEasyResult(input: {
  ref: TReference;
  benchmark: TBenchmark;
  status: "draft" | "submitted";
  withDownload?: boolean;
}): TEasySection[] {
  const { ref, benchmark } = input;
  const { index } = benchmark;
  const p = (...sentences: string[]): TEasyBlock => ({ kind: "p", text: sentences.join(" ") });

  const level: TEasyBlock[] = [];
  if (index.score === null || !index.level) {
    level.push(p("Beantworten Sie zuerst einige Fragen.", "Dann zeigen wir Ihnen hier Ihr Ergebnis."));
  } else {
    // Compared as the reader sees the numbers: 48.7 and 48.5 both read "ungefähr 49".
    const [own, mean] = [Math.round(index.score), Math.round(index.nationalMean)];
    const comparison =
      own > mean
        ? "Ihre Kommune hat also mehr Punkte als der Durchschnitt."
        : own < mean
          ? "Ihre Kommune hat also weniger Punkte als der Durchschnitt."
          : index.score === index.nationalMean
            ? "Ihre Kommune hat also genauso viele Punkte wie der Durchschnitt."
            : "Ihre Kommune hat also ungefähr so viele Punkte wie der Durchschnitt.";
    level.push(
      p(
        `Ihre Kommune hat ${points(index.score)} von 100 Punkten.`,
        `Das ist die Stufe: ${index.level.name}.`,
        LEVEL_TEXTS[index.level.id],
      ),
      p(
        "Die Punkte und die Stufen haben wir selbst ausgerechnet.",
        "Wir zählen Ihre Antworten nach festen Regeln zusammen.",
        `Es gibt ${LEVELS.length} Stufen: ${LEVELS.slice(0, -1)
          .map((l) => l.name)
          .join(", ")} und ${LEVELS[LEVELS.length - 1]!.name}.`,
      ),
      p(
        "Für die Umfrage von 2020 haben wir die Punkte genauso ausgerechnet.",
        explain("Durchschnitt"),
        `Im Jahr 2020 hatten die Kommunen im Durchschnitt ${points(index.nationalMean)} Punkte.`,
        comparison,
      ),
    );
  }
  if (benchmark.unanswered.length > 0) {
    // Questions without points (about the crisis, obstacles, needs) cannot change the level.
    const scoredMissing = benchmark.unanswered.some(
      (id) => ref.questions.find((q) => q.id === id)?.dimension !== "context",
    );
    level.push(
      p(
        benchmark.unanswered.length === 1
          ? "Es fehlt noch die Antwort auf 1 Frage."
          : `Es fehlen noch Antworten auf ${benchmark.unanswered.length} Fragen.`,
        ...(scoredMissing
          ? ["Das Ergebnis kann sich also noch ändern."]
          : ["Diese Fragen geben keine Punkte.", "Bitte beantworten Sie die Fragen trotzdem."]),
      ),
    );
  } else if (input.status === "draft") level.push(p("Bitte schicken Sie Ihre Antworten noch ab."));

  const ranked = rankPoints(ref, benchmark);
  const pointsBlock = (points: TRankedPoint[], kind: "strong" | "weak"): TEasyBlock[] =>
    points.length > 0
      ? [{ kind: "points", items: points.map((x) => describePoint(x.question, x.item.answer, kind)) }]
      : [
          p(
            kind === "strong"
              ? "Bei allen Fragen hat Ihre Kommune so viele Punkte wie der Durchschnitt oder weniger."
              : "Bei allen Fragen hat Ihre Kommune so viele Punkte wie der Durchschnitt oder mehr.",
          ),
        ];

  const steps = benchmark.recommendations.map((r) => EASY_QUESTIONS[r.questionId]!.step);
  const sections: TEasySection[] = [
    {
      id: "ergebnis-einleitung",
      heading: "Worum geht es?",
      blocks: [
        p(
          "Hier steht Ihr Ergebnis in Leichter Sprache.",
          explain("digital"),
          "Der Digital-Check fragt: Wie digital ist Ihre Verwaltung?",
          "Wir vergleichen Ihre Antworten mit einer Umfrage aus dem Jahr 2020.",
          `Bei der Umfrage haben ${ref.source.sample} Kommunen mitgemacht.`,
        ),
      ],
    },
    { id: "ergebnis-stufe", heading: "So weit ist Ihre Kommune", blocks: level },
    {
      id: "ergebnis-stark",
      heading: "Das macht Ihre Kommune schon gut",
      blocks: pointsBlock(ranked.strongest, "strong"),
    },
    {
      id: "ergebnis-schwach",
      heading: "Hier kann Ihre Kommune besser werden",
      blocks: pointsBlock(ranked.weakest, "weak"),
    },
    {
      id: "ergebnis-schritte",
      heading: "Das können Sie als Nächstes tun",
      blocks:
        steps.length > 0
          ? [{ kind: "points", items: steps, numbered: true }]
          : [p("Machen Sie weiter so.", "Prüfen Sie Ihren Stand jedes Jahr mit dem Digital-Check.")],
    },
  ];
  // On the page: how to get the PDF, with its button (the PDF itself needs no such section).
  if (input.withDownload)
    sections.push({
      id: "ergebnis-pdf",
      heading: "Ergebnis zum Ausdrucken",
      blocks: [
        p(
          "Sie können das Ergebnis als PDF-Datei speichern.",
          "Die erste Seite von der PDF-Datei hat Angaben zu Ihrer Kommune.",
          "Dann kommt das Ergebnis in Leichter Sprache.",
          "Am Ende kommt das ausführliche Ergebnis in Alltags-Sprache.",
        ),
        { kind: "action", action: "download" },
      ],
    });
  return explainWords(sections);
}
