import type { Metadata } from "next";
import { getEnv } from "@/lib/env";
import { isOperatorAreaConfigured } from "@/lib/operator/config";
import { listAssessments } from "@/lib/operator/list-assessments";
import { parseAssessmentListQuery, toListSearchParams } from "@/lib/operator/list-query";
import { describeError } from "@/lib/errors";
import { Alert } from "@/components/kern/alert";
import { TableRegion } from "@/components/kern/table-region";
import { logOutAction, setPeerApprovalAction, setPeerExclusionAction, type TListNotice } from "./actions";
import { OperatorNotConfigured } from "./not-configured";
import { requireOperatorSession } from "./operator-session";
import styles from "@/components/operator/operator.module.css";
import { AssessmentFilterForm } from "@/components/operator/assessment-filter-form";
import { AssessmentRow } from "@/components/operator/assessment-row";
import { Heading, PageTitle, Text } from "@/components/kern/typography";
import { Link } from "@/components/kern/link";
import { Table } from "@/components/kern/table";
import { DescriptionList } from "@/components/kern/description-list";
import { Button } from "@/components/kern/button";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Betrieb: Selbsteinschätzungen", robots: { index: false, follow: false } };

export const dynamic = "force-dynamic";

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<Exclude<TListNotice, "not_found">, string> = {
  excluded: "Die Selbsteinschätzung ist aus dem Vergleich ausgeschlossen.",
  included: "Die Selbsteinschätzung ist wieder in den Vergleich einbezogen.",
  approved: "Die Selbsteinschätzung ist für den Vergleich freigegeben.",
  revoked: "Die Freigabe ist zurückgenommen.",
  deleted: "Die Selbsteinschätzung ist gelöscht.",
};

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function OperatorPage({ searchParams }: TProps) {
  if (!isOperatorAreaConfigured(getEnv())) return <OperatorNotConfigured />;
  await requireOperatorSession();
  const params = await searchParams;
  const query = parseAssessmentListQuery(params);
  const list = await listAssessments(query);
  const notice = firstValue(params.notice);
  const back = toListSearchParams(query).toString();
  const pageHref = (page: number) => {
    const p = toListSearchParams({ ...query, page }).toString();
    return p ? `/betrieb?${p}` : "/betrieb";
  };

  return (
    <div className="stack">
      <div className={styles.header}>
        <PageTitle title="Selbsteinschätzungen" preline="Betriebsbereich" />
        <Link href="/betrieb/teilnahme">Teilnahmecodes</Link>
        <Link href="/betrieb/protokoll">Protokoll</Link>
        <Link href="/lagebild">Lagebild</Link>
        <form action={logOutAction}>
          <Button variant="secondary" type="submit">
            Abmelden
          </Button>
        </form>
      </div>

      {notice === "not_found" ? (
        <Alert tone="danger" title="Nicht möglich" role="alert">
          <Text>{describeError({ kind: "assessment_gone" })}</Text>
        </Alert>
      ) : notice && Object.hasOwn(NOTICES, notice) ? (
        <Alert tone="success" title={NOTICES[notice as keyof typeof NOTICES]} role="status" />
      ) : null}

      <Text>
        Hier sehen Sie, welche Kommunen wann eine Selbsteinschätzung angelegt oder abgeschlossen haben, aber nie ihre
        Antworten. Sie können einzelne Selbsteinschätzungen aus dem Vergleich mit anderen Kommunen herausnehmen oder
        löschen.
        {list.requiresApproval
          ? " Neue Selbsteinschätzungen zählen im Vergleich erst, wenn Sie sie freigegeben haben."
          : null}
      </Text>

      <AssessmentFilterForm query={query} />

      <Text id="treffer">
        {list.total === 1
          ? "1 Selbsteinschätzung gefunden"
          : `${formatNumber(list.total)} Selbsteinschätzungen gefunden`}
        {list.pageCount > 1 ? ` – Seite ${list.page} von ${list.pageCount}` : null}.
      </Text>

      {list.rows.length > 0 ? (
        <TableRegion label="Liste der Selbsteinschätzungen">
          <Table
            caption={`Selbsteinschätzungen${list.pageCount > 1 ? `, Seite ${list.page} von ${list.pageCount}` : ""}`}
            captionHidden
            columns={["Kommune", "Bundesland", "Größenklasse", "Datum", "Im Vergleich", "Aktionen"].map((label) => ({
              label,
            }))}
          >
            {list.rows.map((row) => (
              <AssessmentRow
                key={row.id}
                row={row}
                back={back}
                requiresApproval={list.requiresApproval}
                setPeerExclusionAction={setPeerExclusionAction}
                setPeerApprovalAction={setPeerApprovalAction}
              />
            ))}
          </Table>
        </TableRegion>
      ) : (
        <Text>
          {list.total > 0 ? (
            <>
              Auf dieser Seite gibt es keine Einträge mehr. <Link href={pageHref(1)}>Zur ersten Seite</Link>
            </>
          ) : (
            "Keine Selbsteinschätzung passt zu diesen Filtern."
          )}
        </Text>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label="Seiten der Liste" className={styles.pager}>
          {list.page > 1 ? (
            <Link href={pageHref(list.page - 1)} rel="prev">
              Vorherige Seite
            </Link>
          ) : null}
          <Text as="span">
            Seite {Math.min(list.page, list.pageCount)} von {list.pageCount}
          </Text>
          {list.page < list.pageCount ? (
            <Link href={pageHref(list.page + 1)} rel="next">
              Nächste Seite
            </Link>
          ) : null}
        </nav>
      ) : null}

      <section className="stack-sm" aria-labelledby="wirkung">
        <Heading level={2} id="wirkung">
          Was die Aktionen bewirken
        </Heading>
        <DescriptionList
          items={[
            {
              key: "Aus Vergleich ausschließen",
              value:
                "Die Selbsteinschätzung bleibt erhalten und die Kommune sieht weiter ihr Ergebnis. In den Zahlen zum Vergleich mit anderen Kommunen zählt sie nicht mehr, auch keine ältere Fassung derselben Kommune. „Wieder einbeziehen“ macht das rückgängig.",
            },
            list.requiresApproval
              ? {
                  key: "Freigeben",
                  value:
                    "Abgeschlossene Selbsteinschätzungen zählen im Vergleich erst nach Ihrer Freigabe. „Freigabe zurücknehmen“ nimmt sie wieder heraus.",
                }
              : null,
            {
              key: "Löschen",
              value:
                "Entfernt die Selbsteinschätzung mit allen Antworten endgültig; ihr Link funktioniert danach nicht mehr. Hat dieselbe Kommune eine ältere abgeschlossene Selbsteinschätzung, zählt dann diese im Vergleich.",
            },
          ]}
        />
        <Text size="small">
          Im Vergleich zählt je Kommune nur die zuletzt abgeschlossene Selbsteinschätzung. Zahlen einer Gruppe werden
          erst gezeigt, wenn mindestens {getEnv().PEER_K} Kommunen darin zählen. Jede Änderung wirkt sofort auf die
          angezeigten Vergleichszahlen.
        </Text>
      </section>
    </div>
  );
}
