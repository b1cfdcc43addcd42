import type { TPlanRow } from "@/lib/benchmark/targets";
import { Badge } from "@/components/kern/badge";
import { Alert } from "@/components/kern/alert";
import { Heading, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { Cell, Row, RowHeader, Table } from "@/components/kern/table";
import { TableRegion } from "@/components/kern/table-region";

/** The Maßnahmenplan: the targets in the order of priority, with year and responsible unit (docs/adr/0010-year-after-year.md). */
export function ActionPlan({ rows, targetsHref, saved }: { rows: TPlanRow[]; targetsHref: string; saved?: boolean }) {
  return (
    <section aria-labelledby="massnahmenplan-heading" className="stack-sm" id="massnahmenplan">
      <Heading level={2} id="massnahmenplan-heading">
        Maßnahmenplan
      </Heading>
      {/* After "Ziele speichern" the page opens at this section: the confirmation stands inside it, in view. */}
      {saved ? (
        <Alert tone="success" title="Ihre Ziele sind gespeichert" role="status">
          <Text>Der Maßnahmenplan und der PDF-Bericht zeigen sie.</Text>
        </Alert>
      ) : null}
      {rows.length > 0 ? (
        <>
          <Text>
            Ihre Ziele, geordnet nach der Dringlichkeit unserer Empfehlungen. Den Plan finden Sie auch im PDF-Bericht,
            etwa als Vorlage für einen Beschluss im Rat.
          </Text>
          <TableRegion label="Maßnahmenplan">
            <Table
              caption="Maßnahmenplan"
              captionHidden
              stacked
              columns={[
                { label: "Thema" },
                { label: "Heute" },
                { label: "Ziel" },
                { label: "Bis", numeric: true },
                { label: "Verantwortlich" },
                { label: "Stand" },
              ]}
            >
              {rows.map((r) => (
                <Row key={r.questionId}>
                  <RowHeader>{r.name}</RowHeader>
                  <Cell label="Heute">{r.today}</Cell>
                  <Cell label="Ziel">{r.target}</Cell>
                  <Cell numeric label="Bis">
                    {r.year}
                  </Cell>
                  <Cell label="Verantwortlich">{r.responsible}</Cell>
                  <Cell label="Stand">
                    {r.met ? <Badge tone="success">erreicht</Badge> : <Badge tone="info">offen</Badge>}
                  </Cell>
                </Row>
              ))}
            </Table>
          </TableRegion>
        </>
      ) : (
        <Text>
          Legen Sie fest, welche Antwort Sie bei einer Frage in einigen Jahren geben möchten, bis wann und wer dafür
          verantwortlich ist. Daraus entsteht Ihr Maßnahmenplan.
        </Text>
      )}
      <Text>
        <Link href={targetsHref}>{rows.length > 0 ? "Ziele ändern" : "Ziele festlegen"}</Link>
      </Text>
    </section>
  );
}
