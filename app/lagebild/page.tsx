import type { Metadata } from "next";
import { getLagebild } from "@/lib/lagebild/get-lagebild";
import {
  estimateText,
  lagebildIndexSentence,
  lagebildScope,
  sharePct,
  type TLagebild,
} from "@/lib/lagebild/build-lagebild";
import {
  DEMO_NOTE,
  estimateMethodSentences,
  headlineLead,
  headlineLines,
  note2020,
  noEstimateSentence,
  participationSentence,
} from "@/lib/lagebild/lagebild-words";
import { reference } from "@/lib/survey/reference";
import { formatOptionShare } from "@/lib/benchmark/statements";
import { DERIVED_NOTE } from "@/lib/benchmark/method-notes";
import { releaseLabel, releaseRuleSentence } from "@/lib/peers/release-label";
import { getStateName } from "@/lib/profile/states";
import { getSizeClass } from "@/lib/profile/size-class";
import { STEPS } from "@/lib/survey/reference";
import { shortName } from "@/lib/benchmark/year-over-year";
import { Alert } from "@/components/kern/alert";
import { PeerFilterForm } from "@/components/peers/peer-filter-form";
import { Heading, PageTitle, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { Cell, Row, RowHeader, Table } from "@/components/kern/table";
import { TableRegion } from "@/components/kern/table-region";
import { StateTiles } from "@/components/lagebild/state-tiles";
import { IndexHistogram } from "@/components/lagebild/index-histogram";
import { describeError } from "@/lib/errors";
import { formatDecimal, formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Lagebild der teilnehmenden Kommunen" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const share = (n: number, of: number) => {
  const p = sharePct(n, of);
  return p === null ? "–" : `${formatDecimal(p)}\u00a0%`;
};

export default async function LagebildPage({ searchParams }: TProps) {
  const query = await searchParams;
  const result = await getLagebild({ state: query.state, sizeClass: query.sizeClass });
  return (
    <div className="stack">
      <PageTitle
        title="Lagebild: Wie digital sind die Kommunen heute?"
        preline="Gemeinsames Ergebnis der teilnehmenden Verwaltungen"
      />
      <Text>
        Das Lagebild fasst die Selbsteinschätzungen aller Verwaltungen zusammen, die auf dieser Plattform mit ihrem
        Teilnahmecode teilnehmen, und stellt sie neben die bundesweite Umfrage von 2020. Es zeigt nur veröffentlichte,
        zusammengefasste Zahlen; einzelne Antworten einer Verwaltung zeigen wir nie.
      </Text>
      {result.ok ? (
        <>
          <PeerFilterForm
            action="/lagebild"
            state={result.value.filter.state}
            sizeClass={result.value.filter.sizeClass}
            submitLabel="Lagebild anzeigen"
          />
          <LagebildView l={result.value} />
        </>
      ) : (
        <>
          <Alert tone="danger" title="Diese Auswahl gibt es nicht" role="alert">
            <Text>{describeError(result.error)}</Text>
          </Alert>
          <PeerFilterForm action="/lagebild" state={null} sizeClass={null} submitLabel="Lagebild anzeigen" />
        </>
      )}
    </div>
  );
}

function LagebildView({ l }: { l: TLagebild }) {
  const scope = lagebildScope(l.filter);
  const query = new URLSearchParams({
    ...(l.filter.state ? { state: l.filter.state } : {}),
    ...(l.filter.sizeClass ? { sizeClass: l.filter.sizeClass } : {}),
  }).toString();
  const suffix = query ? `?${query}` : "";
  return (
    <>
      <section aria-labelledby="teilnahme-heading" className="stack-sm">
        <Heading level={2} id="teilnahme-heading">
          Teilnahme: {scope}
        </Heading>
        {l.demoData ? (
          <Alert tone="info" title="Demo-Daten zählen nicht">
            <Text>{DEMO_NOTE}</Text>
          </Alert>
        ) : null}
        <Text>{participationSentence(l)}</Text>
        {l.release ? (
          <Text size="small" muted>
            {releaseLabel(l.release)}. {releaseRuleSentence(l.k)}.
          </Text>
        ) : null}
        <div className="lagebild-coverage">
          {l.filter.state ? null : <StateTiles rows={l.byState} />}
          <ParticipationTable
            title="Teilnahme nach Ländern"
            first="Land"
            rows={l.byState.map((r) => ({ key: r.state, name: getStateName(r.state), ...r }))}
          />
        </div>
        <ParticipationTable
          title="Teilnahme nach Größenklassen"
          first="Größenklasse"
          rows={l.bySizeClass.map((r) => ({
            key: r.sizeClass,
            name: `${getSizeClass(r.sizeClass).townTypePlural} (${getSizeClass(r.sizeClass).label})`,
            ...r,
          }))}
        />
      </section>

      {l.suppressed ? (
        <Alert tone="info" title="Zu wenige Vergleichskommunen">
          <Text>
            Für diese Auswahl nehmen weniger als {l.k} Verwaltungen teil. Damit sich keine einzelne Selbsteinschätzung
            herausrechnen lässt, zeigen wir dafür keine Zahlen.
          </Text>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="heute-heading" className="stack-sm">
            <Heading level={2} id="heute-heading">
              2020 und heute
            </Heading>
            {l.estimate.shown ? <Text>{headlineLead(l)}</Text> : null}
            {l.estimate.shown ? (
              <ul className="lagebild-headlines">
                {headlineLines(l).map((h) => (
                  <li key={h.id}>
                    <strong>{h.name}</strong>: {h.text}
                  </li>
                ))}
              </ul>
            ) : null}
            <EstimateNote l={l} />
            <Text size="small">{note2020(reference)}</Text>
          </section>

          {l.index ? (
            <section aria-labelledby="index-heading" className="stack-sm">
              <Heading level={2} id="index-heading">
                Digitaler Reifegrad der Teilnehmenden
              </Heading>
              <Text>{lagebildIndexSentence(l)}</Text>
              {l.index.histogram ? <IndexHistogram bins={l.index.histogram} /> : null}
            </section>
          ) : null}

          <section aria-labelledby="fragen-heading" className="stack">
            <Heading level={2} id="fragen-heading">
              Die Antworten im Einzelnen
            </Heading>
            <Text>
              Je Frage: der Anteil aller Kommunen 2020 (Stichprobe von {reference.source.sample} Kommunen,
              Pressemitteilung von Bitkom und dem Deutschen Städte- und Gemeindebund), der Anteil der teilnehmenden
              Verwaltungen und
              {l.estimate.shown
                ? " die Schätzung für alle Verwaltungen mit ihrem 95-%-Konfidenzintervall."
                : " – wo die Teilnahme dafür reicht – eine Schätzung für alle Verwaltungen."}{" "}
              {DERIVED_NOTE}
            </Text>
            {STEPS.flatMap((s) => s.questions).map((q) => {
              const row = l.questions.find((x) => x.id === q.id)!;
              return (
                <TableRegion key={q.id} label={shortName(q)}>
                  <Table
                    caption={q.text}
                    columns={[
                      { label: "Antwort" },
                      { label: "2020 (Stichprobe)", numeric: true },
                      { label: "Teilnehmende", numeric: true },
                      { label: "Schätzung für alle Verwaltungen", numeric: true },
                    ]}
                  >
                    {q.options.map((o) => {
                      const v = row.options.find((x) => x.id === o.id)!;
                      return (
                        <Row key={o.id}>
                          <RowHeader>{o.label}</RowHeader>
                          <Cell numeric>{v.share2020 === null ? "–" : formatOptionShare(v.share2020, o)}</Cell>
                          <Cell numeric>{`${formatDecimal(v.share)}\u00a0%`}</Cell>
                          <Cell numeric>{v.estimate ? estimateText(v.estimate) : "–"}</Cell>
                        </Row>
                      );
                    })}
                  </Table>
                </TableRegion>
              );
            })}
          </section>
        </>
      )}

      <section aria-labelledby="export-heading" className="stack-sm">
        <Heading level={2} id="export-heading">
          Herunterladen
        </Heading>
        <ul className="site-footer__links">
          <li>
            <Link href={`/api/lagebild/report.pdf${suffix}`} download>
              Lagebild als PDF
            </Link>
          </li>
          <li>
            <Link href={`/api/lagebild/export.csv${suffix}`} download>
              Lagebild als CSV (Excel)
            </Link>
          </li>
          <li>
            <Link href={`/api/lagebild/export.xlsx${suffix}`} download>
              Lagebild als Excel-Datei (XLSX)
            </Link>
          </li>
          <li>
            <Link href={`/api/lagebild${suffix}`} download>
              Lagebild als JSON
            </Link>
          </li>
        </ul>
      </section>
    </>
  );
}

function EstimateNote({ l }: { l: TLagebild }) {
  if (!l.estimate.shown)
    return (
      <Alert tone="info" title="Keine Schätzung für alle Verwaltungen">
        <Text>{noEstimateSentence(l)}</Text>
      </Alert>
    );
  return (
    <div className="stack-sm">
      {estimateMethodSentences(l).map((t, i) => (
        <Text size="small" key={i}>
          {i === 0 ? <strong>Schätzung: </strong> : null}
          {t}
        </Text>
      ))}
      <Text size="small">
        <Link href="/methodik#lagebild">So rechnen wir</Link>
      </Text>
    </div>
  );
}

function ParticipationTable({
  title,
  first,
  rows,
}: {
  title: string;
  first: string;
  rows: { key: string; name: string; participants: number; total: number }[];
}) {
  return (
    <TableRegion label={title}>
      <Table
        caption={title}
        columns={[
          { label: first },
          { label: "Teilnehmend", numeric: true },
          { label: "Verwaltungen", numeric: true },
          { label: "Anteil", numeric: true },
        ]}
      >
        {rows.map((r) => (
          <Row key={r.key}>
            <RowHeader>{r.name}</RowHeader>
            <Cell numeric>{formatNumber(r.participants)}</Cell>
            <Cell numeric>{formatNumber(r.total)}</Cell>
            <Cell numeric>{share(r.participants, r.total)}</Cell>
          </Row>
        ))}
      </Table>
    </TableRegion>
  );
}
