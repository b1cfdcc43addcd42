import {
  estimateText,
  lagebildIndexSentence,
  lagebildScope,
  sharePct,
  type TLagebild,
} from "../lagebild/build-lagebild";
import {
  DEMO_NOTE,
  estimateMethodSentences,
  headlineLead,
  headlineLines,
  lagebildMethod,
  note2020,
  noEstimateSentence,
  participationSentence,
} from "../lagebild/lagebild-words";
import { formatOptionShare } from "../benchmark/statements";
import { DERIVED_NOTE } from "../benchmark/method-notes";
import type { TReference } from "../survey/schema";
import { getStateName } from "../profile/states";
import { getSizeClass } from "../profile/size-class";
import { formatReleaseDate } from "../peers/release-label";
import { renderTaggedPdf } from "./pdf/document";
import type { Writer } from "./pdf/writer";
import { drawHistogram, HISTOGRAM_HEIGHT } from "./pdf/charts";
import { formatCount, formatPercent } from "./pdf/typography";

const pct = (n: number, of: number) => {
  const p = sharePct(n, of);
  return p === null ? "–" : formatPercent(p);
};

/** The Lagebild as a tagged PDF, a document on the engine of lib/report/pdf. */
export function renderLagebildReport(ref: TReference, l: TLagebild, now: Date): Promise<Buffer> {
  const scope = lagebildScope(l.filter);
  const date = now.toLocaleDateString("de-DE", {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Europe/Berlin",
  });
  return renderTaggedPdf(
    {
      title: `Lagebild: ${scope}`,
      subject:
        "Gemeinsames Ergebnis der teilnehmenden Verwaltungen im Vergleich mit der Umfrage von Bitkom und DStGB 2020",
      footer: `Kommunaler Digitalcheck · Lagebild ${scope} · erstellt am ${date}`,
      watermark: false,
    },
    now,
    (w) => {
      w.doc.addPage();
      w.section("Sect", (s) => overview(s, l, scope));
      if (l.suppressed) return;
      w.section("Sect", (s) => today(s, ref, l));
      if (l.index) w.section("Sect", (s) => index(s, l));
      w.doc.addPage();
      w.section("Sect", (s) => answers(s, ref, l));
      w.section("Sect", (s) => method(s, ref, l));
    },
  );
}

function overview(w: Writer, l: TLagebild, scope: string) {
  w.heading(1, `Lagebild: ${scope}`);
  w.para(
    "Gemeinsames Ergebnis der Verwaltungen, die am Kommunalen Digitalcheck teilnehmen, neben der bundesweiten Umfrage von 2020.",
    {
      size: 12,
    },
  );
  if (l.demoData) w.para(DEMO_NOTE, { bold: true });
  w.para(`${participationSentence(l)}${l.release ? ` Stand: ${formatReleaseDate(l.release.releasedAt)}.` : ""}`);
  w.table(
    "Teilnahme nach Ländern",
    ["Land", "Teilnehmend", "Verwaltungen", "Anteil"],
    l.byState.map((r) => [
      getStateName(r.state),
      formatCount(r.participants),
      formatCount(r.total),
      pct(r.participants, r.total),
    ]),
    [0.4, 0.2, 0.2, 0.2],
  );
  w.table(
    "Teilnahme nach Größenklassen",
    ["Größenklasse", "Teilnehmend", "Verwaltungen", "Anteil"],
    l.bySizeClass.map((r) => [
      getSizeClass(r.sizeClass).label,
      formatCount(r.participants),
      formatCount(r.total),
      pct(r.participants, r.total),
    ]),
    [0.4, 0.2, 0.2, 0.2],
  );
  if (l.suppressed)
    w.para(
      `Zu wenige Vergleichskommunen: Für diese Auswahl nehmen weniger als ${l.k} Verwaltungen teil. Damit sich keine einzelne Selbsteinschätzung herausrechnen lässt, zeigen wir dafür keine Zahlen.`,
      { bold: true },
    );
}

function today(w: Writer, ref: TReference, l: TLagebild) {
  w.heading(2, "2020 und heute");
  if (!l.estimate.shown) {
    w.para(`Keine Schätzung für alle Verwaltungen: ${noEstimateSentence(l)}`);
    w.para(note2020(ref), { size: 9.5 });
    return;
  }
  w.para(headlineLead(l)!);
  w.list(headlineLines(l).map((h) => ({ label: "–", body: `${h.name}: ${h.text}` })));
  for (const [i, t] of estimateMethodSentences(l).entries()) w.para(i === 0 ? `Schätzung: ${t}` : t, { size: 9.5 });
  w.para(note2020(ref), { size: 9.5 });
}

function index(w: Writer, l: TLagebild) {
  const x = l.index!;
  w.heading(2, "Digitaler Reifegrad der Teilnehmenden");
  w.para(lagebildIndexSentence(l));
  const histogram = x.histogram;
  if (!histogram) return;
  const alt = `Säulendiagramm, teilnehmende Verwaltungen nach Reifegrad: ${histogram.map((b) => `${b.from}–${b.to} Punkte ${b.count}`).join("; ")}.`;
  w.figure(alt, HISTOGRAM_HEIGHT, (left, top) =>
    drawHistogram(
      w.doc,
      histogram.map((b) => ({ label: `${b.from}–${b.to}`, count: b.count })),
      left,
      top,
      { value: "Anzahl der Verwaltungen", range: "Digitaler Reifegrad in Punkten" },
    ),
  );
  w.table(
    "Teilnehmende Verwaltungen nach Reifegrad",
    ["Reifegrad (Punkte)", "Verwaltungen"],
    histogram.map((b) => [`${b.from}–${b.to}`, formatCount(b.count)]),
    [0.5, 0.5],
  );
}

function answers(w: Writer, ref: TReference, l: TLagebild) {
  w.heading(1, "Die Antworten im Einzelnen");
  w.para(
    `Je Frage: der Anteil aller Kommunen 2020 (Stichprobe von ${ref.source.sample} Kommunen, Pressemitteilung von Bitkom und DStGB), der Anteil der teilnehmenden Verwaltungen und, wo die Teilnahme reicht, die Schätzung für alle Verwaltungen mit ihrem 95-%-Konfidenzintervall. ${DERIVED_NOTE}`,
  );
  for (const q of ref.questions) {
    const row = l.questions.find((x) => x.id === q.id)!;
    w.table(
      q.text,
      ["Antwort", "2020 (Stichprobe)", "Teilnehmende", "Schätzung für alle Verwaltungen"],
      q.options.map((o) => {
        const v = row.options.find((x) => x.id === o.id)!;
        return [
          o.label,
          v.share2020 === null ? "–" : formatOptionShare(v.share2020, o),
          formatPercent(v.share),
          v.estimate ? estimateText(v.estimate) : "–",
        ];
      }),
      [0.3, 0.13, 0.15, 0.42],
    );
  }
}

function method(w: Writer, ref: TReference, l: TLagebild) {
  w.heading(2, "Methode");
  w.para(
    `Grundlage sind die veröffentlichten Zahlen der Verwaltungen, die mit ihrem Teilnahmecode teilnehmen: Gemeinden und Gemeindeverbände, die eine eigene Verwaltung führen (laut amtlichem Gemeindeverzeichnis). Gruppen (Land und Größenklasse) mit weniger als ${l.k} Verwaltungen zählen nirgends mit; einzelne Antworten zeigt das Lagebild nie. Die Vergleichswerte von 2020 stammen aus der Pressemitteilung „Corona hat in Kommunen einen Digitalisierungsschub ausgelöst“ von Bitkom und dem Deutschen Städte- und Gemeindebund vom 2. Dezember 2020 (Umfrage unter ${ref.source.sample} Kommunen).`,
  );
  for (const t of lagebildMethod(l.k, ref)) w.para(t, { size: 9.5 });
}
