import { DIMENSION_LABELS } from "@/lib/benchmark/compute-benchmark";
import {
  changedNames,
  changeNote,
  formatDelta,
  type THistoryItem,
  type TYearComparison,
} from "@/lib/benchmark/year-over-year";
import { HistoryChart } from "@/components/charts/history-chart";
import { Heading, List, Text } from "@/components/kern/typography";
import { Cell, Row, RowHeader, Table } from "@/components/kern/table";
import { TableRegion } from "@/components/kern/table-region";
import { formatDecimalOrDash } from "@/lib/format/number";
import { Link } from "@/components/kern/link";

/** "Entwicklung": what changed since the year before and over all years (docs/adr/0010-year-after-year.md). */
export function YearOverYear({
  comparison: c,
  history,
  nationalMean,
  headingLevel = 2,
  earlierHref,
}: {
  comparison: TYearComparison;
  history: THistoryItem[];
  nationalMean: number;
  headingLevel?: 2 | 3;
  /** Where an earlier year opens read only (the results page); without it the years are not linked. */
  earlierHref?: (assessmentId: string) => string;
}) {
  return (
    <section aria-labelledby="entwicklung-heading" className="stack-sm">
      <Heading level={headingLevel} id="entwicklung-heading">
        Entwicklung seit {c.previousLabel}
      </Heading>
      <Text>
        Reifegrad {c.previousLabel}: <strong>{formatDecimalOrDash(c.indexBefore)}</strong> Punkte, {c.label}:{" "}
        <strong>{formatDecimalOrDash(c.indexNow)}</strong> Punkte ({formatDelta(c.indexBefore, c.indexNow)} Punkte).
      </Text>
      <TableRegion label="Dimensionen im Vergleich zum Vorjahr">
        <Table
          caption={`Dimensionen ${c.previousLabel} und ${c.label}`}
          stacked
          columns={[
            { label: "Dimension" },
            { label: c.previousLabel, numeric: true },
            { label: c.label, numeric: true },
            { label: "Veränderung", numeric: true },
          ]}
        >
          {c.dimensions.map((d) => (
            <Row key={d.id}>
              <RowHeader>{DIMENSION_LABELS[d.id]}</RowHeader>
              <Cell numeric label={c.previousLabel}>
                {formatDecimalOrDash(d.before)}
              </Cell>
              <Cell numeric label={c.label}>
                {formatDecimalOrDash(d.now)}
              </Cell>
              <Cell numeric label="Veränderung">
                {formatDelta(d.before, d.now)}
              </Cell>
            </Row>
          ))}
        </Table>
      </TableRegion>
      <Heading level={headingLevel === 2 ? 3 : 4}>Was sich geändert hat</Heading>
      {c.changes.length > 0 ? (
        <List kind="bullet" className="change-list">
          {c.changes.map((x) => (
            <li
              key={x.questionId}
              className={
                x.direction === "better"
                  ? "change-list__better"
                  : x.direction === "worse"
                    ? "change-list__worse"
                    : undefined
              }
            >
              <strong>{x.name}:</strong> {c.previousLabel} „{x.fromLabel}“ → {c.label} „{x.toLabel}“
              {changeNote(x.direction)}
            </li>
          ))}
        </List>
      ) : (
        <Text>Ihre Antworten sind dieselben wie {c.previousLabel}.</Text>
      )}
      {c.newStrengths.length > 0 ? (
        <Text>
          <strong>Neue Stärken:</strong> {changedNames(c, c.newStrengths).join(", ")}.
        </Text>
      ) : null}
      {c.newGaps.length > 0 ? (
        <Text>
          <strong>Neue Lücken:</strong> {changedNames(c, c.newGaps).join(", ")}.
        </Text>
      ) : null}
      <HistoryChart
        years={history.map((h) => h.label)}
        index={history.map((h) => h.index)}
        dimensions={Object.entries(DIMENSION_LABELS).map(([id, label]) => ({
          label,
          scores: history.map((h) => h.dimensions[id as keyof typeof DIMENSION_LABELS]),
        }))}
        nationalMean={nationalMean}
      />
      {earlierHref ? (
        <>
          <Heading level={headingLevel === 2 ? 3 : 4}>Frühere Selbsteinschätzungen ansehen</Heading>
          <List kind="bullet">
            {history.slice(0, -1).map((h) => (
              <li key={h.id}>
                <Link href={earlierHref(h.id)}>
                  {h.label}: Reifegrad {formatDecimalOrDash(h.index)} Punkte (nur lesbar)
                </Link>
              </li>
            ))}
          </List>
        </>
      ) : null}
    </section>
  );
}
