import type { TReportModel, TReportQuestion } from "./report-model";
import { renderEasyLanguage } from "./render-easy-language";
import { renderTaggedPdf } from "./pdf/document";
import type { Writer } from "./pdf/writer";
import { barsHeight, drawBars, drawRadar } from "./pdf/charts";
import { COLORS, CONTENT_WIDTH } from "./pdf/page";
import { formatCount, formatNumber as fmt, formatPercent as pct } from "./pdf/typography";
import { DERIVED_NOTE, LEVELS_NOTE, ORDER_NOTE } from "../benchmark/method-notes";
import { formatDelta } from "../benchmark/year-over-year";
import { releaseRuleSentence } from "../peers/release-label";

// The sections of the municipality report, on the tagged-PDF engine of lib/report/pdf.

/**
 * Renders the benchmark report as a tagged, accessible A4 PDF (PDF/UA subset, de-DE, embedded
 * Fira Sans). Charts are drawn as vectors from the same figures as the web charts; each has an
 * alternative text and its numbers follow as a table.
 */
export function renderReport(model: TReportModel, now: Date): Promise<Buffer> {
  return renderTaggedPdf(
    {
      title: model.title,
      subject: `Selbsteinschätzung der digitalen Reife im Vergleich mit der Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund 2020`,
      footer: `Kommunaler Digitalcheck · ${model.cover.municipality} · erstellt am ${model.cover.date}`,
      watermark: model.isDraft,
    },
    now,
    (w) => {
      w.doc.addPage();
      renderCover(w, model);
      renderEasyLanguage(w, model);
      if (model.easy) w.startChapter();
      else w.doc.addPage();
      renderSummary(w, model);
      renderTopics(w, model);
      renderRecommendations(w, model);
      renderProgress(w, model);
      renderPlan(w, model);
      renderDisagreement(w, model);
      renderMethod(w, model);
    },
  );
}

function renderCover(w: Writer, m: TReportModel) {
  const { doc } = w;
  w.section("Sect", (s) => {
    doc.y = 180;
    s.heading(1, `Digitalcheck ${m.cover.municipality}`);
    s.para(
      "Selbsteinschätzung der digitalen Reife im Vergleich mit der bundesweiten Umfrage von Bitkom und dem Deutschen Städte- und Gemeindebund 2020",
      { size: 13, color: COLORS.muted },
    );
    doc.moveDown(1.5);
    s.table(
      "Angaben zur Kommune und zum Bericht",
      ["Angabe", "Wert"],
      [
        [m.cover.unitLabel, m.cover.municipality],
        ...m.cover.unitRows,
        ["Bundesland", m.cover.state],
        ["Größenklasse", m.cover.sizeClass],
        ...(m.cover.ags ? [["Amtlicher Gemeindeschlüssel", m.cover.ags]] : []),
        ["Ausgefüllt von", m.cover.role],
        ["Datum des Berichts", m.cover.date],
        ["Status", m.cover.status],
      ],
      [0.4, 0.6],
    );
  });
}

function renderSummary(w: Writer, m: TReportModel) {
  const { doc } = w;
  const s = m.summary;
  w.section("Sect", (sec) => {
    sec.heading(1, "Zusammenfassung");
    if (s.score !== null) {
      sec.para(`Digitaler Reifegrad: ${fmt(s.score)} von 100 Punkten – Stufe ${s.level}. ${s.levelDescription}`, {
        size: 13,
        bold: true,
      });
      sec.para(
        `Bundesdurchschnitt 2020: rund ${fmt(s.nationalMean)} Punkte (Stufe ${s.nationalLevel}). Der Index ist ein Modell des Digitalchecks. ${m.method.nationalMeanNote} ${LEVELS_NOTE}`,
      );
    } else {
      sec.para("Es ist noch keine Frage beantwortet; ein Reifegrad lässt sich noch nicht berechnen.");
    }
    if (s.unanswered > 0)
      sec.para(`Vorläufig: ${s.unanswered === 1 ? "1 Frage ist" : `${s.unanswered} Fragen sind`} noch offen.`, {
        bold: true,
      });
    const alt = `Netzdiagramm der fünf Dimensionen, 0 bis 100 Punkte: ${s.dimensions.map((d) => `${d.label} ${fmt(d.score)} (Bundesdurchschnitt ${fmt(d.nationalMean)})`).join("; ")}.`;
    sec.figure(alt, 230, (x, y) => drawRadar(doc, s.dimensions, x + CONTENT_WIDTH / 2, y + 112, 80));
    sec.table(
      "Reifegrad nach Dimensionen (Punkte von 100)",
      ["Dimension", "Ihre Kommune", "Bundesdurchschnitt 2020"],
      s.dimensions.map((d) => [d.label, fmt(d.score), fmt(d.nationalMean)]),
      [0.4, 0.3, 0.3],
    );
    sec.heading(2, "Ihre größten Stärken");
    if (s.strongest.length > 0)
      sec.list(s.strongest.map((p, i) => ({ label: `${i + 1}.`, body: [p.text, p.detail].filter(Boolean).join(" ") })));
    else sec.para("Bei keiner Frage liegen Sie über dem Bundesdurchschnitt 2020.");
    sec.heading(2, "Ihr größter Handlungsbedarf");
    if (s.weakest.length > 0)
      sec.list(s.weakest.map((p, i) => ({ label: `${i + 1}.`, body: [p.text, p.detail].filter(Boolean).join(" ") })));
    else sec.para("Bei keiner Frage liegen Sie unter dem Bundesdurchschnitt 2020.");
  });
}

function renderTopics(w: Writer, m: TReportModel) {
  w.startChapter();
  w.section("Sect", (sec) => {
    sec.heading(1, "Ihre Antworten im Vergleich");
    const g = m.peerGroup;
    sec.para(
      g.suppressed
        ? `Vergleich mit ${g.label}: Zu wenige Vergleichskommunen. Zahlen zeigen wir erst ab ${g.k} Kommunen einer Gruppe.`
        : `Vergleichskommunen: ${g.count} von ${formatCount(g.registerTotal)} ${g.label}, die auf dieser Plattform eine Selbsteinschätzung abgeschlossen haben.${g.release ? ` ${g.release}. ${releaseRuleSentence(g.k, "der Gruppe")}.` : ""}`,
      { color: COLORS.muted },
    );
    for (const topic of m.topics) {
      const blocks = topic.questions.map((q) => questionBlock(sec, q));
      sec.section("Sect", (t) => {
        // A topic's heading stays with its first question.
        t.keepTogether(t.headingHeight(2, topic.title) + (blocks[0]?.height ?? 0));
        t.heading(2, topic.title);
        for (const b of blocks) {
          // A question, its statements, chart and table on one page, so that the council reads them together.
          t.keepTogether(b.height);
          b.draw(t);
        }
      });
    }
  });
}

/** One question of the report: its height on the page (for keepTogether) and how to draw it. */
function questionBlock(w: Writer, q: TReportQuestion) {
  const { doc } = w;
  const statements = q.statements.map((st) => (st.derived ? `${st.text} (abgeleiteter Wert)` : st.text));
  const shown = q.national.filter((b) => b.share !== null);
  const own = q.national.filter((b) => b.isOwn).map((b) => b.label);
  const chartHeight = barsHeight(doc, shown);
  const rows = q.national.map((b) => {
    const peer = q.peers?.find((p) => p.label === b.label);
    return [b.label, pct(b.share, b.derived), ...(q.peers ? [pct(peer?.share ?? 0)] : []), b.isOwn ? "Ja" : ""];
  });
  const table: [string, string[], string[][], number[]] = [
    q.peers ? "Anteile bundesweit 2020 und bei den Vergleichskommunen" : "Anteile bundesweit 2020",
    ["Antwort", "Bundesweit 2020", ...(q.peers ? ["Vergleichskommunen"] : []), "Ihre Antwort"],
    rows,
    q.peers ? [0.43, 0.19, 0.22, 0.16] : [0.55, 0.25, 0.2],
  ];
  const layout = w.tableLayout(...table);
  const height =
    w.headingHeight(3, q.text) +
    statements.reduce((h, st) => h + w.paraHeight(st), 0) +
    (q.position ? w.paraHeight(q.position, { bold: true }) : 0) +
    w.figureHeight(chartHeight) +
    layout.total;
  const draw = (t: Writer) => {
    t.heading(3, q.text);
    for (const st of statements) t.para(st);
    if (q.position) t.para(q.position, { bold: true });
    t.figure(
      `Balkendiagramm, bundesweite Verteilung 2020: ${shown.map((b) => `${b.label} ${pct(b.share, b.derived)}`).join("; ")}. Ihre Antwort: ${own.join(", ") || "keine"}.`,
      chartHeight,
      (x, y) => drawBars(doc, shown, x, y),
    );
    t.table(...table, layout);
  };
  return { height, draw };
}

function renderRecommendations(w: Writer, m: TReportModel) {
  w.startChapter();
  w.section("Sect", (sec) => {
    sec.heading(1, "Empfehlungen");
    if (m.recommendations.length === 0)
      sec.para("Bei den beantworteten Fragen sehen wir keine Lücke, für die wir einen nächsten Schritt empfehlen.");
    else {
      sec.para("Die nächsten Schritte, nach Wirkung geordnet:");
      sec.list(m.recommendations.map((r, i) => ({ label: `${i + 1}.`, title: r.title, body: r.text })));
    }
  });
}

function renderProgress(w: Writer, m: TReportModel) {
  const p = m.progress;
  if (!p) return;
  w.section("Sect", (sec) => {
    sec.heading(1, `Entwicklung seit ${p.previousLabel}`);
    sec.para(
      `Digitaler Reifegrad ${p.previousLabel}: ${fmt(p.indexBefore)} Punkte, ${p.label}: ${fmt(p.indexNow)} Punkte (${formatDelta(p.indexBefore, p.indexNow)} Punkte).`,
      { bold: true },
    );
    sec.table(
      `Dimensionen ${p.previousLabel} und ${p.label} (Punkte von 100)`,
      ["Dimension", p.previousLabel, p.label, "Veränderung"],
      p.dimensions.map((d) => [d.label, fmt(d.before), fmt(d.now), formatDelta(d.before, d.now)]),
      [0.4, 0.2, 0.2, 0.2],
    );
    if (p.history.length > 2)
      sec.table(
        "Reifegrad im Zeitverlauf",
        ["Jahr", "Reifegrad"],
        p.history.map((h) => [h.label, fmt(h.index)]),
        [0.5, 0.5],
      );
    sec.heading(2, "Was sich geändert hat");
    if (p.changes.length === 0) sec.para(`Ihre Antworten sind dieselben wie ${p.previousLabel}.`);
    else sec.list(p.changes.map((c) => ({ label: "–", body: c })));
    if (p.newStrengths.length > 0) sec.para(`Neue Stärken: ${p.newStrengths.join(", ")}.`);
    if (p.newGaps.length > 0) sec.para(`Neue Lücken: ${p.newGaps.join(", ")}.`);
  });
}

function renderPlan(w: Writer, m: TReportModel) {
  if (m.plan.length === 0) return;
  // On a page of its own: the council may adopt it as it stands.
  w.doc.addPage();
  w.section("Sect", (sec) => {
    sec.heading(1, "Maßnahmenplan");
    sec.para(
      "Die Ziele der Kommune, geordnet nach der Dringlichkeit der Empfehlungen: welche Antwort bis wann erreicht werden soll und wer verantwortlich ist.",
    );
    sec.table(
      "Maßnahmenplan",
      ["Thema", "Heute", "Ziel", "Bis", "Verantwortlich", "Stand"],
      m.plan.map((r) => [r.name, r.today, r.target, String(r.year), r.responsible, r.met ? "erreicht" : "offen"]),
      [0.18, 0.17, 0.17, 0.09, 0.27, 0.12],
    );
  });
}

/** "Wo wir uns uneinig sind": the comparison of the unit's own people, on a page of its own. */
function renderDisagreement(w: Writer, m: TReportModel) {
  const d = m.disagreement;
  if (!d) return;
  w.doc.addPage();
  w.section("Sect", (sec) => {
    sec.heading(1, "Wo wir uns uneinig sind");
    sec.para(d.summary);
    sec.table(
      "Antworten der Beteiligten je Frage, die größte Uneinigkeit zuerst",
      ["Frage", "Antworten nach Rollen", "Abstand"],
      d.rows.map((r) => [r.disputed ? `${r.name} (uneinig)` : r.name, r.answers, r.distance]),
      [0.22, 0.56, 0.22],
    );
  });
}

/** "Methode und Quelle", kept on one page, so that its last lines never stand alone on the last page. */
function renderMethod(w: Writer, m: TReportModel) {
  const heading = "Methode und Quelle";
  const paras = [
    `Quelle: Pressemitteilung „${m.method.title}“ von Bitkom und dem Deutschen Städte- und Gemeindebund, veröffentlicht am ${m.method.published} (${m.method.url}). Umfrage unter ${m.method.sample} Städten und Gemeinden, Online-Umfrage von Bitkom Research, ${m.method.fieldwork}. Befragt wurden Bürgermeisterinnen, Bürgermeister und Digitalisierungsverantwortliche; die Umfrage ist nach Angabe der Herausgeber repräsentativ für die Kommunen in Deutschland.`,
    `Veröffentlicht und abgeleitet: ${m.method.shareBaseNote} ${DERIVED_NOTE}`,
    `„Sie liegen vor … %“ ist die Summe der Anteile niedriger eingestufter Antworten. ${ORDER_NOTE}`,
    "Der digitale Reifegrad ist ein Modell des Digitalchecks: Jede Antwort erhält 0 bis 1 Punkt, Dimensionen sind Mittelwerte ihrer Fragen, der Index der Mittelwert der fünf Dimensionen mal 100. Die Zahlen von 2020 beschreiben den Stand während der Corona-Pandemie und altern.",
    `Vergleichskommunen: nur zusammengefasste Antworten von mindestens ${m.peerGroup.k} Kommunen je Gruppe; einzelne Antworten werden nie gezeigt.`,
  ];
  const created = `Erstellt am ${m.cover.date} mit dem Kommunalen Digitalcheck.`;
  w.keepTogether(
    // A little room for rounding: the block must fit, not just.
    6 + w.headingHeight(1, heading) + [...paras, created].reduce((h, p) => h + w.paraHeight(p), 0),
  );
  w.section("Sect", (sec) => {
    sec.heading(1, heading);
    for (const p of paras) sec.para(p);
    sec.para(created, { color: COLORS.muted });
  });
}
